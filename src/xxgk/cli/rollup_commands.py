"""Commands of the supervising office and researchers (`xxgk indicators`)."""

from xxgk.cli.main import app  # noqa: F401  (commands are added here)
