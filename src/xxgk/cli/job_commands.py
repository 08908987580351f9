"""Background-job commands (`xxgk worker`)."""

from xxgk.cli.main import app  # noqa: F401  (commands are added here)
