"""Organisations (a supervision tree), staff users, their roles, and the scoping of every read."""
