"""Data functions: each builds what one page shows, and its API twin serialises the same result."""
