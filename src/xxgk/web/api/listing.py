"""List endpoints share one shape: filters, `ordering`, limit/offset pagination with the total,
and `format=csv` for the same page as CSV (UTF-8 with BOM so that Excel reads the Chinese).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, Literal, TypeVar

from django.db.models import QuerySet
from django.http import HttpResponse
from ninja import Field, Schema
from pydantic import BaseModel

from xxgk.render.spreadsheet_text import safe_row

T = TypeVar("T")
MAX_LIMIT = 1000
# Beyond this an offset is a scan, not a page; the bulk downloads serve whole years.
MAX_OFFSET = 10_000_000


class Page(Schema, Generic[T]):
    total: int = Field(description="符合条件的总条数")
    limit: int
    offset: int
    items: list[T]


class ListQuery(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="每页条数")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="跳过的条数")
    format: Literal["json", "csv"] = Field("json", description="json，或 csv（同一页的 CSV）")


def ordering_of(*names: str) -> Any:
    """The type of an `ordering` parameter: each name ascending, or descending with a leading '-'."""
    return Literal[tuple(value for name in names for value in (name, f"-{name}"))]


def csv_openapi(description: str = "列表") -> dict[str, Any]:
    """`openapi_extra` of a list endpoint: its 200 answer may also be CSV."""
    return {
        "responses": {
            200: {"description": description, "content": {"text/csv": {"schema": {"type": "string"}}}}
        }
    }


def respond(
    queryset: QuerySet[Any],
    *,
    query: ListQuery,
    ordering: str,
    fields: Mapping[str, str],
    schema: type[BaseModel],
    items: Callable[[list[Any]], Sequence[BaseModel]],
    filename: str,
) -> dict[str, Any] | HttpResponse:
    """One page of `queryset` ordered by `ordering` (a public name of `fields` → model field);
    `items` turns the page's rows into `schema` objects (all at once, so it can fetch what
    the rows need in one query)."""
    descending = ordering.startswith("-")
    field = fields[ordering.lstrip("-")]
    ordered = queryset.order_by(f"-{field}" if descending else field, "-pk" if descending else "pk")
    total = ordered.count()
    # Two steps: order and slice the ids alone (a narrow sort, no joined columns), then fetch
    # that page's rows with everything they carry.
    ids = list(ordered.values_list("pk", flat=True)[query.offset : query.offset + query.limit])
    by_id = {row.pk: row for row in queryset.filter(pk__in=ids)}
    page = items([by_id[pk] for pk in ids])
    if query.format == "csv":
        response = csv_response(page, schema=schema, filename=filename)
        response["X-Total-Count"] = str(total)
        return response
    return {"total": total, "limit": query.limit, "offset": query.offset, "items": page}


def csv_response(items: Sequence[BaseModel], *, schema: type[BaseModel], filename: str) -> HttpResponse:
    """One CSV row per item, one column per field of `schema`; a field that is itself a schema
    (`links`) is spread over one column per sub-field (`links.page` …), other nested values as JSON."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    columns = _columns(schema)
    writer.writerow([".".join(path) for path in columns])
    for obj in items:
        data = obj.model_dump(mode="json")
        writer.writerow(safe_row(_cell(_at(data, path)) for path in columns))
    response = HttpResponse(("\ufeff" + stream.getvalue()).encode(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _columns(schema: type[BaseModel]) -> list[tuple[str, ...]]:
    """Column paths of `schema`: sub-schemas flattened one level deep, so a cell never holds an object
    with a fixed shape."""
    columns: list[tuple[str, ...]] = []
    for name, field in schema.model_fields.items():
        sub = field.annotation
        if isinstance(sub, type) and issubclass(sub, BaseModel):
            columns.extend((name, child) for child in sub.model_fields)
        else:
            columns.append((name,))
    return columns


def _at(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path[:-1]:
        data = data.get(key) or {}
    return data.get(path[-1])


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value
