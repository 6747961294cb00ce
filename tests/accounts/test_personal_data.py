"""GDPR: the download holds everything registered, deletion leaves nothing personal, and
every model related to the user model is covered (registered) or explained (allowlisted)."""

import json

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.sessions.models import Session
from django.db import transaction
from django.test import Client
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page

from cms.accounts import personal_data
from cms.learners.tasks import send_account_mail
from cms.models import Invitation, Membership, Organisation
from cms.outbox.dispatch import send_after_commit
from cms.outbox.models import PendingTask

from .conftest import PASSWORD, log_in, signed_in, url

pytestmark = pytest.mark.django_db

# Editor- and admin-side models: they hold what people did as editors, translators or
# administrators (Wagtail's own tables), never a learner's data; learners have no admin
# access. Wagtail sets their user foreign keys to NULL or cascades when a user is deleted.
ALLOWED = {
    "accounts.User_groups": "permission groups of staff; rows go with the user (CASCADE)",
    "accounts.User_user_permissions": "staff permissions; rows go with the user (CASCADE)",
    "wagtailcore.Revision": "editors' revisions of content (who saved which version)",
    "wagtailcore.ModelLogEntry": "audit log of editors' actions (entries *about* an "
                                 "account are erased: audit_entries_about_account)",
    "wagtailcore.PageLogEntry": "audit log of editors' actions on pages",
    "wagtailcore.WorkflowState": "review workflow: who requested a review",
    "wagtailcore.TaskState": "review workflow: who approved or rejected",
    "wagtailcore.Comment": "editors' comments on draft pages in the admin",
    "wagtailcore.CommentReply": "editors' replies to those comments",
    "wagtailcore.PageSubscription": "editors' notification settings for page comments",
    "wagtailcore.APIToken": "API tokens of staff accounts",
    "wagtailcore.UploadedFile": "files an editor is uploading in the admin",
    "wagtailusers.UserProfile": "admin preferences (language, theme) of staff",
    "wagtailadmin.EditingSession": "who is editing which object in the admin right now",
    "wagtailadmin.FormState": "admin form state of an editor",
    "wagtail_localize.StringTranslation": "which translator last translated a string",
    "wagtail_localize.SegmentOverride": "which translator last overrode a segment",
    "translations.TranslatorNotice": "notices to translators (translation staff)",
    # Generic foreign keys that point at content, never at an account:
    "wagtailsearch.IndexEntry": "search index of pages and snippets",
    "taggit.TaggedItem": "tags on content",
}


def allowed_by_kind(model) -> str | None:
    if issubclass(model, Page):
        return "page ownership and edit locks: editors' work"
    if issubclass(model, AbstractImage | AbstractDocument):
        return "who uploaded an image or document: editors' work"
    return None


def user_related_models() -> set:
    user_model = get_user_model()
    found = set()
    for model in apps.get_models(include_auto_created=True):
        related = any(field.is_relation and not field.auto_created
                      and field.related_model is user_model
                      for field in model._meta.get_fields())
        generic = any(isinstance(field, GenericForeignKey)
                      for field in model._meta.private_fields)
        if (related or generic) and model is not user_model:
            found.add(model)
    return found


def test_every_model_related_to_users_is_covered():
    registered = personal_data.registered_models()
    uncovered = sorted(model._meta.label for model in user_related_models()
                       if model not in registered and model._meta.label not in ALLOWED
                       and not allowed_by_kind(model))
    assert uncovered == [], ("Register these in cms.accounts.personal_data (export and "
                             "erase), or add them to ALLOWED with the reason.")


def test_the_enumeration_sees_the_relations():
    """Guards the check above against passing on an empty list."""
    labels = {model._meta.label for model in user_related_models()}
    assert {"cms.Membership", "cms.Invitation", "account.EmailAddress",
            "wagtailcore.Revision", "wagtailsearch.IndexEntry"} <= labels
    stale = set(ALLOWED) - labels
    assert stale == set(), "allowlisted models that no longer relate to users"


@pytest.fixture
def rich_learner(learner):
    organisation = Organisation.objects.create(name="Brücke e. V.", slug="bruecke",
                                               kind="migrant-organisation")
    Membership.objects.create(user=learner, organisation=organisation, role="coordinator",
                              shares_progress=True)
    Invitation.create_for(organisation, learner)
    return learner


def test_download_holds_everything_registered(client, rich_learner):
    log_in(client)
    assert client.get(url("de", "profil/daten/")).status_code == 405  # POST only
    answer = client.post(url("ar", "profil/daten/"))
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/json")
    assert answer["Content-Disposition"].startswith("attachment;")
    assert "private" in answer["Cache-Control"]
    data = json.loads(answer.content)
    exported = {entry.label for entry in personal_data.entries() if entry.export}
    assert exported <= set(data)
    assert data["profile"][0]["full_name"] == "Amal Haddad"
    assert data["profile"][0]["email"] == "learner@example.org"
    assert data["email_addresses"] == [{"email": "learner@example.org", "verified": True,
                                        "primary": True}]
    [membership] = data["organisation_memberships"]
    assert membership["organisation"] == "Brücke e. V." and membership["shares_progress"]
    assert data["invitation_links_created"][0]["organisation"] == "Brücke e. V."
    assert "password" not in answer.content.decode()


def test_deletion_removes_personal_data_everywhere(client, rich_learner):
    user = rich_learner
    log_in(client)
    other_device = Client()
    log_in(other_device)
    AccessAttempt.objects.create(username="learner@example.org", ip_address="10.0.0.1",
                                 user_agent="x", failures_since_start=2)
    AccessAttempt.objects.create(username="someone-else", ip_address="10.0.0.1",
                                 user_agent="x", failures_since_start=1)
    with transaction.atomic():  # a mail still waiting for the broker
        send_after_commit(send_account_mail, {"subject": "s", "body": "b", "html": "",
                                              "from_email": "x@example.org",
                                              "to": ["learner@example.org"]})
        send_after_commit(send_account_mail, {"subject": "s", "body": "b", "html": "",
                                              "from_email": "x@example.org",
                                              "to": ["other@example.org"]})
    log(user, "cms.sign_in_unlocked", data={"ip_address": "10.0.0.1"})
    sessions_before = Session.objects.count()

    wrong = client.post(url("de", "profil/loeschen/"), {"password": "falsch"})
    assert wrong.status_code == 400 and 'aria-invalid="true"' in wrong.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()

    answer = client.post(url("de", "profil/loeschen/"), {"password": PASSWORD})
    assert answer.status_code == 200
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not signed_in(client)
    assert other_device.get(url("de", "profil/")).status_code == 302  # signed out there too
    assert Session.objects.count() <= sessions_before - 2
    assert not EmailAddress.objects.filter(email="learner@example.org").exists()
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["someone-else"]
    assert [task.args[0]["to"] for task in PendingTask.objects.all()] == [["other@example.org"]]
    assert not Membership.objects.exists()
    invitation = Invitation.objects.get()
    assert invitation.created_by is None  # the organisation's link stays, anonymous
    assert not ModelLogEntry.objects.filter(label__icontains="learner").exists()
    assert log_in(Client()).status_code == 200  # cannot sign in any more
