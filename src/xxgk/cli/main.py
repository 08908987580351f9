"""Entry point of the `xxgk` console script (`xxgk.cli.main:app`) and of `python -m xxgk.cli.main`."""

from xxgk.cli.app import app

__all__ = ["app"]

if __name__ == "__main__":
    app()
