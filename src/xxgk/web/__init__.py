"""The xxgk platform: a Django project whose apps live in this package (see design.md)."""
