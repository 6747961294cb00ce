"""Onboarding a partner: one command, everything in place, twice changes nothing."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Locale, WorkflowPage

from cms.models import GuidePage, Organisation, TopicPage
from partners.onboarding import onboard_partner

pytestmark = pytest.mark.django_db

COUNTED_MODELS = [
    "auth.Group", "auth.Group_permissions", "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupCollectionPermission", "wagtailcore.Collection", "cms.Organisation",
    "wagtailcore.Workflow", "wagtailcore.Task", "wagtailcore.WorkflowTask",
    "wagtailcore.WorkflowPage", "wagtailcore.Page", "wagtailcore.Revision",
    "wagtailcore.PageLogEntry", "wagtailcore.ModelLogEntry", "wagtail_localize.Translation",
    "wagtail_localize.TranslationSource", "wagtailcore.CollectionViewRestriction",
    "wagtailcore.CollectionViewRestriction_groups",
]


def row_counts():
    counts = {}
    for label in COUNTED_MODELS:
        if label == "auth.Group_permissions":
            model = apps.get_model("auth", "Group").permissions.through
        elif label == "wagtailcore.CollectionViewRestriction_groups":
            model = apps.get_model("wagtailcore", "CollectionViewRestriction").groups.through
        else:
            model = apps.get_model(label)
        counts[label] = model.objects.count()
    return counts


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("onboard_partner", *args, stdout=out)
    return out.getvalue()


def test_command_creates_organisation_groups_collection_and_workflow():
    output = run("Brücke Leipzig e. V.", "--section", "/verein-gruenden/", "--languages", "ar,fa")
    assert "Onboarded: Brücke Leipzig e. V." in output

    org = Organisation.objects.get(slug="bruecke-leipzig-e-v", locale__language_code="de")
    section = TopicPage.objects.get(slug="verein-gruenden", locale__language_code="de")
    assert org.section.pk == section.pk
    assert org.collection.name == "Brücke Leipzig e. V."
    private = org.collection.get_children().get()
    assert private.name == "Brücke Leipzig e. V. – intern"
    assert set(private.get_view_restrictions().get().groups.values_list("name", flat=True)) == {
        org.editors_group.name, org.translators_group.name, "Zentrale Redaktion"}
    assert {loc.language_code for loc in org.translator_locales.all()} == {"ar", "fa"}

    editor_perms = set(GroupPagePermission.objects.filter(group=org.editors_group)
                       .values_list("page_id", "permission__codename"))
    assert editor_perms == {(section.pk, "add_page"), (section.pk, "change_page")}

    farsi_section = section.get_translation(Locale.objects.get(language_code="fa"))
    assert not farsi_section.live  # a draft translation for the translators, not yet public
    arabic_section = section.get_translation(Locale.objects.get(language_code="ar"))
    translator_pages = set(GroupPagePermission.objects.filter(group=org.translators_group)
                           .values_list("page_id", flat=True))
    assert translator_pages == {farsi_section.pk, arabic_section.pk}

    for page in (section, arabic_section, farsi_section):
        assert WorkflowPage.objects.get(page=page).workflow.name == "Fachliche Prüfung"
    assert GuidePage.objects.get(slug="test-guide", locale__language_code="de") \
        .get_workflow().name == "Fachliche Prüfung"


def test_running_twice_changes_nothing():
    run("Brücke Leipzig e. V.", "--section", "/verein-gruenden/", "--languages", "ar,fa")
    before = row_counts()
    output = run("Brücke Leipzig e. V.", "--section", "/verein-gruenden/", "--languages", "ar,fa")
    assert "nothing changed" in output
    assert row_counts() == before


@pytest.mark.parametrize(("args", "message"), [
    (["", "--section", "/verein-gruenden/"], "needs a name"),
    (["Verein X", "--section", "/gibt-es-nicht/"], "no German page at /gibt-es-nicht/"),
    (["Verein X", "--section", "/verein-gruenden/", "--languages", "ar,xx"],
     "Unknown language: xx"),
    (["Verein X", "--section", "/verein-gruenden/", "--languages", "de"], "Unknown language: de"),
])
def test_bad_input_is_reported_and_writes_nothing(args, message):
    before = row_counts()
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert row_counts() == before


def test_a_section_belongs_to_one_partner_only():
    onboard_partner("Netzwerk Nord", "/behoerden/", "ar")
    before = row_counts()
    with pytest.raises(CommandError, match="already belongs to Netzwerk Nord"):
        run("Anderer Verein", "--section", "/behoerden/")
    assert row_counts() == before


def test_onboarding_is_in_the_audit_log():
    from wagtail.models import ModelLogEntry, PageLogEntry

    result = onboard_partner("Netzwerk Nord", "/behoerden/", "ar")
    assert PageLogEntry.objects.filter(page=result.organisation.section,
                                       action="cms.partner_onboarded").exists()
    assert ModelLogEntry.objects.filter(action="cms.partner_permissions",
                                        object_id=str(result.editors.pk)).exists()
