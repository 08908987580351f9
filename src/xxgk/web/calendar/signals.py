"""`calendar_changed` is sent inside the transaction of every change to the calendar table; a
receiver recomputes what it derived from working days and returns how many records changed."""

from django.dispatch import Signal

calendar_changed = Signal()
