"""What the reader remembers from report to report gives the answers it would compute afresh (the
best template row of a printed label, the key form of a short text, a line's heading), and its quick
width folding gives what NFKC gives."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk.parse import row_labels, text_parts
from xxgk.parse.text_parts import match_heading
from xxgk.template import GB2019, GB2021, Section
from xxgk.template.labels import _NOISE, key_form, nfkc

_LABELS = [label for t in (GB2021.table2, GB2021.table3) for r in t.rows for label in r.labels]
_HEADINGS = [h for s in GB2021.sections + GB2019.sections for h in s.headings]
_NOISY = st.text(
    alphabet=" \t\u3000、，。.:：（）()—-_一二三四五六七八九十0123456789政府信息公开年度报告", max_size=40
)


def _printed_label() -> st.SearchStrategy[str]:
    """A template label as reports print it: cut, wrapped in noise, or with words added."""
    label = st.sampled_from(_LABELS)
    cut = st.tuples(label, st.integers(0, 20), st.integers(0, 20)).map(
        lambda t: t[0][t[1] : len(t[0]) - t[2]]
    )
    return st.tuples(_NOISY, st.one_of(label, cut), _NOISY).map("".join)


@settings(max_examples=300)
@given(
    queries=st.lists(
        st.tuples(st.integers(0, 40), _printed_label(), st.one_of(st.just(""), _printed_label())), max_size=12
    )
)
def test_a_remembered_best_row_is_the_one_computed_afresh(queries: list[tuple[int, str, str]]) -> None:
    matcher = row_labels.matcher_for(GB2021)
    for position, label, context in queries * 2:  # the second time from the memo
        fresh = row_labels.best_slot(matcher.slots, matcher.exact_index, position, label, context)
        assert matcher.best(position, label, context) == fresh


def test_the_memo_of_best_rows_stays_bounded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(row_labels, "_MEMO_ROWS", 50)
    matcher = row_labels.Matcher(*_fresh_slots())
    for n in range(400):
        matcher.best(0, f"第{n}行", "")
        assert len(matcher._memo) <= 50


def _fresh_slots() -> tuple[tuple[row_labels.Slot, ...], dict[str, tuple[int, ...]]]:
    matcher = row_labels.matcher_for(GB2021)
    return matcher.slots, matcher.exact_index


def _plain_key_form(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


@given(st.text(max_size=300))
def test_the_key_form_remembered_or_not_is_the_same(text: str) -> None:
    assert key_form(text) == _plain_key_form(text) == key_form(text)


@settings(max_examples=300)
@given(
    # Up to and past the folded beginning: spaces and marks fold to nothing.
    before=st.text(alphabet=" \t\u3000、，。（）", min_size=60, max_size=160),
    heading=st.sampled_from(_HEADINGS),
    # Long tails: a body captured as one line, folded only at its beginning. Characters that fold
    # into several (㍻) or join the one before them (combining marks) stand at the cut too.
    after=st.text(alphabet="、，。 \u3000（）一二三四五六七八九十年度报告\u0301\u3099ｶﾞ①㍻", max_size=400),
    section=st.sampled_from(GB2021.sections + GB2019.sections),
)
def test_a_heading_is_found_from_the_beginning_of_a_long_line_as_from_the_whole(
    before: str, heading: str, after: str, section: Section
) -> None:
    text = before + heading + after
    found = _match_heading_afresh(text, section)
    assert match_heading(text, section) == match_heading(text, section) == found
    with _whole_lines_folded():
        assert _match_heading_afresh(text, section) == found


_match_heading_afresh = match_heading.__wrapped__  # the function itself, not remembered


@contextmanager
def _whole_lines_folded() -> Iterator[None]:
    saved = text_parts._HEAD_CHARS
    text_parts._HEAD_CHARS = 10**9
    try:
        yield
    finally:
        text_parts._HEAD_CHARS = saved


@given(
    st.text(
        alphabet=st.sampled_from("，（）：；！？％\u3000、。一二abc ABC12０１２ｶﾞ\u0301\u3099㍻①ﬁ(),:"),
        max_size=60,
    )
)
def test_the_quick_width_folding_is_nfkc(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)
