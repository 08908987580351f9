"""Files a test keeps for a person to look at (screenshots, rendered pages): `test-artefacts/` at the
repository root, git-ignored, replaced on every run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artefacts"


def artefact(name: str) -> Path:
    ARTEFACTS.mkdir(exist_ok=True)
    return ARTEFACTS / name


def screenshot(page: Any, name: str) -> Path:
    """A full-page PNG of the browser page as `name`.png."""
    path = artefact(f"{name}.png")
    page.screenshot(path=str(path), full_page=True)
    return path
