"""Joining an organisation by invitation link; coordinators manage only their own members."""

import datetime
import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from cms.models import Invitation, Membership, Organisation
from tests.factories import UserFactory

from .conftest import log_in, url

pytestmark = pytest.mark.django_db


def person(name, language="de"):
    user = UserFactory(username=name, email=f"{name}@example.org", full_name=name.title(),
                       preferred_language=language)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def client_for(user) -> Client:
    client = Client()
    assert log_in(client, email=user.email).status_code == 302
    return client


@pytest.fixture
def org_a():
    return Organisation.objects.create(name="Brücke e. V.", slug="bruecke",
                                       kind="migrant-organisation")


@pytest.fixture
def org_b():
    return Organisation.objects.create(name="Netzwerk Süd", slug="netzwerk-sued",
                                       kind="network")


@pytest.fixture
def coordinator_a(org_a):
    user = person("koordinatorin")
    out = StringIO()
    call_command("make_coordinator", user.email, "bruecke", stdout=out)
    assert "is now a coordinator of Brücke e. V." in out.getvalue()
    return user


def new_link(client, organisation) -> str:
    answer = client.post(url("de", f"organisationen/{organisation.pk}/mitglieder/"),
                         {"action": "create"})
    assert answer.status_code == 200
    [link] = re.findall(r"<code>https?://[^/]+(/[^<]+)</code>", answer.content.decode())
    return link


def test_make_coordinator_names_the_first_coordinator(coordinator_a, org_a):
    membership = Membership.objects.get(user=coordinator_a)
    assert membership.organisation == org_a and membership.is_coordinator


def test_invitation_join_share_and_leave(coordinator_a, org_a):
    coordinator = client_for(coordinator_a)
    link = new_link(coordinator, org_a)
    assert link.startswith("/de/konto/einladung/")
    token = link.rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64

    guest = Client()
    page = guest.get(link.replace("/de/", "/ar/"))
    assert page.status_code == 200 and "Brücke e. V." in page.content.decode()
    assert "/ar/konto/registrieren/?next=" in page.content.decode()

    member_user = person("mitglied", "ar")
    member = client_for(member_user)
    assert member.get(link).status_code == 200  # shows "Join"; nothing changed yet
    assert not Membership.objects.filter(user=member_user).exists()
    joined = member.post(link)
    membership = Membership.objects.get(user=member_user)
    assert joined["Location"] == url("de", f"organisationen/{membership.pk}/")
    assert (membership.organisation, membership.role, membership.shares_progress) == (
        org_a, "member", False)
    invitation.refresh_from_db()
    assert invitation.used_count == 1
    assert member.post(link).status_code == 302  # again: already a member, no second use
    invitation.refresh_from_db()
    assert invitation.used_count == 1

    members_page = coordinator.get(url("de", f"organisationen/{org_a.pk}/mitglieder/"))
    assert "mitglied@example.org" in members_page.content.decode()

    member.post(url("de", f"organisationen/{membership.pk}/"),
                {"action": "share", "shares_progress": "on"})
    membership.refresh_from_db()
    assert membership.shares_progress
    member.post(url("de", f"organisationen/{membership.pk}/"), {"action": "share"})
    membership.refresh_from_db()
    assert not membership.shares_progress
    member.post(url("de", f"organisationen/{membership.pk}/"), {"action": "leave"})
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_joining_a_translation_joins_the_organisation(coordinator_a, org_a):
    arabic = org_a.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.name = "جسر"
    arabic.save()
    member_user = person("mitglied")
    invitation, token = Invitation.create_for(arabic.source, coordinator_a)
    page = client_for(member_user)
    assert "جسر" in page.get(url("ar", f"einladung/{token}/")).content.decode()
    page.post(url("ar", f"einladung/{token}/"))
    assert Membership.objects.get(user=member_user).organisation == org_a  # the German row


@pytest.mark.parametrize("state", ["forged", "expired", "used", "revoked"])
def test_unusable_links_are_refused_and_change_nothing(coordinator_a, org_a, state):
    invitation, token = Invitation.create_for(org_a, coordinator_a, max_uses=1)
    if state == "forged":
        token = token[:-3] + "xyz"
    elif state == "expired":
        invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    elif state == "used":
        invitation.used_count = 1
    else:
        invitation.revoked_at = timezone.now()
    invitation.save()
    member_user = person("mitglied")
    member = client_for(member_user)
    for method in (member.get, member.post):
        answer = method(url("fa", f"einladung/{token}/"))
        assert answer.status_code == (404 if state == "forged" else 410)
        body = answer.content.decode()
        assert 'dir="rtl"' in body and "Brücke" not in body
    assert not Membership.objects.filter(user=member_user).exists()
    invitation.refresh_from_db()
    assert invitation.used_count == (1 if state == "used" else 0)


def test_organisations_are_isolated(coordinator_a, org_a, org_b):
    coordinator_b = person("andere")
    Membership.make_coordinator(coordinator_b, org_b)
    member_a = Membership.objects.create(user=person("mitglied"), organisation=org_a)
    invitation_a, _token = Invitation.create_for(org_a, coordinator_a)
    other = client_for(coordinator_b)
    page_a = url("de", f"organisationen/{org_a.pk}/mitglieder/")
    assert other.get(page_a).status_code == 404
    for data, on_own_page in (({"action": "create"}, 200),  # a link for B, not for A
                              ({"action": "revoke", "invitation": invitation_a.pk}, 404),
                              ({"action": "remove", "membership": member_a.pk}, 404)):
        assert other.post(page_a, data).status_code == 404
        # Through their own organisation's page, A's rows are not found either.
        own = other.post(url("de", f"organisationen/{org_b.pk}/mitglieder/"), data)
        assert own.status_code == on_own_page
    assert Invitation.objects.filter(organisation=org_a).count() == 1
    invitation_a.refresh_from_db()
    assert invitation_a.revoked_at is None
    assert Membership.objects.filter(pk=member_a.pk).exists()
    assert "mitglied@example.org" not in other.get(
        url("de", f"organisationen/{org_b.pk}/mitglieder/")).content.decode()
    # A plain member cannot manage their own organisation, nor see another's membership.
    member = client_for(member_a.user)
    assert member.get(page_a).status_code == 404
    own_membership = Membership.objects.get(user=coordinator_b)
    assert member.get(url("de", f"organisationen/{own_membership.pk}/")).status_code == 404
    assert member.post(url("de", f"organisationen/{own_membership.pk}/"),
                       {"action": "leave"}).status_code == 404
    assert Membership.objects.filter(pk=own_membership.pk).exists()


def test_coordinator_revokes_a_link(coordinator_a, org_a):
    coordinator = client_for(coordinator_a)
    link = new_link(coordinator, org_a)
    invitation = Invitation.objects.get()
    coordinator.post(url("de", f"organisationen/{org_a.pk}/mitglieder/"),
                     {"action": "revoke", "invitation": invitation.pk})
    assert client_for(person("spaet")).post(link).status_code == 410
    assert Membership.objects.filter(organisation=org_a).count() == 1


def test_make_coordinator_refuses_unknown_people_and_organisations(org_a):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No active account"):
        call_command("make_coordinator", "niemand@example.org", "bruecke")
    user = person("jemand")
    with pytest.raises(CommandError, match="No organisation"):
        call_command("make_coordinator", user.email, "gibt-es-nicht")
    assert not Membership.objects.exists()


def test_a_newcomer_signs_up_from_the_invitation_and_returns_to_it(coordinator_a, org_a,
                                                                   mailing):
    from django.core import mail

    from .conftest import PASSWORD, links_in, path_of

    _invitation, token = Invitation.create_for(org_a, coordinator_a)
    link = url("ar", f"einladung/{token}/")
    newcomer = Client()
    with mailing():
        newcomer.post(url("ar", "registrieren/") + f"?next={link}", {
            "full_name": "Neu", "email": "neu@example.org", "password1": PASSWORD,
            "password2": PASSWORD, "next": link})
    confirm = next(found for found in links_in(mail.outbox[0]) if "/bestaetigen/" in found)
    answer = newcomer.post(path_of(confirm))
    assert answer["Location"] == link  # back to the invitation, signed in
    newcomer.post(link)
    assert Membership.objects.get(user__email="neu@example.org").organisation == org_a
