"""A name typed as a formula is written as text in the staff export /staff/applications/export.xlsx."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from django.test import Client
from openpyxl import load_workbook

from factories.applications import PERSON, Staff

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example","点我")'


def test_export_writes_a_formula_like_name_as_text(staff: Staff) -> None:
    staff.register(data=replace(PERSON, name=EVIL, email="@SUM(1+1)*cmd|' /C calc'!A0"))
    client = Client()
    client.force_login(staff.registrar)
    response = client.get("/staff/applications/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = {cell.value: cell for row in sheet.iter_rows(min_row=2) for cell in row}
    assert cells["'" + EVIL].data_type == "s"
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    assert not any(isinstance(v, str) and v.startswith(("=", "@")) for v in cells)
