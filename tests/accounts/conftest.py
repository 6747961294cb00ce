"""Learner accounts through the real URLs (/<lang>/konto/…) with Django's test client. Mails
leave through the outbox after commit: `mailing` runs those callbacks, as a commit would."""

import re

import pytest
from allauth.account.models import EmailAddress

from tests.factories import UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts in the cache; a test must not inherit another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def url(language: str, path: str) -> str:
    return f"/{language}/konto/{path}"


@pytest.fixture
def mailing(django_capture_on_commit_callbacks):
    """Use as `with mailing(): client.post(...)`: the outbox hands its mails over."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def links_in(message) -> list[str]:
    return re.findall(r"https?://[^\s<>\"]+", message.body)


def path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


@pytest.fixture
def learner(db):
    """A learner whose address is confirmed, signing in with learner@example.org."""
    user = UserFactory(username="learner", email="learner@example.org",
                       full_name="Amal Haddad", preferred_language="ar")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def log_in(client, email="learner@example.org", password=PASSWORD, language="de", **extra):
    return client.post(url(language, "anmelden/"), {"login": email, "password": password},
                       **extra)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session
