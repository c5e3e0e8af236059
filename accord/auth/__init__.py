"""Accounts, passwords, API tokens and the rules of who may change what."""
