"""Reading one printed cell: a number, a blank marker, or label text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
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


def read_cell(text: str) -> CellReading:
    folded = fold(text)
    if folded in BLANK_MARKERS:
        return CellReading("blank", folded)
    if _NUMBER.match(folded):
        try:
            return CellReading("number", folded, Decimal(folded.replace(",", "")))
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            pass
    return CellReading("label", folded)


def is_number(text: str) -> bool:
    return read_cell(text).kind == "number"


# Enumerating the ways to cut a run of digits is cheap for real rows; beyond this, give up.
_MAX_SPLITS = 50_000


def split_run_together(
    tokens: list[str], width: int, valid: Callable[[list[int]], bool] | None = None
) -> list[int] | None:
    """Cuts digit tokens printed without separators (`1000001`, `10 0 0 0 01`) into `width` counts.

    A piece has no leading zero unless it is `0`. Returns the one split that `valid` accepts,
    or None when there is none or more than one: a value is never guessed.
    """
    if not tokens or not all(t.isdigit() for t in tokens) or sum(len(t) for t in tokens) < width:
        return None
    found: list[list[int]] = []
    tried = 0

    def cuts(token: str, pieces: int) -> Iterator[list[int]]:
        if pieces == 1:
            if len(token) == 1 or token[0] != "0":
                yield [int(token)]
            return
        for i in range(1, len(token) - pieces + 2):
            head = token[:i]
            if len(head) > 1 and head[0] == "0":
                break
            for rest in cuts(token[i:], pieces - 1):
                yield [int(head), *rest]

    def walk(index: int, remaining: int, acc: list[int]) -> None:
        nonlocal tried
        if tried > _MAX_SPLITS or len(found) > 1:
            return
        if index == len(tokens):
            tried += 1
            if remaining == 0 and (valid is None or valid(acc)):
                found.append(acc)
            return
        left = len(tokens) - index - 1
        token = tokens[index]
        for pieces in range(1, min(len(token), remaining - left) + 1):
            for cut in cuts(token, pieces):
                walk(index + 1, remaining - pieces, acc + cut)

    walk(0, width, [])
    return found[0] if len(found) == 1 and tried <= _MAX_SPLITS else None
