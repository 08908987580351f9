"""Labels wrapped around their row's numbers, as `pdftotext -layout` prints a table whose label
cells are taller than one line: the label's beginning above the numbers, its end below them, so
the end stands before the next row's beginning. The row is found by its numbering and the first
words after it; a short label (3.其他) is never found at the end of another row's wrapped text."""

from __future__ import annotations

import random
import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import write
from xxgk.parse.detect import read_report
from xxgk.report import Report
from xxgk.sample import balanced_report
from xxgk.template.labels import key_form, last_enumerated

# A row of table 三 as the spaces layout prints it: label text, then its seven numbers.
_ROW = re.compile(r"^(?P<label>.*?\D)\s+(?P<values>\d+(?:\s+\d+){6})\s*$")
_ENUMERATED = re.compile(r"(?:\d+\.|（[一二三四五六七]）|[一二三四]、)(?=[^\d（]+$)")


def wrap_labels(text: str, rng: random.Random, numbering_alone: bool = False) -> tuple[str, int]:
    """Every table 三 label whose own words are longer than four characters cut at random after its
    fourth: the beginning on a line above the numbers, the rest on a line below. With
    `numbering_alone`, a label that starts with its numbering prints it on a line of its own below
    the beginning (centred beside the label's two lines)."""
    out, wrapped = [], 0
    for line in text.split("\n"):
        match = _ROW.match(line)
        numbered = _ENUMERATED.search(match["label"]) if match else None
        if match is None or numbered is None:
            out.append(line)
            continue
        label = match["label"]
        words = label[numbered.end() :]
        if len(key_form(words)) <= 4:
            out.append(line)
            continue
        cut = numbered.end() + rng.randint(4, len(words) - 1)
        while len(key_form(label[numbered.end() : cut])) < 4:
            cut += 1
        if numbering_alone and not label[: numbered.start()].strip():
            head = label[numbered.end() : cut]
            out += [head, " " + numbered.group(), "      " + match["values"], "  " + label[cut:]]
        else:
            out += [label[:cut], "      " + match["values"], "  " + label[cut:]]
        wrapped += 1
    return "\n".join(out), wrapped


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    other_row=st.sampled_from(["split", "short"]),
    numbering_alone=st.booleans(),
)
def test_labels_wrapped_around_their_numbers_read_as_printed(
    seed: int, other_row: str, numbering_alone: bool
) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row=other_row)
    text = write(report, "spaces", random.Random(seed))
    wrapped_text, wrapped = wrap_labels(text, random.Random(seed), numbering_alone)
    assert wrapped >= 10
    parsed = read_report(wrapped_text.encode(), source="layout.txt")
    assert parsed.table3 == report.table3
    assert parsed.other_row == report.other_row


def reprinted(seed: int, starts: str, printed: str) -> tuple[Report, Report]:
    """A generated report and its reading with the line starting with `starts` printed as `printed`."""
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row="split")
    text = write(report, "spaces", random.Random(seed))
    line = next(ln for ln in text.split("\n") if ln.startswith(starts))
    return report, read_report(text.replace(line, printed).encode(), source="layout.txt")


def test_a_short_label_is_not_found_at_the_end_of_a_wrapped_one() -> None:
    """`…不计其他` ends with 其他 (the label of （六）3.其他), but it is the wrapped label of （二）部分公开."""
    partial = balanced_report(random.Random(11), year=2024, template="2021", other_row="split").table3[
        "partial"
    ]
    values = "  ".join(str(v) for v in partial.values())
    printed = f"（二）部分公开（区分处理\n的，只计这一情形，不计其他  {values}\n情形）"
    report, parsed = reprinted(11, "（二）部分公开", printed)
    assert parsed.table3["partial"] == partial
    assert parsed.table3["other.other"] == report.table3["other.other"]


def test_the_last_enumeration_and_the_words_after_it() -> None:
    assert last_enumerated("开申请（六）其2.申请人逾期") == ("2", "申请人逾期")
    assert last_enumerated("情形）（三）不1.属于国家秘密") == ("1", "属于国家秘密")
    assert last_enumerated("本年收费金额 18651.06") is None
    assert last_enumerated("三安全一稳定") is None


def test_an_unnumbered_label_wrapped_around_its_number_is_found_by_its_beginning() -> None:
    report, parsed = reprinted(12, "行政事业性收费", "  行政事业性收\n            18651.06\n  费")
    assert parsed.table2["fees"]["amount"] == Decimal("18651.06")
    assert parsed.table3 == report.table3


def break_rows(text: str, rng: random.Random) -> tuple[str, int]:
    """Table 三 rows printed over two lines at random: the first numbers beside the label, the rest
    on the line below; a sub-row's numbering (`5.`) on a line of its own between them."""
    out, broken = [], 0
    for line in text.split("\n"):
        match = _ROW.match(line)
        if match is None or rng.random() < 0.4:
            out.append(line)
            continue
        values = match["values"].split()
        k = rng.randint(1, len(values) - 1)
        numbered = re.match(r"(\d+\.)(.+)", match["label"])
        if numbered:
            out += [
                f"  {numbered[2]} {' '.join(values[:k])}",
                f" {numbered[1]}",
                "   " + " ".join(values[k:]),
            ]
        else:
            out += [f"{match['label']} {' '.join(values[:k])}", "        " + " ".join(values[k:])]
        broken += 1
    return "\n".join(out), broken


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), other_row=st.sampled_from(["split", "short"]))
def test_rows_printed_over_two_lines_read_as_printed(seed: int, other_row: str) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row=other_row)
    text, broken = break_rows(write(report, "spaces", random.Random(seed)), random.Random(seed))
    assert broken >= 5
    parsed = read_report(text.encode(), source="layout.txt")
    assert parsed.table3 == report.table3


def test_a_row_over_two_lines_whose_total_is_not_its_sum_stays_empty() -> None:
    printed = "（二）部分公开（区分处理的， 5\n只计这一情形，不计其他情形）  1 0 0 0 0 29"
    report, parsed = reprinted(13, "（二）部分公开", printed)
    assert set(parsed.table3["partial"].values()) == {None}
    assert "P-ROW-SPLIT" in {f.code for f in parsed.findings}
    assert parsed.table3["granted"] == report.table3["granted"]
