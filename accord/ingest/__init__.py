"""News ingest: sources → items stored exactly once → people, events and proposals → a person's review.

``Ingestor(db, actor).run(sources)`` reads files, folders, pages, feeds and saved
sources; ``review.accept`` / ``review.reject`` are how a person decides on a proposal.
"""

from accord.ingest.review import ReviewError, accept, pending, reject
from accord.ingest.run import Ingestor, Summary

__all__ = ["Ingestor", "ReviewError", "Summary", "accept", "pending", "reject"]
