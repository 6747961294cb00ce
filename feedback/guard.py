"""Keeping the counts honest without cookies or stored addresses.

- **Same site** (cms.security.origin): the form must come from one of our pages.
- **Once a day per address and page**: the cache remembers, for a day, a keyed hash
  (HMAC-SHA256 with SECRET_KEY) of the client's address, the page and what was sent; never
  the address. A second answer from the same address for the same page is not counted.

Readers behind one shared address (a school, an office) count once a day per page: the price
of not storing anything about them. While the cache is unreachable, every answer counts: a
reader who answered must not be told they already had.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from cms.accounts.client_ip import client_ip

ONE_DAY = 24 * 60 * 60


def limit_key(request, page_id: int, kind: str) -> str:
    """The cache key for (address, page, kind): a keyed hash, so the cache holds nothing
    that leads back to the address."""
    digest = salted_hmac("wegweiser.feedback.limit",
                         f"{client_ip(request) or '-'}|{page_id}|{kind}",
                         algorithm="sha256").hexdigest()
    return f"feedback:{digest}"


def first_today(request, page_id: int, kind: str) -> bool:
    """True for the first answer of its kind from this address for this page in a day.
    cache.add is atomic (Redis SET NX), so two requests at once cannot both be first. When the
    cache cannot be reached, add and has_key both answer False: the answer counts."""
    key = limit_key(request, page_id, kind)
    return cache.add(key, 1, settings.FEEDBACK_LIMIT_SECONDS) or not cache.has_key(key)
