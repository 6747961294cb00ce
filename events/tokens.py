"""Signed links (confirm, take an offered seat, cancel): the registration's id and secret,
signed with a salt per action, so a link for one action is refused by another; cancelling
gives the registration a new secret, which voids every link of it."""

from django.core import signing

SALTS = {"confirm": "events.registration.confirm", "cancel": "events.registration.cancel",
         "offer": "events.registration.offer"}


def make_token(registration, action: str) -> str:
    return signing.dumps([registration.pk, registration.secret], salt=SALTS[action])
