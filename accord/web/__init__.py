"""The web application: server-rendered pages and the REST API over the same data functions."""
