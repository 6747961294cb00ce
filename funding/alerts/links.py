"""Signed links: the subscription's id and secret, signed with a salt per action, so a
confirmation link does not unsubscribe and the other way round. A forged or altered link
fails the signature; a link of a subscription that was stopped finds no row."""

from django.core import signing
from django.urls import reverse

from cms.site_url import base_url

CONFIRM_DAYS = 3  # a confirmation link works this long; unconfirmed follows go after it
SALTS = {"confirm": "funding.alerts.confirm", "unsubscribe": "funding.alerts.unsubscribe"}
URL_NAMES = {"confirm": "funding:alert_confirm", "unsubscribe": "funding:alert_unsubscribe"}


class BadLink(Exception):
    pass


def make_token(subscription, action: str) -> str:
    return signing.dumps([subscription.pk, subscription.secret], salt=SALTS[action])


def read_token(token: str, action: str, max_age=None) -> tuple[int, str]:
    try:
        pk, secret = signing.loads(token, salt=SALTS[action], max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadLink from error
    if not isinstance(pk, int) or not isinstance(secret, str):
        raise BadLink
    return pk, secret


def absolute_link(subscription, action: str) -> str:
    """The link in the subscriber's language (call inside translation.override)."""
    return base_url() + reverse(URL_NAMES[action], args=[make_token(subscription, action)])
