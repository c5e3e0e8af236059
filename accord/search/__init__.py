"""Morphology-aware full-text search: lemmatised text indexed by SQLite FTS5 or PostgreSQL tsvector."""
