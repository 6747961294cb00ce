"""Two onboarded partners and a user for every role of the permission matrix."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission

from partners.onboarding import onboard_partner
from tests.factories import UserFactory

TRAINER_GROUP = "Trainer·innen"


@pytest.fixture
def partner_a(db):
    return onboard_partner("Brücke Leipzig e. V.", "/verein-gruenden/", "ar,fa")


@pytest.fixture
def partner_b(db):
    return onboard_partner("Netzwerk Nord", "/behoerden/", "ar")


@pytest.fixture
def roles(partner_a, partner_b):
    trainers, _ = Group.objects.get_or_create(name=TRAINER_GROUP)
    trainers.permissions.add(Permission.objects.get(codename="access_admin"))
    return SimpleNamespace(
        anonymous=None,
        learner=UserFactory(username="learner"),
        editor_a=UserFactory(username="editor_a", groups=[partner_a.editors.name]),
        translator_a=UserFactory(username="translator_a", groups=[partner_a.translators.name]),
        editor_b=UserFactory(username="editor_b", groups=[partner_b.editors.name]),
        trainer=UserFactory(username="trainer", groups=[TRAINER_GROUP]),
        central=UserFactory(username="central", groups=["Zentrale Redaktion"]),
        superuser=UserFactory(username="superuser", is_superuser=True, is_staff=True),
    )


def pytest_terminal_summary(terminalreporter):
    from . import matrix_count

    line = matrix_count.summary()
    if line:
        terminalreporter.write_line(line)
