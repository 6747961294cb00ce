"""A programme's deadline state: open, closing soon, apply any time, or passed. The page shows
it, the finder filters and counts by it (funding.facets, both search engines)."""

import datetime

from django.utils.translation import gettext_lazy as _

DEADLINE_SOON_DAYS = 30

DEADLINE_STATES = [
    ("open", _("open")),
    ("soon", _("closing within 30 days")),
    ("rolling", _("apply any time")),
    ("past", _("deadline passed")),
]


def deadline_state(deadline: datetime.date | None, today: datetime.date) -> str:
    """'rolling', 'past', 'soon' (within 30 days) or 'open'; search computes it for thousands
    of programmes without building a page for each."""
    if deadline is None:
        return "rolling"
    if deadline < today:
        return "past"
    if (deadline - today).days <= DEADLINE_SOON_DAYS:
        return "soon"
    return "open"
