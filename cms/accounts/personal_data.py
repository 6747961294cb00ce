"""What the site keeps about a person, for their download and for deleting their account
(GDPR Art. 15, 17 and 20).

Every app registers, per model that is related to the user, an exporter (what goes into the
person's JSON download) and an eraser (delete the rows, or anonymise them where anonymous
counts are kept). Register in your AppConfig.ready():

    from cms.accounts import personal_data

    personal_data.register(Enrolment, label="enrolments",
                           export=lambda user: [{...}, ...],
                           erase=lambda user: Enrolment.objects.filter(user=user).delete())

`export(user)` returns a list of JSON-serialisable dicts (dates may stay dates: the download
encodes them); `erase(user)` returns nothing and runs inside the deletion's transaction,
before the user row is deleted (so a foreign key with CASCADE would delete the rows anyway;
the eraser is where anonymising instead of deleting happens). Erasers that do not belong to a
model (sessions, queued mails) are registered with `model=None`.

tests/accounts/test_personal_data.py fails when a model with a relation to the user model is
neither registered nor on its commented allowlist.
"""

import datetime
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

logger = logging.getLogger(__name__)

Exporter = Callable[[object], list[dict]]
Eraser = Callable[[object], None]


@dataclass(frozen=True)
class Entry:
    label: str
    model: type | None
    export: Exporter | None
    erase: Eraser | None


_registry: dict[str, Entry] = {}


def register(model, *, label: str, export: Exporter | None = None,
             erase: Eraser | None = None) -> None:
    """Register what `model` (or None) keeps about a user under `label` (the key in the
    download; unique). Registering the same label again replaces the entry."""
    if export is None and erase is None:
        raise ValueError("register() needs an exporter, an eraser or both.")
    _registry[label] = Entry(label=label, model=model, export=export, erase=erase)


def entries() -> list[Entry]:
    return list(_registry.values())


def registered_models() -> set[type]:
    return {entry.model for entry in _registry.values() if entry.model is not None}


def export(user) -> dict:
    """Everything registered about `user`: {"exported_at": …, label: [rows], …}."""
    data = {"exported_at": datetime.datetime.now(datetime.UTC).isoformat()}
    for entry in _registry.values():
        if entry.export is not None:
            data[entry.label] = list(entry.export(user))
    return data


def export_json(user) -> str:
    return json.dumps(export(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def delete_account(user) -> None:
    """Run every eraser, then delete the user, all in one transaction: either everything
    personal is gone or nothing changed."""
    with transaction.atomic():
        for entry in _registry.values():
            if entry.erase is not None:
                entry.erase(user)
        user.delete()
    logger.info("Account %s deleted at its owner's request.", user.pk)


# --- What cms.accounts itself keeps ----------------------------------------------------------
def _export_profile(user) -> list[dict]:
    return [{"email": user.email, "full_name": user.full_name, "username": user.username,
             "preferred_language": user.preferred_language, "date_joined": user.date_joined,
             "last_login": user.last_login}]


def _user_identifiers(user) -> set[str]:
    """The names a sign-in attempt may have used for this account (axes keeps them)."""
    from allauth.account.models import EmailAddress

    names = {user.username, user.email, user.email.lower()}
    for address in EmailAddress.objects.filter(user=user).values_list("email", flat=True):
        names |= {address, address.lower()}
    return {name for name in names if name}


def _erase_sign_in_records(user) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    names = _user_identifiers(user)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__in=names).delete()


def _export_email_addresses(user) -> list[dict]:
    from allauth.account.models import EmailAddress

    return list(EmailAddress.objects.filter(user=user).values("email", "verified", "primary"))


def _erase_email_addresses(user) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user).delete()  # their confirmations cascade


def _erase_sessions(user) -> None:
    """Every session signed in as this user (the database session store: scanned, since
    sessions are not indexed by user)."""
    from django.contrib.sessions.models import Session

    key = str(user.pk)
    stale = [session.session_key for session in Session.objects.iterator()
             if session.get_decoded().get("_auth_user_id") == key]
    Session.objects.filter(session_key__in=stale).delete()


def _erase_audit_entries_about(user) -> None:
    """Wagtail's audit log entries whose object is this account (e.g. "sign-in lockout
    lifted"), which name it; entries the person made as an editor are the editors' record
    and keep their user foreign key (SET_NULL by Wagtail)."""
    from wagtail.models import ModelLogEntry

    ModelLogEntry.objects.for_instance(user).delete()


def register_own() -> None:
    """Called from AccountsConfig.ready()."""
    from allauth.account.models import EmailAddress

    from .models import User

    # The user row itself: exported here, deleted by delete_account() after every eraser.
    register(User, label="profile", export=_export_profile)
    register(EmailAddress, label="email_addresses", export=_export_email_addresses,
             erase=_erase_email_addresses)
    # Failed sign-ins are kept for the cool-off only; nothing of them is worth exporting.
    register(None, label="sign_in_records", erase=_erase_sign_in_records)
    register(None, label="sessions", erase=_erase_sessions)
    register(None, label="audit_entries_about_account", erase=_erase_audit_entries_about)
