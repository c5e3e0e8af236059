"""accord: runs an intergovernmental cooperation roadmap and reads the news for evidence of progress."""

__version__ = "0.1.0"
