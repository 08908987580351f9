"""Paths of the real published reports kept in tests/data (see tests/data/reports/README.md)."""

from pathlib import Path

DATA = Path(__file__).parent.parent / "data"
REPORTS = DATA / "reports"
SEED = DATA / "seeds" / "000_a506050fcd0660b0.txt"
