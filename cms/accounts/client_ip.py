"""The client's address as far as the proxies in front of the app can vouch for it.

Each proxy appends the address it was reached from to X-Forwarded-For, after whatever the
client sent. With TRUSTED_PROXY_COUNT proxies, the last that many entries were written by
them: the client is the entry that many places from the right. Anything further left is the
client's own claim and never read; with 0 proxies (the default) the header is ignored and
REMOTE_ADDR is the client. Used by django-axes and the password-reset limit.
"""

import ipaddress

from django.conf import settings


def _valid(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    remote = _valid(request.META.get("REMOTE_ADDR") or "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                 if part.strip()]
    if not forwarded:
        return remote  # reached the app without passing the proxies
    # Fewer entries than proxies: the leftmost was still written by one of ours.
    return _valid(forwarded[-min(trusted, len(forwarded))]) or remote
