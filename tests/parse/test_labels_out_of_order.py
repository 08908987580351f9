"""Numbers printed after two rows' labels, or after a row's label and its group heading, belong to
no row that can be told: text pulled from a PDF cell by cell (pdfminer) prints a block's labels
before its numbers, and pdfplumber prints a group heading centred over its sub-rows on a later
sub-row's line. Such rows stay empty with a finding (forms: tests/forms/test_text_forms.py)."""

from __future__ import annotations

from xxgk.parse.row_labels import earlier_label_before, group_after_label, matcher_for
from xxgk.template import GB2021


def _index(table: str, row: str) -> int:
    slots = matcher_for(GB2021).slots
    return next(i for i, s in enumerate(slots) if s.table.key == table and s.row.key == row)


def test_two_labels_then_numbers_name_the_earlier_row_too() -> None:
    slots = matcher_for(GB2021).slots
    penalty, coercion = _index("table2", "penalty"), _index("table2", "coercion")
    assert earlier_label_before(slots, penalty, coercion, "", "行政处罚行政强制") == penalty


def test_a_label_beside_its_numbers_or_alone_above_them_is_its_row() -> None:
    slots = matcher_for(GB2021).slots
    penalty, coercion = _index("table2", "penalty"), _index("table2", "coercion")
    assert earlier_label_before(slots, penalty, coercion, "行政强制", "行政处罚") is None  # its own label
    assert earlier_label_before(slots, penalty, coercion, "", "本年处理决定数量行政强制") is None
    # The earlier row already read (the position past it): nothing left for the numbers to belong to.
    assert earlier_label_before(slots, coercion, coercion, "", "行政处罚行政强制") is None


def test_a_group_heading_after_a_sub_row_label_makes_it_unsure() -> None:
    slot = matcher_for(GB2021).slots[_index("table3", "unavailable.not_held")]
    assert group_after_label(slot, "1.本机关不掌握相关政府信息（四）无法提供", "")
    assert group_after_label(slot, "", "1.本机关不掌握相关政府信息（四）无法提供")
    assert not group_after_label(slot, "1.本机关不掌握相关政府信息", "（四）无法提供")
    assert not group_after_label(slot, "（四）无法提供1.本机关不掌握相关政府信息", "")
