"""The rules of the annual-report format, each a small function returning findings."""
