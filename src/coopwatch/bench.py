"""`coopwatch bench ingest`: documents per second and peak memory of the whole ingest path
(read -> clean -> split -> [extract] -> store) on a synthetic corpus written on the fly.

Budget: >= 300 docs/s on one core (workers=1) for cleaning + splitting + storing, and a peak
RSS under 500 MB whatever the number of documents (inputs are streamed). With `html=True` the
pages are HTML, and the HTML step alone (ours vs trafilatura's own default `extract`) is timed
on the same pages for comparison: the whole ingest also cleans, splits and stores.
The shared helpers (`peak_rss_mb`, `Stopwatch`) serve the other benches too.
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coopwatch.ingest import read_inputs

REGIONS_EN = ["Tula Oblast", "Lipetsk Oblast", "Tomsk Oblast", "Vladimir Oblast", "Kaluga Oblast",
              "Bryansk Oblast", "Smolensk Oblast", "Bashkortostan", "Tatarstan", "Krasnodar Krai"]
REGIONS_RU = ["Тульской области", "Липецкой области", "Томской области", "Владимирской области",
              "Калужской области", "Брянской области", "Смоленской области", "Башкортостана",
              "Татарстана", "Краснодарского края"]
GOODS_EN = ["tractors", "buses", "dairy products", "fertilizers", "elevators", "machine tools",
            "furniture", "trolleybuses", "combine harvesters", "medicines", "timber", "tyres"]
GOODS_RU = ["тракторов", "автобусов", "молочной продукции", "удобрений", "лифтов", "станков",
            "мебели", "троллейбусов", "комбайнов", "лекарств", "древесины", "шин"]
SENTENCES_EN = [
    "Trade between Belarus and {region} reached ${amount} million in {year}, up {pct}%.",
    "Exports of {goods} from Belarus to {region} grew by {pct}% in January-{month} {year}.",
    "The governor of {region} met the Belarusian delegation in {city} on {day} {month}.",
    "The parties signed {count} agreements on supplies of {goods} and {goods2}.",
    "A joint assembly plant for {goods} is to open in {region} by {year2}.",
    "The sides plan to bring trade to ${target} million in the medium term.",
    "More than {count} companies of {region} work with Belarusian partners today.",
    "Imports from {region} fell by {pct}% because of lower deliveries of {goods}.",
]
SENTENCES_RU = [
    "Товарооборот Беларуси и {region} в {year} году составил ${amount} млн, рост – {pct}%.",
    "Экспорт {goods} в регионы России за январь – {month_ru} {year} года вырос на {pct}%.",
    "Губернатор {region} встретился с белорусской делегацией {day} {month_ru}.",
    "Стороны подписали {count} соглашений о поставках {goods} и {goods2}.",
    "Совместное производство {goods} планируется открыть к {year2} году.",
    "Стороны намерены довести товарооборот до ${target} млн в среднесрочной перспективе.",
    "Более {count} предприятий {region} сотрудничают с белорусскими партнерами.",
    "Импорт из {region} снизился на {pct}% из-за сокращения поставок {goods}.",
]
WORDS_EN = ("cooperation industry region partners project supply plant market delivery "
            "production investment agriculture logistics engineering delegation exhibition "
            "forum contract programme equipment growth potential visit talks agenda").split()
WORDS_RU = ("сотрудничество промышленность регион партнер проект поставка завод рынок "
            "производство инвестиция сельский хозяйство логистика машиностроение делегация "
            "выставка форум контракт программа оборудование рост потенциал визит переговоры"
            ).split()
MONTHS = ["March", "April", "May", "June", "July", "August", "September", "October"]
MONTHS_RU = ["марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября"]


def peak_rss_mb() -> float:
    """The peak resident memory (MB) of this process or of its largest child, so far."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024.0  # Linux reports kilobytes


@dataclass
class Stopwatch:
    """Wall and CPU seconds and a count, as rates: `with watch: ...` then `watch.rate(n)`.
    CPU time (this process's) is the honest one-core figure on a busy machine."""

    seconds: float = 0.0
    cpu_seconds: float = 0.0
    _started: float = 0.0
    _cpu_started: float = 0.0

    def __enter__(self) -> Stopwatch:
        self._started, self._cpu_started = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds += time.perf_counter() - self._started
        self.cpu_seconds += time.process_time() - self._cpu_started

    def rate(self, count: int) -> float:
        """Items per wall-clock second."""
        return count / self.seconds if self.seconds else 0.0

    def cpu_rate(self, count: int) -> float:
        """Items per CPU second of this process."""
        return count / self.cpu_seconds if self.cpu_seconds else 0.0


def synthetic_article(rng: random.Random, index: int, lang: str) -> tuple[str, str]:
    """A ~2 KB article (title, body) from templates, random figures and filler sentences."""
    english = lang == "en"
    templates, words = (SENTENCES_EN, WORDS_EN) if english else (SENTENCES_RU, WORDS_RU)
    regions, goods = (REGIONS_EN, GOODS_EN) if english else (REGIONS_RU, GOODS_RU)
    paragraphs, size = [], 0
    while size < 1900:
        sentences = []
        for _ in range(3):
            if rng.random() < 0.5:
                sentences.append(rng.choice(templates).format(**_slots(rng, regions, goods)))
            else:
                filler = " ".join(rng.choice(words) for _ in range(rng.randint(8, 16)))
                sentences.append(filler.capitalize() + f" {rng.randint(1, 9999)}.")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    region = rng.choice(regions)
    title = (f"Belarus and {region}: report {index}" if english
             else f"Беларусь и регион {region}: сообщение {index}")
    return title, "\n\n".join(paragraphs)


def _slots(rng: random.Random, regions: list[str], goods: list[str]) -> dict[str, Any]:
    month = rng.randrange(len(MONTHS))
    return {
        "region": rng.choice(regions), "goods": rng.choice(goods), "goods2": rng.choice(goods),
        "amount": rng.randint(20, 1500), "pct": round(rng.uniform(1, 60), 1),
        "year": rng.randint(2015, 2025), "year2": rng.randint(2025, 2030),
        "month": MONTHS[month], "month_ru": MONTHS_RU[month], "day": rng.randint(1, 28),
        "count": rng.randint(2, 40), "target": rng.randint(100, 3000), "city": "Minsk",
    }


def page_html(title: str, body: str, index: int) -> str:
    """An HTML page around an article: menus, sidebar, footer, as news sites wrap them."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    menu = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(12))
    return (
        f"<html><head><title>{title}</title><meta name='date' content='2024-0{index % 9 + 1}-15'>"
        f"</head><body><nav><ul>{menu}</ul></nav><header><h1>News portal</h1></header>"
        f"<main><article><h1>{title}</h1>{paragraphs}</article></main>"
        f"<aside><h3>Most read</h3><ul>{menu}</ul></aside>"
        f"<footer>© News portal. All rights reserved. Subscribe to our newsletter.</footer>"
        f"</body></html>"
    )


def write_corpus(folder: Path, count: int, html: bool = False, seed: int = 7) -> Iterator[Path]:
    """Write `count` synthetic articles (alternating EN and RU) one by one, yielding paths."""
    rng = random.Random(seed)
    for index in range(count):
        lang = "en" if index % 2 == 0 else "ru"
        title, body = synthetic_article(rng, index, lang)
        if html:
            path = folder / f"{lang}-{index:06d}.html"
            path.write_text(page_html(title, body, index), encoding="utf-8")
        else:
            path = folder / f"{lang}-{index:06d}.txt"
            path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        yield path


@dataclass
class IngestBench:
    """The figures `bench ingest` reports."""

    documents: int
    html: bool
    extract: bool
    workers: int
    reader: str
    seconds: float = 0.0
    docs_per_s: float = 0.0
    docs_per_cpu_s: float | None = None  # workers=1 only: the parent does all the work
    peak_rss_mb: float = 0.0
    ingested: int = 0
    near_duplicates: int = 0
    failed: int = 0
    # --html: the HTML step alone on the same pages, one after the other in this process:
    # coopwatch's (text + title/date/url/site) and trafilatura's own default `extract` (text).
    html_step_docs_per_s: float | None = None
    html_step_docs_per_cpu_s: float | None = None
    trafilatura_docs_per_s: float | None = None
    trafilatura_docs_per_cpu_s: float | None = None
    trafilatura_metadata_docs_per_s: float | None = None
    trafilatura_metadata_docs_per_cpu_s: float | None = None
    notes: list[str] = field(default_factory=list)


def run_ingest_bench(
    count: int, html: bool = False, extract: bool = True, workers: int = 1, progress: bool = True
) -> IngestBench:
    """Generate a corpus in a temp folder, ingest it into a temp database, measure."""
    from coopwatch import jobs
    from coopwatch.store import open_store

    with tempfile.TemporaryDirectory(prefix="coopwatch-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for _ in write_corpus(folder, count, html):
            pass
        inputs, reader = read_inputs([str(folder)]), "coopwatch.ingest.read_inputs"
        result = IngestBench(count, html, extract, workers, reader)
        _warm_up(html)
        with open_store(Path(tmp) / "bench.db") as store:
            watch = Stopwatch()
            with watch:
                report = jobs.ingest_stream(inputs, store, progress, workers, extract)
        result.seconds, result.docs_per_s = watch.seconds, watch.rate(report.seen)
        if workers == 1:
            result.docs_per_cpu_s = watch.cpu_rate(report.seen)
        result.ingested, result.near_duplicates = report.ingested, report.near_duplicates
        result.failed = len(report.failed)
        result.notes = [str(f) for f in report.failed[:5]]
        if html:
            compare_html_step(folder, result)
    result.peak_rss_mb = peak_rss_mb()
    return result


def compare_html_step(folder: Path, result: IngestBench) -> None:
    """Time the HTML step alone on the same pages: ours, trafilatura's default `extract`, and
    trafilatura's `bare_extraction` with metadata (what coopwatch called before)."""
    watches = time_html(folder)
    count = result.documents
    ours, plain, full = (watches[way] for way in HTML_WAYS)
    result.html_step_docs_per_s, result.html_step_docs_per_cpu_s = (
        ours.rate(count), ours.cpu_rate(count))
    result.trafilatura_docs_per_s = plain.rate(count)
    result.trafilatura_docs_per_cpu_s = plain.cpu_rate(count)
    result.trafilatura_metadata_docs_per_s = full.rate(count)
    result.trafilatura_metadata_docs_per_cpu_s = full.cpu_rate(count)


HTML_WAYS = ("coopwatch", "extract", "metadata")


def time_html(folder: Path) -> dict[str, Stopwatch]:
    """Each way of turning the folder's pages into text, timed page by page in turn, the
    order rotating (so a busy machine and cold caches slow them alike): "coopwatch"
    (`ingest.html.extract_html`: text, title, date, URL, site), "extract" (`trafilatura.extract`,
    defaults: text only) and "metadata" (`bare_extraction` with metadata)."""
    import trafilatura

    from coopwatch.ingest.html import extract_html

    ways: dict[str, Any] = {
        "coopwatch": extract_html,
        "extract": trafilatura.extract,
        "metadata": lambda page: trafilatura.bare_extraction(
            page, with_metadata=True, include_tables=True),
    }
    watches = {way: Stopwatch() for way in HTML_WAYS}
    for index, path in enumerate(sorted(folder.glob("*.html"))):
        page = path.read_text(encoding="utf-8")
        turn = index % len(HTML_WAYS)  # whoever goes first on a page pays ~10% more: rotate
        for way in HTML_WAYS[turn:] + HTML_WAYS[:turn]:
            with watches[way]:
                ways[way](page)
    return watches


def _warm_up(html: bool) -> None:
    """Import the pipeline (and trafilatura) before timing: steady-state throughput."""
    import coopwatch.pipeline  # noqa: F401

    if html:
        import trafilatura  # noqa: F401


