"""Morphology-aware full-text search: lemmatised text indexed by SQLite FTS5 or PostgreSQL tsvector,
queried here; the index is kept by ``accord.store.indexing``."""
