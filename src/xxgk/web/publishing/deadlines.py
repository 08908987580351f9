"""第二十六条 for publications: due 20 working days after the information was formed or
changed, on the platform's one working-day calendar (the administrator's table included)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from xxgk.deadlines import publication_due
from xxgk.web.calendar.selectors import current_calendar
from xxgk.web.publishing.models import Publication
from xxgk.workdays import DueDate, WorkCalendar, explain_zh


@dataclass(frozen=True)
class PublicationDeadline:
    due: date
    provisional: bool
    overdue: bool
    explanation_zh: tuple[str, ...]


def publication_deadline_of(
    publication: Publication, *, today: date, calendar: WorkCalendar | None = None
) -> PublicationDeadline:
    """The 第二十六条 deadline of the information; overdue when still unpublished after `due`
    (or published after it)."""
    computed: DueDate = publication_due(publication.formed_on, calendar or current_calendar())
    published_on = publication.published_at.date() if publication.published_at else None
    overdue = (published_on or today) > computed.due
    return PublicationDeadline(computed.due, computed.provisional, overdue, tuple(explain_zh(computed)))
