"""Reading one printed cell: a number, a blank marker, or label text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

# Printed instead of a number; stored as None and flagged (spec rule 6).
BLANK_MARKERS = frozenset({"", "/", "\\", "—", "——", "-", "--", "–", "－", "无"})
_NUMBER = re.compile(r"^[+\-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+\-]?\d+(?:\.\d+)?$")

CellKind = Literal["number", "blank", "label"]


@dataclass(frozen=True)
class CellReading:
    kind: CellKind
    text: str
    number: Decimal | None = None


def fold(text: str) -> str:
    """Width-folded text with all whitespace (incl. &nbsp; and full-width space) removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=4096)
def read_cell(text: str) -> CellReading:
    """What a printed cell holds (readings are immutable, so repeated texts share one)."""
    folded = fold(text)
    if folded in BLANK_MARKERS:
        return CellReading("blank", folded)
    if _NUMBER.match(folded):
        try:
            return CellReading("number", folded, Decimal(folded.replace(",", "")))
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            pass
    return CellReading("label", folded)


# Searching the ways to cut a run of digits is cheap for real rows; beyond this many steps, give up.
_MAX_STEPS = 200_000


def split_run_together(
    tokens: list[str],
    width: int,
    valid: Callable[[list[int]], bool] | None = None,
    prefix_ok: Callable[[list[int]], bool] | None = None,
) -> list[int] | None:
    """Cuts digit tokens printed without separators (`1000001`, `10 0 0 0 01`) into `width` counts.

    Each token gives at least one count; a piece has no leading zero unless it is `0`. Returns
    the one split that `valid` accepts, or None when there is none or more than one (or the
    search is too long): a value is never guessed. `prefix_ok`, when given, rejects a beginning
    that no accepted split can have, so the search stops there (it must be False only where
    `valid` would be False for every completion).
    """
    if not tokens or not all(t.isdigit() for t in tokens) or sum(len(t) for t in tokens) < width:
        return None
    found: list[list[int]] = []
    steps = 0
    # Digits in the tokens after each token.
    after = [sum(len(t) for t in tokens[i + 1 :]) for i in range(len(tokens))]
    acc: list[int] = []

    def walk(index: int, start: int) -> None:
        """Places the next piece, beginning at `start` in `tokens[index]`."""
        nonlocal steps
        steps += 1
        if steps > _MAX_STEPS or len(found) > 1:
            return
        token = tokens[index]
        need = width - len(acc)  # pieces still to place, this one included
        later = len(tokens) - index - 1  # tokens after this one, each needing a piece
        for end in range(start + 1, len(token) + 1):
            piece = token[start:end]
            if len(piece) > 1 and piece[0] == "0":
                break
            left_here = len(token) - end
            if left_here + after[index] < need - 1:
                break  # too few digits left for the pieces still needed
            if need - 1 < later + (1 if left_here else 0):
                continue  # too few pieces left for the digits still to cut
            acc.append(int(piece))
            if prefix_ok is None or prefix_ok(acc):
                if left_here:
                    walk(index, end)
                elif index + 1 < len(tokens):
                    walk(index + 1, 0)
                elif len(acc) == width and (valid is None or valid(acc)):
                    found.append(list(acc))
            acc.pop()

    walk(0, 0)
    return found[0] if len(found) == 1 and steps <= _MAX_STEPS else None
