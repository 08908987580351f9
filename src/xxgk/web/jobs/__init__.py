"""Background jobs on Celery (in-process when no broker is configured) with visible progress."""
