"""Ingest on Celery workers: items as tasks over RabbitMQ or Redis, outcomes kept in the database.

``app`` builds the Celery application from the settings, ``items`` is what a worker does
with one item, ``batches`` turns sources into task rows and reads a batch's summary back,
``schedule`` claims source polls with a lease, ``status`` asks the workers how they are.
"""
