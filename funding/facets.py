"""The funding finder's facet buckets, shared by every search engine so counts agree whichever
engine answers.

Deadline buckets are the deadline states (funding.deadlines: "open", "soon", "rolling",
"past"). Amount buckets are keyed by the largest amount a programme gives.
"""

from django.utils.translation import gettext_lazy as _

from .deadlines import DEADLINE_STATES

__all__ = ["AMOUNT_BUCKETS", "DEADLINE_STATES", "OWN_SHARE_BUCKETS", "amount_bucket",
           "own_share_bucket"]

# (key, label, low inclusive, high inclusive or None): a programme falls into a bucket when
# its amount_max lies in [low, high].
AMOUNT_BUCKETS = [
    ("upto-5000", _("up to 5,000 EUR"), 0, 5_000),
    ("5000-25000", _("5,001 to 25,000 EUR"), 5_001, 25_000),
    ("25000-100000", _("25,001 to 100,000 EUR"), 25_001, 100_000),
    ("over-100000", _("more than 100,000 EUR"), 100_001, None),
]

# (key, label, low inclusive, high inclusive or None) on cofunding_percent.
OWN_SHARE_BUCKETS = [
    ("none", _("no own share"), 0, 0),
    ("upto10", _("up to 10 %"), 1, 10),
    ("more", _("more than 10 %"), 11, None),
]


def _bucket(value: int, buckets) -> str | None:
    for key, _label, low, high in buckets:
        if value >= low and (high is None or value <= high):
            return key
    return None


def amount_bucket(amount_max: int) -> str | None:
    return _bucket(amount_max, AMOUNT_BUCKETS)


def own_share_bucket(cofunding_percent: int) -> str | None:
    return _bucket(cofunding_percent, OWN_SHARE_BUCKETS)
