"""Deadline reminders: who owes what and when, as e-mail digests and as a calendar feed."""
