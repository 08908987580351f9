"""The REST API (django-ninja) and bulk open data."""
