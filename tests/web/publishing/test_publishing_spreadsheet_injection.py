"""A title typed as a formula is written as text in every publishing export and in the API's CSV."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.core.cache import cache
from django.test import Client

from factories.publications import Agency
from xxgk.web.publishing import catalogue, exports
from xxgk.web.publishing.models import CatalogueNode

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example","点我")'


def _titles_in_xlsx(content: bytes) -> list[openpyxl.cell.Cell]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [
        cell
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and "evil" in cell.value
    ]


def test_catalogue_csv_and_xlsx_write_the_title_as_text() -> None:
    agency = Agency()
    agency.published(title=EVIL)
    content, _ = exports.catalogue(agency.org, "xlsx")
    (cell,) = _titles_in_xlsx(content)
    assert cell.data_type == "s" and cell.value == "'" + EVIL
    content, _ = exports.catalogue(agency.org, "csv")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert [value for row in rows for value in row if "evil" in value] == ["'" + EVIL]


def test_standard_catalogue_export_writes_text() -> None:
    agency = Agency()
    root, _ = CatalogueNode.objects.get_or_create(
        organisation=agency.org, parent=None, title=catalogue.STANDARD_ROOT
    )
    first = CatalogueNode.objects.create(organisation=agency.org, parent=root, title="-1+" + EVIL, position=1)
    CatalogueNode.objects.create(organisation=agency.org, parent=first, title="@" + EVIL, position=1)
    cells = _titles_in_xlsx(exports.export_standard_xlsx(agency.org))
    assert [c.value for c in cells] == ["'-1+" + EVIL, "'@" + EVIL]
    assert all(c.data_type == "s" for c in cells)


def test_api_csv_writes_the_title_as_text() -> None:
    cache.clear()
    agency = Agency()
    agency.published(title=EVIL)
    response = Client().get(f"/api/v1/publications?agency={agency.org.pk}&format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == ["'" + EVIL]
