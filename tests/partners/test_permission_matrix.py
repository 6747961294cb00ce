"""Who may do what, tried through the real admin and site URLs with the test client.

Each row of MATRIX is an action, tried once by every role; the set lists the roles for whom
it must succeed, every other role must fail. "Succeeded" is judged by what a user would
notice (the page is live, the document exists, the page shows the title), not by status codes
alone. Every cell runs in a savepoint that is rolled back, so no cell sees another's effects.
Partner A's section is /verein-gruenden/ (translators: ar, fa); partner B's is /behoerden/.
"""

import contextlib
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from cms.models import GuidePage
from tests.factories import GuidePageFactory
from tests.partners.translating import locale, synced_translation

from . import matrix_count
from .matrix_actions import (
    approve_translation,
    copy_into,
    delete,
    document_chooser_lists,
    download,
    draft_on_public_site,
    edit_glossary_string,
    edit_organisation_entry,
    history,
    image_chooser_lists,
    list_members,
    move,
    onboard_in_admin,
    open_document_in_admin,
    open_editor,
    open_sync_form,
    open_translate_form,
    organisation_history,
    page_chooser_lists,
    preview,
    publish,
    publish_translation,
    read_live_guide,
    revision_compare,
    revision_view,
    save_edit,
    snippet_chooser_lists,
    submit_for_review,
    submit_other_language_for_review,
    sync,
    translate,
    translate_organisation,
    unpublish,
    upload_document,
    upload_image,
    usage,
    view_draft,
    workflow_history,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "learner", "editor_a", "translator_a", "editor_b", "trainer", "central",
         "superuser"]
ADMINS = {"central", "superuser"}
TEAM_A = {"editor_a"} | ADMINS
TEAM_B = {"editor_b"} | ADMINS
EVERYONE = set(ROLES)
ADMIN_USERS = EVERYONE - {"anonymous", "learner"}
NOBODY = set()


# --- the world: two partners, their pages, translations and files ----------------------------

def draft_guide(section, slug):
    page = GuidePageFactory(parent=section, slug=slug, title=f"Entwurf {slug}", live=False)
    page.save_revision()
    return page


def document(title, collection):
    doc = get_document_model()(title=title, collection=collection)
    doc.file.save(f"{title}.txt", ContentFile(b"Kassenbericht 2026"), save=False)
    doc.save()
    return doc


def image(title, collection):
    img = get_image_model()(title=title, collection=collection, file=get_test_image_file())
    img.save()
    return img


@pytest.fixture
def world(roles, partner_a, partner_b, settings, tmp_path):
    # documents are served from disk (the test settings keep files in memory)
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path)}}}
    guide_a = GuidePage.objects.get(slug="test-guide", locale__language_code="de")
    guide_b = GuidePage.objects.get(slug="zweiter-leitfaden", locale__language_code="de")
    section_a, section_b = partner_a.organisation.section, partner_b.organisation.section
    source_a, guide_a_fa = synced_translation(guide_a, "fa")
    source_b, guide_b_ar = synced_translation(guide_b, "ar")
    internal_a = partner_a.collection.get_children().get(name__endswith="– intern")
    return SimpleNamespace(
        roles=roles, a=partner_a, b=partner_b, section_a=section_a, section_b=section_b,
        guide_a=guide_a, guide_b=guide_b, guide_a_fa=guide_a_fa, guide_b_ar=guide_b_ar,
        guide_a_ar=guide_a.get_translation(locale("ar")),
        source_a=source_a, source_b=source_b,
        draft_a=draft_guide(section_a, "entwurf-a"), draft_b=draft_guide(section_b, "entwurf-b"),
        doc_a=document("Bericht A", partner_a.collection),
        doc_b=document("Bericht B", partner_b.collection),
        private_a=document("Protokoll intern", internal_a),
        image_a=image("Logo A", partner_a.collection),
        image_b=image("Logo B", partner_b.collection),
        other_topic=Page.objects.get(slug="vereinsarbeit", locale=locale("de")),
    )


# --- the expected outcomes ---------------------------------------------------------------------

MATRIX = {
    # pages of partner A (own section for editor A) and of partner B (URL manipulation)
    "view draft A": (view_draft("draft_a"), TEAM_A),
    "view draft B": (view_draft("draft_b"), TEAM_B),
    "draft A on the public site": (draft_on_public_site, NOBODY),
    "read a live guide on the site": (read_live_guide, EVERYONE),
    "open editor A": (open_editor("guide_a"), TEAM_A),
    "open editor B": (open_editor("guide_b"), TEAM_B),
    "save edit A": (save_edit("guide_a"), TEAM_A),
    "save edit B (page id outside own section)": (save_edit("guide_b"), TEAM_B),
    "publish A (partners only submit for review)": (publish("guide_a"), ADMINS),
    "publish B": (publish("guide_b"), ADMINS),
    "delete draft A (Wagtail: editors may delete drafts)": (delete("draft_a"), TEAM_A),
    "delete draft B": (delete("draft_b"), TEAM_B),
    "delete live guide A": (delete("guide_a"), ADMINS),
    "move draft A out of the section": (move("draft_a"), ADMINS),
    "move draft B": (move("draft_b"), ADMINS),
    "unpublish A": (unpublish("guide_a"), ADMINS),
    "unpublish B": (unpublish("guide_b"), ADMINS),
    "copy A within section A": (copy_into("guide_a", "section_a"), TEAM_A),
    "copy B into section A": (copy_into("guide_b", "section_a"), ADMINS),
    "copy A into section B": (copy_into("guide_a", "section_b"), ADMINS),
    "history A": (history("guide_a"), TEAM_A),
    "history B": (history("guide_b"), TEAM_B),
    "revision compare B": (revision_compare("guide_b"), TEAM_B),
    "revision view B": (revision_view("guide_b"), TEAM_B),
    "workflow history B": (workflow_history("draft_b"), TEAM_B),
    "usage of B": (usage("guide_b"), TEAM_B),
    # Wagtail's snippet choosers are open to every admin user (to link an entry); organisation
    # names are not confidential, their members and partner data are not shown there
    "organisation chooser lists B": (snippet_chooser_lists("b"), ADMIN_USERS),
    "preview A": (preview("guide_a"), TEAM_A),
    "preview B": (preview("guide_b"), TEAM_B),
    "page chooser lists draft B": (page_chooser_lists("draft_b"), TEAM_B),
    # translations (wagtail-localize views, guarded by partners.patches.localize_permissions)
    "translate draft A into ar": (translate("draft_a", "ar"), {"translator_a"} | ADMINS),
    "translate draft A into fa": (translate("draft_a", "fa"), {"translator_a"} | ADMINS),
    "translate draft A into ru": (translate("draft_a", "ru"), ADMINS),
    "translate draft B into ar": (translate("draft_b", "ar"), ADMINS),
    "open translation editor A (fa)": (open_editor("guide_a_fa"), {"translator_a"} | ADMINS),
    "open translation editor B (ar)": (open_editor("guide_b_ar"), ADMINS),
    "publish translation A (fa) from its editor": (publish_translation("guide_a_fa"), ADMINS),
    "publish translation B (ar) from its editor": (publish_translation("guide_b_ar"), ADMINS),
    "translate organisation A's entry into ar": (translate_organisation("a", "ar"), ADMINS),
    "change a string of the Arabic glossary term": (edit_glossary_string, ADMINS),
    "open the translate form for draft A": (open_translate_form("draft_a"),
                                            {"translator_a"} | ADMINS),
    "open the translate form for draft B": (open_translate_form("draft_b"), ADMINS),
    "open the sync form for B": (open_sync_form("source_b"), ADMINS),
    # translations go through review (translations.review): submit, then central approval
    "submit translation A (fa) for review": (submit_for_review("guide_a_fa"),
                                             {"translator_a"} | ADMINS),
    "submit live translation A (ar) for review": (submit_for_review("guide_a_ar"),
                                                  {"translator_a"} | ADMINS),
    "submit translation B (ar) for review": (submit_for_review("guide_b_ar"), ADMINS),
    "submit translation A in another language (ru) for review":
        (submit_other_language_for_review, ADMINS),
    "submit translation A (ar) for review by GET": (submit_for_review("guide_a_ar", "get"),
                                                    NOBODY),
    "approve translation A (ar) submitted by translator A": (approve_translation, ADMINS),
    "sync translations of A": (sync("source_a"), {"translator_a"} | ADMINS),
    "sync translations of B": (sync("source_b"), ADMINS),
    "sync A and publish immediately": (sync("source_a", publish_now=True), ADMINS),
    "sync B and publish immediately": (sync("source_b", publish_now=True), ADMINS),
    # collections and documents
    "upload document to collection A": (upload_document("a"), TEAM_A),
    "upload document to collection B (collection id not one's own)":
        (upload_document("b"), TEAM_B),
    "upload image to collection A": (upload_image("a"), TEAM_A),
    "upload image to collection B": (upload_image("b"), TEAM_B),
    "open document A in the admin": (open_document_in_admin("doc_a"), TEAM_A),
    "open document B in the admin": (open_document_in_admin("doc_b"), TEAM_B),
    "document chooser lists document A": (document_chooser_lists("doc_a"),
                                          TEAM_A | {"translator_a"}),
    "document chooser lists document B": (document_chooser_lists("doc_b"), TEAM_B),
    "image chooser lists image B": (image_chooser_lists("image_b"), TEAM_B),
    "download public document B": (download("doc_b"), EVERYONE),
    "download private document of A": (download("private_a"),
                                       {"editor_a", "translator_a"} | ADMINS),
    # people, audit and onboarding
    "history of organisation A": (organisation_history("a"), TEAM_A),
    "history of organisation B": (organisation_history("b"), TEAM_B),
    "onboard a partner in the admin": (onboard_in_admin, ADMINS),
    "edit organisation A's entry": (edit_organisation_entry("a"), ADMINS),
    "see partner A's members": (list_members("a"), {"superuser"}),
    "see partner B's members": (list_members("b"), {"superuser"}),
}


def client_for(client, world, role):
    client.logout()
    user = getattr(world.roles, role)
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("action", list(MATRIX))
def test_permission_matrix(client, world, action):
    act, allowed = MATRIX[action]
    wrong = []
    for role in ROLES:
        with contextlib.suppress(_Rollback), transaction.atomic():
            outcome = act(client_for(client, world, role), world)
            matrix_count.record(action, role, outcome, role in allowed)
            if outcome != (role in allowed):
                wrong.append(f"{role}: {'succeeded' if outcome else 'failed'}")
            raise _Rollback
    assert not wrong, f"{action}: " + "; ".join(wrong)


class _Rollback(Exception):
    """Leaves the cell's savepoint so the next role starts from the same world."""
