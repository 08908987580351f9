"""Random balanced reports written out in every supported text layout parse back unchanged.

The layouts are written by `layouts.py` from the template's labels. A web capture runs the cells
together: a row is read back exactly where its digits cut one way only, and otherwise left empty
with a P-RUN-TOGETHER finding, never with a wrong number.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.layouts import LAYOUTS, write
from xxgk.parse.detect import read_report
from xxgk.parse.errors import ReportReadError
from xxgk.report import Report
from xxgk.sample import balanced_report
from xxgk.template import get_template

# Findings a cleanly written table never gives.
READING_ERRORS = {
    "P-ROW-UNKNOWN",
    "P-ROWS-UNLABELLED",
    "P-CELL-UNREADABLE",
    "P-CELL-NOT-INTEGER",
    "P-ROW-SHORT",
    "P-ROW-EXTRA-VALUES",
    "P-RUN-TOGETHER",
    "P-TITLE-MISSING",
}
CHINESE = re.compile(r"[\u4e00-\u9fff]")

reports = st.builds(
    lambda seed, year, template, other_row: balanced_report(
        random.Random(seed), year=year, template=template, other_row=other_row
    ),
    seed=st.integers(0, 2**32 - 1),
    year=st.integers(2019, 2025),
    template=st.sampled_from(["2021", "2019"]),
    other_row=st.sampled_from(["split", "short"]),
)
layout_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse(text: str, layout: str) -> Report:
    return read_report(text.encode("utf-8"), source=f"{layout}.txt")


def assert_same_report_text(parsed: Report, report: Report) -> None:
    assert parsed.template == report.template
    assert parsed.year == report.year
    assert parsed.organization == report.organization
    assert parsed.signed_on == report.signed_on
    assert parsed.other_row == report.other_row
    assert [s.number for s in parsed.sections] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name != "web_capture"])
@layout_settings
@given(report=reports, layout_seed=st.integers(0, 2**16))
def test_layout_round_trip(layout: str, report: Report, layout_seed: int) -> None:
    text = write(report, layout, random.Random(layout_seed))
    parsed = parse(text, layout)
    assert_same_report_text(parsed, report)
    assert [s.heading for s in parsed.sections] == [s.heading for s in report.spec.sections]
    assert parsed.table2 == report.table2
    assert parsed.table3 == report.table3
    assert parsed.table4 == report.table4
    assert not {f.code for f in parsed.findings} & READING_ERRORS, [f.message_zh for f in parsed.findings]


def _single_digits(values: dict) -> bool:
    return all(v is not None and len(str(v)) == 1 for v in values.values())


@layout_settings
@given(report=reports, layout_seed=st.integers(0, 2**16))
def test_web_capture_reads_exactly_or_leaves_empty(report: Report, layout_seed: int) -> None:
    text = write(report, "web_capture", random.Random(layout_seed))
    parsed = parse(text, "web_capture")
    assert_same_report_text(parsed, report)
    codes = {f.code for f in parsed.findings}
    assert not codes & {"P-ROW-UNKNOWN", "P-ROWS-UNLABELLED", "P-CELL-UNREADABLE", "P-TITLE-MISSING"}
    tpl = get_template(report.template)
    for table in (tpl.table2, tpl.table3):
        for row in table.rows:
            expected, got = report.table(table.key)[row.key], parsed.table(table.key)[row.key]
            if got == expected:
                continue
            where = f"{table.key}.{row.key}: printed {expected}, read {got}"
            # Never a wrong number: a row that cannot be cut one way stays empty and is reported.
            assert all(v is None for v in got.values()), where
            assert "P-RUN-TOGETHER" in codes, where
            # One digit per cell cuts one way only.
            assert not _single_digits(expected), where
    if parsed.table4 != report.table4:
        assert all(v is None for row in parsed.table4.values() for v in row.values())
        assert "P-RUN-TOGETHER" in codes
        assert not all(_single_digits(row) for row in report.table4.values())


def quiet_report(rng: random.Random, other_row: str) -> Report:
    """A balanced report of a quiet agency: every count of tables 三 and 四 below 10."""
    report = balanced_report(rng, year=2022, other_row=other_row)
    table3 = report.spec.table3
    used = [
        r.key
        for r in table3.rows
        if r.is_result and any(v is not None for v in report.table3[r.key].values())
    ]
    for key, row in report.table3.items():
        if any(v is not None for v in row.values()):
            report.table3[key] = dict.fromkeys(row, 0)
    person, total = table3.columns[0].key, table3.columns[-1].key
    for key in rng.sample(used, 2):
        count = rng.randint(1, 3)
        report.table3[key][person] = report.table3[key][total] = count
        for summed in ("new", "total"):
            report.table3[summed][person] += count
            report.table3[summed][total] += count
    for key, row in report.table4.items():
        parts = {c: rng.randint(0, 2) for c in row if c != total}
        report.table4[key] = {**parts, total: sum(parts.values())}
    for key in ("regulations", "normative_documents"):
        report.table2[key] = {c: rng.randint(0, 9) for c in report.table2[key]}
    return report


@pytest.mark.parametrize("other_row", ["split", "short"])
@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_web_capture_of_single_digit_tables_reads_every_cell(other_row: str, seed: int) -> None:
    """A quiet agency's capture (counts below 10, as in the real 平潭 captures) reads back fully."""
    report = quiet_report(random.Random(seed), other_row)
    parsed = parse(write(report, "web_capture", random.Random(seed)), "web_capture")
    assert parsed.table3 == report.table3
    assert parsed.table4 == report.table4
    assert parsed.table2 == report.table2
    assert "P-RUN-TOGETHER" not in {f.code for f in parsed.findings}


# --- inputs that are not reports -------------------------------------------------------


def _read_error(data: bytes) -> ReportReadError:
    with pytest.raises(ReportReadError) as caught:
        read_report(data, source="input")
    error = caught.value
    assert CHINESE.search(error.message_zh), error.message_zh
    return error


def test_empty_file_is_a_read_error() -> None:
    _read_error(b"")
    _read_error(b"  \n\t\n")


def test_random_bytes_are_a_read_error() -> None:
    rng = random.Random(20240131)
    for _ in range(20):
        _read_error(bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000))))


def test_chinese_essay_without_tables_is_a_read_error() -> None:
    essay = (
        "春天来了，公园里的桃花开了。\n"
        "我们一家人在周末去郊外踏青，看见田野里的油菜花一片金黄。\n"
        "2023年，我第一次学会了骑自行车，心里非常高兴。\n"
        "傍晚回家的路上，夕阳把天空染成了橘红色，大家都说这是难忘的一天。\n"
    ) * 5
    _read_error(essay.encode("utf-8"))
    _read_error(essay.encode("gb18030"))


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=3000))
def test_arbitrary_text_raises_nothing_but_read_error(text: str) -> None:
    try:
        read_report(text.encode("utf-8"), source="input")
    except ReportReadError as error:
        assert error.message_zh


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_raise_nothing_but_read_error(data: bytes) -> None:
    try:
        read_report(data, source="input")
    except ReportReadError as error:
        assert error.message_zh


heading_soup = st.lists(
    st.one_of(
        st.sampled_from([h for s in get_template("2021").sections for h in s.headings]),
        st.sampled_from([r.label for r in get_template("2021").table3.rows]),
        st.sampled_from(
            ["0", "12", "1000001", "3 -2 5", "7730.28", "/", "—", "\t", "|", "| 0 | 1 |", "|---|"]
        ),
        st.text(max_size=40),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(pieces=heading_soup, joiner=st.sampled_from(["\n", "", " ", "\t", "\n\t"]))
def test_report_like_fragments_raise_nothing_but_read_error(pieces: list[str], joiner: str) -> None:
    try:
        read_report(joiner.join(pieces).encode("utf-8"), source="input")
    except ReportReadError as error:
        assert error.message_zh


# --- cutting run-together digits -----------------------------------------------------------


def _all_splits(tokens: list[str], width: int) -> list[list[int]]:
    """Every way to cut the tokens into `width` counts (brute force, for small inputs)."""

    def cuts(token: str) -> list[list[str]]:
        out = []
        for mask in range(2 ** (len(token) - 1)):
            parts, start = [], 0
            for i in range(1, len(token)):
                if mask >> (i - 1) & 1:
                    parts.append(token[start:i])
                    start = i
            out.append([*parts, token[start:]])
        return [p for p in out if all(len(x) == 1 or x[0] != "0" for x in p)]

    splits: list[list[int]] = [[]]
    for token in tokens:
        splits = [done + [int(x) for x in cut] for done in splits for cut in cuts(token)]
    return [s for s in splits if len(s) == width]


@settings(max_examples=300, deadline=None)
@given(
    tokens=st.lists(st.text("0123456789", min_size=1, max_size=4), min_size=1, max_size=4),
    width=st.integers(1, 9),
    with_total=st.booleans(),
)
def test_run_together_split_is_the_only_valid_one(tokens: list[str], width: int, with_total: bool) -> None:
    from xxgk.parse.values import split_run_together

    def row_sums(values: list[int]) -> bool:  # the last count is the sum of the others
        return values[-1] == sum(values[:-1])

    accepted = [s for s in _all_splits(tokens, width) if not with_total or row_sums(s)]
    expected = accepted[0] if len(accepted) == 1 else None
    assert split_run_together(tokens, width, width if with_total else None) == expected
