"""The cell as a value: every cell of every template survives str() → parse()."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk.template import TEMPLATES, CellKey

ALL_CELLS = [
    CellKey(table.key, row, column)
    for template in TEMPLATES.values()
    for table in template.tables
    for row, column in table.cell_keys()
]


@given(st.sampled_from(ALL_CELLS))
def test_round_trip(key: CellKey) -> None:
    assert CellKey.parse(str(key)) == key


def test_row_key_with_a_dot() -> None:
    key = CellKey.parse("table3.denied.state_secret.natural_person")
    assert (key.table, key.row, key.column) == ("table3", "denied.state_secret", "natural_person")


@pytest.mark.parametrize("text", ["", "table3", "table3.new", ".new.total", "table3..total", "table3.new."])
def test_malformed(text: str) -> None:
    with pytest.raises(ValueError):
        CellKey.parse(text)


def test_display_names() -> None:
    t3 = TEMPLATES["2021"].table3
    assert t3.row("denied.state_secret").display_name == "（三）不予公开·1.属于国家秘密"
    legal_other = next(c for c in t3.columns if c.key == "other_org")
    assert legal_other.display_name == "法人或其他组织·其他"
