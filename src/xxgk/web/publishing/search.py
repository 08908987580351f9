"""Public search in Chinese: any substring of a title, summary, 文号 or body, on SQLite and
PostgreSQL alike.

Chinese has no spaces, so word tokenisers find neither 预算 inside 财政预算 nor 〔2026〕3号
inside a 文号. Instead every pair of adjacent characters becomes one ASCII token (its two code
points in hex), and a query becomes the phrase of its own pairs: a phrase match of consecutive
pairs is exactly a substring match. A one-character query is a prefix match on the pairs it
starts. SQLite keeps the tokens in an FTS5 table, PostgreSQL in a GIN-indexed tsvector (both
made by migration 0003); the tokens are ASCII, so neither depends on the database's locale.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

_BRACKETS = str.maketrans({c: "〔" for c in "[(（【［"} | {c: "〕" for c in "])）】］"})
_SPACE = re.compile(r"\s+")
_FIELD_END = "\x01"  # ends every field, so a field's last character has a pair too
MAX_CHARS = 16_000  # PostgreSQL keeps word positions up to 16383


def normalise(text: str) -> str:
    """Full-width to half-width, lower case, one bracket form (〔2026〕, [2026], （2026） alike), no spaces."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_BRACKETS)
    return _SPACE.sub("", text)


def _token(a: str, b: str) -> str:
    return f"x{ord(a):x}y{ord(b):x}"


def grams(fields: Iterable[str]) -> str:
    """The index text of a publication: the pair tokens of each field, space-separated."""
    text = "".join(normalise(field)[:MAX_CHARS] + _FIELD_END for field in fields)
    return " ".join(_token(a, b) for a, b in itertools.pairwise(text) if a != _FIELD_END)


def _terms(query: str) -> list[str]:
    return [normalise(part) for part in query.split() if normalise(part)]


def _fts5_query(terms: list[str]) -> str:
    parts = []
    for term in terms:
        if len(term) == 1:
            parts.append(f"x{ord(term):x}y*")
        else:
            parts.append('"' + " ".join(_token(a, b) for a, b in itertools.pairwise(term)) + '"')
    return " AND ".join(parts)


def _tsquery(terms: list[str]) -> str:
    parts = []
    for term in terms:
        if len(term) == 1:
            parts.append(f"x{ord(term):x}y:*")
        else:
            parts.append("(" + " <-> ".join(_token(a, b) for a, b in itertools.pairwise(term)) + ")")
    return " & ".join(parts)


_PG_MATCH = "SELECT publication_id FROM publishing_searchentry WHERE tsv @@ to_tsquery('simple', %s)"
_FTS5_MATCH = "SELECT rowid FROM publishing_search_fts WHERE publishing_search_fts MATCH %s"
# Two plans for "matches, newest first": fetch every match and sort (cheap for few matches), or
# read the newest-first index and probe each row (cheap when many rows match). Neither planner
# knows the match count in advance; `match_count` does, so the query is written to force one:
# SQLite takes the index for many matches when the unary + hides the id lookup from it;
# PostgreSQL fetches the matches first when they come as an array (= ANY(ARRAY(…))).
_ORDER_DRIVEN_FROM = {"sqlite": 200, "postgresql": 2000}


def match_count(query: str) -> int | None:
    """How many indexed publications match `query` (the index holds exactly the listed ones)."""
    terms = _terms(query)
    if not terms:
        return None
    if connection.vendor == "postgresql":
        sql, param = f"SELECT count(*) FROM ({_PG_MATCH}) m", _tsquery(terms)
    else:
        sql, param = f"SELECT count(*) FROM ({_FTS5_MATCH}) m", _fts5_query(terms)
    with connection.cursor() as cursor:
        cursor.execute(sql, [param])
        return cursor.fetchone()[0]


def matching(queryset: QuerySet, query: str, *, expected: int | None = None) -> QuerySet:
    """`queryset` (of publications) limited to those whose indexed text contains every term of
    `query`; `expected` (from `match_count`) lets SQLite pick the cheaper plan."""
    terms = _terms(query)
    if not terms:
        return queryset
    table = queryset.model._meta.db_table
    many = expected is not None and expected >= _ORDER_DRIVEN_FROM.get(connection.vendor, 0)
    if connection.vendor == "postgresql":
        if expected is not None and not many:
            sql = f'"{table}"."id" = ANY(ARRAY({_PG_MATCH}))'
            return queryset.filter(RawSQL(sql, [_tsquery(terms)], output_field=BooleanField()))
        return queryset.filter(pk__in=RawSQL(_PG_MATCH, [_tsquery(terms)]))
    if many:
        sql = f'+"{table}"."id" IN ({_FTS5_MATCH})'
        return queryset.filter(RawSQL(sql, [_fts5_query(terms)], output_field=BooleanField()))
    return queryset.filter(pk__in=RawSQL(_FTS5_MATCH, [_fts5_query(terms)]))


SQLITE_SETUP = (
    "CREATE VIRTUAL TABLE publishing_search_fts USING fts5("
    "grams, content='publishing_searchentry', content_rowid='publication_id', tokenize='ascii')",
    "CREATE TRIGGER publishing_search_ai AFTER INSERT ON publishing_searchentry BEGIN "
    "INSERT INTO publishing_search_fts(rowid, grams) VALUES (new.publication_id, new.grams); END",
    "CREATE TRIGGER publishing_search_ad AFTER DELETE ON publishing_searchentry BEGIN "
    "INSERT INTO publishing_search_fts(publishing_search_fts, rowid, grams) "
    "VALUES ('delete', old.publication_id, old.grams); END",
    "CREATE TRIGGER publishing_search_au AFTER UPDATE ON publishing_searchentry BEGIN "
    "INSERT INTO publishing_search_fts(publishing_search_fts, rowid, grams) "
    "VALUES ('delete', old.publication_id, old.grams); "
    "INSERT INTO publishing_search_fts(rowid, grams) VALUES (new.publication_id, new.grams); END",
)
SQLITE_TEARDOWN = (
    "DROP TRIGGER IF EXISTS publishing_search_au",
    "DROP TRIGGER IF EXISTS publishing_search_ad",
    "DROP TRIGGER IF EXISTS publishing_search_ai",
    "DROP TABLE IF EXISTS publishing_search_fts",
)
POSTGRESQL_SETUP = (
    "ALTER TABLE publishing_searchentry ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', grams)) STORED",
    "CREATE INDEX publishing_search_tsv ON publishing_searchentry USING gin (tsv)",
)
POSTGRESQL_TEARDOWN = (
    "DROP INDEX IF EXISTS publishing_search_tsv",
    "ALTER TABLE publishing_searchentry DROP COLUMN IF EXISTS tsv",
)
