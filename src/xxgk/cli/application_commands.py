"""Commands of the applications context (`xxgk remind`)."""

from xxgk.cli.main import app  # noqa: F401  (commands are added here)
