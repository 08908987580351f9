"""Signals of the annual-report context, for the contexts that follow its publications (the
open-data bundle) without annual having to know them."""

from django.dispatch import Signal

# Sent once the transaction that published or corrected a report has committed; `version` is
# the new PublishedVersion.
report_published = Signal()
