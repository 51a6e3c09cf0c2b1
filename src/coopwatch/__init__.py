"""coopwatch: news about Belarus–Russian-regions cooperation in, trusted facts out.

The public API in a few names:

- `coopwatch.ingest.read_inputs(paths)` yields `RawDocument`s (or `IngestError`s) from files,
  folders, HTML, JSON Lines, feeds and URLs;
- `coopwatch.pipeline.clean_document(raw)` -> `Document`: cleaned text, language, date, sentences;
- `coopwatch.pipeline.extract_facts(doc)` -> `Extraction`: trade atoms, targets, people, ...;
- `coopwatch.store.open_store(url)` -> `Store`: the only place that speaks SQL;
- `coopwatch.jobs` ties them together: batches, processes, one transaction per document.
"""

__version__ = "0.1.0"

import os as _os

# natasha's NER multiplies small matrices: BLAS threads only fight over the cores (ten times
# slower on a busy machine, measured with `coopwatch bench extract`). Parallelism here is
# processes, so numeric libraries get one thread each unless the user says otherwise.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_name, "1")
