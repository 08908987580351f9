"""Commands of the annual-report context (`xxgk annual`)."""

from xxgk.cli.main import app  # noqa: F401  (commands are added here)
