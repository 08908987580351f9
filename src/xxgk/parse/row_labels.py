"""Which template row a printed row names: its label (with the text of the value-less rows above
it) against the template's labels — exactly, contained, begun (a wrapped label's numbering and
first words) or, failing those, fuzzily above a threshold."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache

from xxgk.template import Row, Table, Template
from xxgk.template.labels import key_form, last_enumerated, strip_enumeration

# A label this similar to a template label (after both lose their numbering) is that row.
FUZZY_THRESHOLD = 0.6


@dataclass(frozen=True)
class _LabelForm:
    """A template label prepared for matching once per process: key form, core, its characters."""

    key: str
    core: str  # the label without its numbering, in key form
    chars: Counter[str] = field(compare=False)

    @property
    def numbering(self) -> str:
        return self.key[: len(self.key) - len(self.core)]


@dataclass(frozen=True)
class Slot:
    table: Table
    row: Row
    forms: tuple[_LabelForm, ...] = ()

    @property
    def width(self) -> int:
        return len(self.table.columns_of(self.row))


# A printed row's best slot depends only on its label, its context and the position, and reports
# print the same rows in the same order, so a process remembers the answers (up to this many per
# template): a row seen before costs one look-up, not a fuzzy match over the remaining rows.
_MEMO_ROWS = 1 << 14


@dataclass
class Matcher:
    """A template's slots in printed order, its `_exact_index`, and the answers of `best` so far."""

    slots: tuple[Slot, ...]
    exact_index: dict[str, tuple[int, ...]]
    _memo: dict[tuple[int, str, str], tuple[int | None, float]] = field(default_factory=dict)

    def best(self, position: int, label: str, context: str) -> tuple[int | None, float]:
        """`best_slot` for this template, remembered."""
        key = (position, label, context)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= _MEMO_ROWS:
                self._memo.clear()  # a corpus of unusual labels: start again rather than grow
            found = self._memo[key] = best_slot(self.slots, self.exact_index, position, label, context)
        return found


@cache  # per template (hashed by its key and name, told apart by equality)
def matcher_for(template: Template) -> Matcher:
    slots = tuple(Slot(t, r, _label_forms(r)) for t in (template.table2, template.table3) for r in t.rows)
    return Matcher(slots, _exact_index(slots))


def _label_forms(row: Row) -> tuple[_LabelForm, ...]:
    forms = []
    for label in row.labels:
        core = strip_enumeration(label)
        if core:
            forms.append(_LabelForm(key_form(label), core, Counter(core)))
    return tuple(forms)


def _plain_strength(slot: Slot, own: str, whole: str) -> float:
    """How well a printed label names `slot`, without fuzzy matching: 0, 2.5 to 3.x, or 4 (exactly).

    `own` is the row's own label without its numbering, `whole` the label with the text of the
    value-less rows before it, both in key form. A label counts as contained in the printed text
    when the text ends with it, or when it makes up most of the text, so that a short label
    (3.其他) is not found inside a longer one (2.其他法律行政法规禁止公开).
    """
    best = 0.0
    for form in slot.forms:
        core = form.core
        if own == core:
            return 4.0
        if own.endswith(form.key) or (own.endswith(core) and len(core) >= _BEGUN_CHARS):
            # Headings run together with the row's label in front of it (web captures).
            best = max(best, 3.0 + len(core) / 1000)
        if len(core) >= 4 and whole.endswith(core) and core.endswith(own):
            # A label wrapped over lines, its last characters (or none) beside the numbers
            # (`行政事业性收` / `费 18651.06`), or below a repeated table header (a page break).
            best = max(best, 2.5 + len(core) / 1000)
        for text, base in ((own, 3.0), (whole, 2.5)):
            if text and core in text and len(core) * 2 >= len(text):
                best = max(best, base + len(core) / 1000)
    return best


# Characters of a label's beginning that, after its own numbering, name the row (`2.其他法律` wrapped
# before 行政法规禁止公开).
_BEGUN_CHARS = 4


def _begun_strength(slot: Slot, begun: tuple[str, str] | None, whole: str) -> float:
    """2.2 when the printed text's last numbering is the slot's and the text after it begins the
    slot's label (the rest wrapped below the row's numbers, the text before it the tail of the
    row above or a group heading); 2.1 when an unnumbered label's first characters (at least
    `_BEGUN_CHARS` + 1) end the text; else 0: above a fuzzy match, below a label found whole."""
    for form in slot.forms:
        if form.numbering:
            if begun is None:
                continue
            numbering, after = begun
            # Digits among the label's words: a number out of place, not a wrapped label.
            if len(after) < _BEGUN_CHARS or any(ch.isdigit() for ch in after):
                continue
            if form.numbering == numbering and form.core.startswith(after[:_BEGUN_CHARS]):
                return 2.2
        elif any(whole.endswith(form.core[:k]) for k in range(_BEGUN_CHARS + 1, len(form.core))):
            return 2.1
    return 0.0


def _fuzzy_strength(slot: Slot, own: str, whole: str) -> float:
    """1 + the similarity of the printed text to the slot's label where it reaches the threshold
    (at most 2, so below every `_plain_strength` match), else 0."""
    best = 0.0
    for form in slot.forms:
        for text in (own, whole):
            score = _similarity(text, form) if text else 0.0
            if score >= FUZZY_THRESHOLD:
                best = max(best, 1.0 + score)
    return best


def _similarity(text: str, form: _LabelForm) -> float:
    """`labels.similarity` of two key forms; 0 early where the ratio cannot reach the threshold
    (difflib's upper bounds: by length, then by shared characters)."""
    if text == form.core:
        return 1.0
    total = len(text) + len(form.core)
    if 2 * min(len(text), len(form.core)) < FUZZY_THRESHOLD * total:
        return 0.0
    shared = sum((Counter(text) & form.chars).values())
    if 2 * shared < FUZZY_THRESHOLD * total:
        return 0.0
    return SequenceMatcher(None, text, form.core, autojunk=False).ratio()


def _exact_index(slots: tuple[Slot, ...]) -> dict[str, tuple[int, ...]]:
    """A label's core (key form without numbering) → the slots it names exactly, in order."""
    index: dict[str, list[int]] = {}
    for i, slot in enumerate(slots):
        for form in slot.forms:
            index.setdefault(form.core, []).append(i)
    return {core: tuple(sorted(set(found))) for core, found in index.items()}


def best_slot(
    slots: tuple[Slot, ...], exact_index: dict[str, tuple[int, ...]], position: int, label: str, context: str
) -> tuple[int | None, float]:
    """The first of the strongest slots from `position` on for a printed row's `label` (with the
    `context` of the value-less rows above it), and its strength (0: none)."""
    own = strip_enumeration(label)
    exact = next((i for i in exact_index.get(own, ()) if i >= position), None)
    if exact is not None:
        return exact, 4.0  # the strongest match; the first from `position` on wins ties
    whole = key_form(context + label)
    candidates = [(i, _plain_strength(slots[i], own, whole)) for i in range(position, len(slots))]
    index, strength = max(candidates, key=lambda c: (c[1], -c[0]), default=(None, 0.0))
    if strength < 2.5:
        # No label found in the text: the beginning of a wrapped label after its numbering, else a
        # fuzzy match (strength at most 2), may decide.
        begun = last_enumerated(context + label)
        candidates = [
            (i, max(s, _begun_strength(slots[i], begun, whole), _fuzzy_strength(slots[i], own, whole)))
            for i, s in candidates
        ]
        index, strength = max(candidates, key=lambda c: (c[1], -c[0]), default=(None, 0.0))
    return index, strength


def earlier_label_before(
    slots: tuple[Slot, ...], position: int, index: int, label: str, context: str
) -> int | None:
    """The index of an earlier row not read yet (from `position`, before `index`) whose whole label
    stands right before the label of `slots[index]` above a line of numbers that prints no label of
    its own. Text pulled from a PDF cell by cell prints a block's labels first and its numbers after
    (`行政处罚` / `行政强制` / `4119` / `195`), and a row whose cells are blank prints its label alone
    too: whose the numbers are is unknown."""
    if strip_enumeration(label):
        return None
    whole = key_form(context + label)
    table = slots[index].table
    for form in slots[index].forms:
        if not whole.endswith(form.core):
            continue
        rest = whole[: len(whole) - len(form.core)]
        rest = rest.removesuffix(form.numbering)
        for i in range(position, index):
            slot = slots[i]
            if (
                slot.table is table
                and slot.width
                and any(len(other.core) >= _BEGUN_CHARS and rest.endswith(other.core) for other in slot.forms)
            ):
                return i
    return None


def group_after_label(slot: Slot, label: str, context: str) -> bool:
    """Whether a row's group heading is printed after the row's own label: the group's cell, centred
    over its sub-rows, went to a later sub-row's line (`1.本机关不掌握相关政府信息` / `（四）无法提供` /
    `3 0 0 0 0 0 3`), so the numbers after it may be that sub-row's."""
    if not slot.row.group:
        return False
    whole = key_form(context + label)
    group = whole.rfind(key_form(slot.row.group))
    return group > 0 and any(0 <= whole.rfind(form.core) < group for form in slot.forms)
