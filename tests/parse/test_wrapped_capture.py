"""A web capture (the whole body on one line, cells run together) printed to PDF and pulled back as
text comes wrapped at the page width, a page break (`\\f`) here and there. The wrapped lines are
one paragraph again: read as the one-line capture, or, where the wrap swallowed the space between
two numbers, the same or empty with a finding (the reader's, or the checks' for a missing row),
never another number."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import write
from support.report_asserts import all_cells
from xxgk.checks import run_checks
from xxgk.parse.detect import read_report
from xxgk.sample import balanced_report
from xxgk.template.labels import key_form

# A section heading starts with its numeral (一、, or 一总体情况 in captures that drop the 、), maybe
# after punctuation that matching ignores (`。二、`).
_NUMERALS = "一二三四五六"


def wrapped(text: str, rng: random.Random, *, drop_space: bool) -> str:
    """The capture's body (its longest line) wrapped every 30–80 characters, never beside a space
    or before a section heading (two lines starting with headings make a body printed line by
    line, read as such); with `drop_space`, anywhere, a space at the wrap swallowed, as a word
    processor does."""
    lines = text.split("\n")
    body = max(range(len(lines)), key=lambda i: len(lines[i]))
    text_, pieces, position = lines[body], [], 0
    while position < len(text_):
        end = min(position + rng.randint(30, 80), len(text_))
        # A line starting with a section heading would make it a body printed line by line.
        while (
            not drop_space
            and end < len(text_)
            and (" " in text_[end - 1 : end + 1] or key_form(text_[end : end + 4])[:1] in _NUMERALS)
        ):
            end += 1
        piece = text_[position:end]
        if drop_space and end < len(text_) and text_[end] == " ":
            end += 1
        pieces.append(("\f" if rng.random() < 0.1 else "") + piece)
        position = end
    return "\n".join([*lines[:body], *pieces, *lines[body + 1 :]])


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), other_row=st.sampled_from(["split", "short"]))
def test_a_wrapped_capture_reads_as_the_one_line_capture(seed: int, other_row: str) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row=other_row)
    capture = write(report, "web_capture", random.Random(seed))
    one_line = read_report(capture.encode(), source="capture.txt")
    pulled = read_report(
        wrapped(capture, random.Random(seed), drop_space=False).encode(), source="pulled.txt"
    )
    assert all_cells(pulled) == all_cells(one_line)
    assert (pulled.year, pulled.organization) == (one_line.year, one_line.organization)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_a_space_swallowed_by_the_wrap_never_gives_another_number(seed: int) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row="split")
    capture = write(report, "web_capture", random.Random(seed))
    pulled = read_report(wrapped(capture, random.Random(seed), drop_space=True).encode(), source="pulled.txt")
    said = {f.code for f in pulled.findings if f.severity == "error"} | {
        f.code for f in run_checks(pulled) if f.code == "TABLE-ROWS-MISSING"
    }
    for key, value in all_cells(pulled).items():
        printed = all_cells(report)[key]
        assert value == printed or (value is None and said), f"{key}: printed {printed}, read {value}"


def test_a_number_cut_by_the_wrap_is_whole_even_where_headings_start_lines() -> None:
    report = balanced_report(random.Random(5), year=2024, template="2021", other_row="split")
    report.table2["coercion"]["decisions"] = 140
    capture = write(report, "web_capture", random.Random(5))
    lines = capture.split("\n")
    body = max(range(len(lines)), key=lambda i: len(lines[i]))
    text = lines[body]
    cuts = sorted({text.index("二、主动公开"), text.index("三、收到和处理"), text.index("行政强制140") + 6})
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    assert pieces[1].endswith("行政强制14") and pieces[2].startswith("0")
    pulled = read_report(
        "\n".join([*lines[:body], *pieces, *lines[body + 1 :]]).encode(), source="pulled.txt"
    )
    assert pulled.table2["coercion"]["decisions"] == 140
