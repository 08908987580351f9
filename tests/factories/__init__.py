"""Test data built through the services the platform itself uses (cases, publications, campaigns),
so a test starts from states the application can reach. `annual` is the exception: it writes the
rows behind a report's cells directly, to set exact counts per cell without running each case's
workflow; what it writes is what the services write (the table 三 contract fields)."""
