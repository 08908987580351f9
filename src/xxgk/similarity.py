"""Copied text (雷同): how much of one passage re-appears in another, and which sentences.

Texts are compared as sets of character n-grams (“shingles”) after normalising away what a copier
changes for free: spaces and line breaks, punctuation, and numbers (a year or a count is replaced
by one placeholder digit, so “2023年…共12件” copied into the 2024 report as “2024年…共15件” still matches).
The score is the share of the shorter text's shingles found in the other (containment, 0–1), so a
short section copied whole into a longer one scores high.

Across many reports, shingles shared by many of them are set-phrases of the genre (“认真贯彻落实
《条例》”), not copying: `Corpus` ignores a shingle found in more than `common_share` of the texts,
(at most 50 texts) and finds candidate pairs through an inverted index instead of comparing
every pair.

The threshold (`THRESHOLD`) was chosen on real reports; the measurement (benchmarks/rollup_similarity.py) is in
docs/benchmarks.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

# The key a text is filed under in a `Corpus` (a submission id, a unit's name …).
K = TypeVar("K", bound=Hashable)

SHINGLE = 8
THRESHOLD = 0.4
# Shorter texts (after normalising) are not judged: a two-line section is all set phrases.
MIN_CHARS = 80
# A sentence counts as copied when this share of its shingles is in the other text.
PASSAGE_SHARE = 0.6
MAX_PASSAGES = 8

_DROP = re.compile(r"[\s\u3000\W_]+", re.UNICODE)
_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[〇一二三四五六七八九十百千万]+(?=[年件个条项次])")
_SENTENCE_END = re.compile(r"(?<=[。；！？!?;\n])")


def normalise(text: str) -> str:
    """Text as compared: every number as “0”, no spaces or punctuation."""
    return _DROP.sub("", _NUMBER.sub("0", text))


def shingles(text: str, n: int = SHINGLE) -> set[int]:
    norm = normalise(text)
    if len(norm) < n:
        return {hash(norm)} if norm else set()
    return {hash(norm[i : i + n]) for i in range(len(norm) - n + 1)}


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller set found in the other (0 when either is empty)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


def judged(text: str) -> bool:
    """Whether a text is long enough to be judged at all."""
    return len(normalise(text)) >= MIN_CHARS


@dataclass(frozen=True)
class Passage:
    """A sentence of one text and the sentence of the other it re-appears in."""

    this: str
    other: str
    share: float


@dataclass(frozen=True)
class Match:
    score: float
    passages: tuple[Passage, ...]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if len(normalise(s)) >= SHINGLE]


def passages(
    this: str, other: str, *, ignore: frozenset[int] | set[int] = frozenset()
) -> tuple[Passage, ...]:
    """Sentences of `this` whose shingles are mostly in `other`, each beside its closest sentence
    there, in the order of `this`."""
    theirs = [(s, shingles(s) - ignore) for s in sentences(other)]
    found: list[Passage] = []
    for sentence in sentences(this):
        mine = shingles(sentence) - ignore
        if not mine:
            continue
        best, best_share = None, 0.0
        for candidate, theirs_set in theirs:
            share = len(mine & theirs_set) / len(mine)
            if share > best_share:
                best, best_share = candidate, share
        if best is not None and best_share >= PASSAGE_SHARE:
            found.append(Passage(sentence, best, round(best_share, 3)))
        if len(found) >= MAX_PASSAGES:
            break
    return tuple(found)


def compare(this: str, other: str) -> Match | None:
    """The match of two texts when both are long enough to judge; `score` may be below THRESHOLD."""
    if not (judged(this) and judged(other)):
        return None
    score = containment(shingles(this), shingles(other))
    return Match(round(score, 3), passages(this, other) if score >= THRESHOLD else ())


@dataclass(frozen=True)
class Pair(Generic[K]):
    first: K
    second: K
    score: float


class Corpus(Generic[K]):
    """Many texts under keys; `pairs()` lists the pairs above a threshold, set phrases ignored."""

    def __init__(
        self,
        texts: Mapping[K, str],
        *,
        common_share: float = 0.2,
        min_common: int = 4,
        max_common: int = 50,
    ):
        self._sets = {key: shingles(text) for key, text in texts.items() if judged(text)}
        frequency: dict[int, int] = defaultdict(int)
        for values in self._sets.values():
            for value in values:
                frequency[value] += 1
        # In a province a phrase of 50 units is a set phrase, whatever the share (and it keeps the
        # pair counting below linear in the number of texts).
        limit = max(min_common, min(int(common_share * len(self._sets)), max_common))
        self.common = {value for value, count in frequency.items() if count > limit}
        self._index: dict[int, list[K]] = defaultdict(list)
        for key, values in self._sets.items():
            for value in values - self.common:
                self._index[value].append(key)

    def pairs(self, threshold: float = THRESHOLD, *, keys: Iterable[K] | None = None) -> list[Pair[K]]:
        """Pairs scoring ≥ `threshold`, best first; with `keys`, only pairs involving one of them."""
        wanted = set(self._sets) if keys is None else set(keys) & set(self._sets)
        shared: dict[tuple[K, K], int] = defaultdict(int)
        order = {key: i for i, key in enumerate(self._sets)}
        for values in self._index.values():
            if len(values) < 2:
                continue
            for i, a in enumerate(values):
                for b in values[i + 1 :]:
                    if a in wanted or b in wanted:
                        pair = (a, b) if order[a] < order[b] else (b, a)
                        shared[pair] += 1
        found = []
        for (a, b), count in shared.items():
            smaller = min(len(self._sets[a]), len(self._sets[b]))
            score = count / smaller
            if score >= threshold:
                found.append(Pair(a, b, round(score, 3)))
        return sorted(found, key=lambda p: (-p.score, order[p.first], order[p.second]))
