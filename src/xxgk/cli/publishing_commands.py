"""Commands of the proactive-disclosure context (`xxgk scan`)."""

from xxgk.cli.main import app  # noqa: F401  (commands are added here)
