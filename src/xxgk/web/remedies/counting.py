"""Which remedies table 四 of a year counts, and in which column — the one counting rule.

A case counts in year Y when it was filed on or before 31 December Y and was not decided before
1 January Y: it was filed in Y, decided in Y, or still pending at some point of Y. Its column is
its result (结果维持 / 结果纠正 / 其他结果) if it was decided by 31 December Y, else 尚未审结.

So a case pending at the end of Y is counted again in Y+1 (decided then, or still pending), and
last year's 尚未审结 never exceeds this year's 总计: the engine's X-PENDING rule always holds.
A case filed and decided within one year counts once. Voided entries count nowhere.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from xxgk.web.remedies.choices import PENDING, RESULT_CHOICES, TOTAL


def counted_in(year: int) -> Q:
    """The cases table 四 of `year` counts (any column)."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return Q(voided=False) & Q(filed_on__lte=last) & (Q(decided_on__isnull=True) | Q(decided_on__gte=first))


def column_condition(column: str, year: int) -> Q:
    """The cases of `year` in table 四 column `column` (upheld/corrected/other/pending/total)."""
    last = dt.date(year, 12, 31)
    if column == TOTAL:
        return counted_in(year)
    if column == PENDING:
        return counted_in(year) & (Q(decided_on__isnull=True) | Q(decided_on__gt=last))
    if column not in dict(RESULT_CHOICES):
        raise KeyError(column)
    return counted_in(year) & Q(result=column, decided_on__lte=last)
