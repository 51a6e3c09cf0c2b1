"""One router per resource: overview, regions, facts, documents, entities, conflicts, search,
ingest, assets."""
