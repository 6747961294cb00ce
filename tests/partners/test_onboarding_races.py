"""Onboarding under concurrency and overlapping sections.

The concurrency tests start real threads, each with its own database connection, released by
one barrier so that they really run at the same time; they need PostgreSQL (SQLite lets one
transaction write at a time, so there is no race to lose there). They commit, so they run
with `transactional_db`; `committed_site` puts the fixture site back afterwards for the tests
that follow (pytest-django's flush would otherwise leave an empty database).
"""

import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, connections
from django.db.models.signals import post_save
from django.utils import translation
from wagtail.models import Collection, GroupPagePermission, Locale, Page

from cms.models import GuidePage, Organisation, TopicPage
from partners import onboarding
from partners.onboarding import OnboardingError, onboard_partner

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrency needs PostgreSQL (DATABASE_URL=postgres://…): SQLite runs one "
           "writing transaction at a time, so concurrent onboardings cannot race there")


def snapshot() -> str:
    """Every row, as Django's serialized rollback takes it, but content types first: restoring
    a row can look one up (and so create it) before its turn would come."""
    from django.apps import apps
    from django.core import serializers

    def rows():
        configs = sorted(apps.get_app_configs(), key=lambda c: c.label != "contenttypes")
        for config in configs:
            for model in config.get_models():
                if model._meta.managed and not model._meta.proxy:
                    yield from model._base_manager.order_by(model._meta.pk.name).iterator()

    return serializers.serialize("json", rows())


@pytest.fixture
def committed_site(django_db_setup, django_db_blocker):
    """Requested before `transactional_db`, so it is torn down after that fixture's flush:
    the database as the session left it is written back."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    with django_db_blocker.unblock():
        saved = snapshot()
    yield
    with django_db_blocker.unblock():
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True,
                     reset_sequences=False)  # restored ids stay below the next ones
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # kept by triggers, not a model: not flushed
                cursor.execute("DELETE FROM search_entry_by_language")
        connection.creation.deserialize_db_from_string(saved)
        ContentType.objects.clear_cache()
        cache.clear()


def run_at_once(calls):
    """Run each call in its own thread and connection, all released together. Returns one
    ("ok", result) / ("refused", message) / ("crashed", repr) per call, in order."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def work(index, call):
        try:
            with translation.override("en"):
                barrier.wait(timeout=60)
                outcomes[index] = ("ok", call())
        except OnboardingError as error:
            outcomes[index] = ("refused", str(error))
        except Exception as error:  # noqa: BLE001 - any other exception is what we look for
            outcomes[index] = ("crashed", repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads), "an onboarding never finished"
    return outcomes


def german(model, slug):
    return model.objects.get(slug=slug, locale__language_code="de")


@needs_postgres
def test_ten_partners_at_once_for_one_section_give_it_one_owner(committed_site,
                                                                 transactional_db):
    names = [f"Verein Nummer {n}" for n in range(10)]
    outcomes = run_at_once([
        lambda name=name: onboard_partner(name, "/verein-gruenden/", "ar") for name in names])

    kinds = [kind for kind, _detail in outcomes]
    assert kinds.count("crashed") == 0, outcomes
    assert kinds.count("ok") == 1
    assert kinds.count("refused") == 9
    section = german(TopicPage, "verein-gruenden")
    owner = Organisation.objects.get(section=section, locale__language_code="de")
    for kind, detail in outcomes:
        if kind == "refused":
            assert detail == f"The section /verein-gruenden/ already belongs to {owner.name}."
    # The nine refused left nothing behind: no organisation, group or collection.
    assert Organisation.objects.filter(name__startswith="Verein Nummer").count() == 1
    losers = [name for name in names if name != owner.name]
    assert not Collection.objects.filter(name__in=losers).exists()
    assert not GroupPagePermission.objects.filter(group__name__startswith=tuple(losers)[0]) \
        .exists()
    assert sorted(GroupPagePermission.objects.filter(page=section)
                  .values_list("group__name", flat=True).distinct()) == [
        f"{owner.name} – Redaktion"]


@needs_postgres
def test_fifty_runs_with_one_name_make_one_organisation(committed_site, transactional_db):
    name = "Brücke Leipzig e. V."
    outcomes = run_at_once([
        lambda: onboard_partner(name, "/verein-gruenden/", "ar,fa") for _run in range(50)])

    assert [kind for kind, _detail in outcomes] == ["ok"] * 50, [
        o for o in outcomes if o[0] != "ok"]
    assert sum(result.changed for _kind, result in outcomes) == 1  # the others changed nothing
    organisation = Organisation.objects.get(name=name)
    assert organisation.section.pk == german(TopicPage, "verein-gruenden").pk
    assert Collection.objects.filter(name=name).count() == 1
    assert Collection.objects.filter(name=f"{name} – intern").count() == 1
    assert Organisation.objects.filter(slug=organisation.slug).count() == 1
    arabic = Locale.objects.get(language_code="ar")
    farsi = Locale.objects.get(language_code="fa")
    section = organisation.section
    assert Page.objects.filter(translation_key=section.translation_key,
                               locale__in=[arabic, farsi]).count() == 2


@needs_postgres
def test_an_outer_and_an_inner_section_at_once_only_one_wins(committed_site, transactional_db):
    inner = "/verein-gruenden/test-guide/"
    outcomes = run_at_once(
        [lambda: onboard_partner("Außen e. V.", "/verein-gruenden/", "")] * 5
        + [lambda: onboard_partner("Innen e. V.", inner, "")] * 5)

    kinds = [kind for kind, _detail in outcomes]
    assert "crashed" not in kinds, outcomes
    owners = set(Organisation.objects.filter(name__in=["Außen e. V.", "Innen e. V."])
                 .values_list("name", flat=True))
    assert len(owners) == 1
    assert kinds.count("refused") == 5


# --- Overlapping sections and clear errors (every database) ---------------------------------
@pytest.mark.django_db
def test_a_section_inside_another_partners_section_is_refused():
    outer = onboard_partner("Netzwerk Nord", "/verein-gruenden/", "ar")
    inner = onboarding.section_path_of(german(GuidePage, "test-guide"))
    assert inner == "/verein-gruenden/test-guide/"
    before = (Organisation.objects.count(), Collection.objects.count())
    with translation.override("en"), pytest.raises(OnboardingError) as refused:
        onboard_partner("Kleiner Verein", inner, "")
    assert str(refused.value) == (
        "The section /verein-gruenden/test-guide/ lies inside /verein-gruenden/, the section "
        "of Netzwerk Nord. Sections of different organisations must not overlap.")
    assert (Organisation.objects.count(), Collection.objects.count()) == before
    assert outer.organisation.section.pk == german(TopicPage, "verein-gruenden").pk


@pytest.mark.django_db
def test_a_section_around_another_partners_section_is_refused():
    onboard_partner("Kleiner Verein", "/verein-gruenden/test-guide/", "")
    with translation.override("en"), pytest.raises(OnboardingError) as refused:
        onboard_partner("Netzwerk Nord", "/verein-gruenden/", "ar")
    assert str(refused.value) == (
        "The section /verein-gruenden/ contains /verein-gruenden/test-guide/, the section of "
        "Kleiner Verein. Sections of different organisations must not overlap.")
    assert not Organisation.objects.filter(name="Netzwerk Nord").exists()


@pytest.mark.django_db
def test_neighbouring_sections_and_a_second_run_are_fine_a_nested_one_is_not():
    onboard_partner("Kleiner Verein", "/verein-gruenden/test-guide/", "")
    assert onboard_partner("Netzwerk Nord", "/behoerden/", "ar").changed
    assert not onboard_partner("Kleiner Verein", "/verein-gruenden/test-guide/", "").changed
    with pytest.raises(OnboardingError, match="Kleiner Verein"):
        onboard_partner("Großer Verband", "/verein-gruenden/", "")


@pytest.mark.django_db
def test_the_command_names_the_overlapping_organisation():
    onboard_partner("Netzwerk Nord", "/verein-gruenden/", "ar")
    with pytest.raises(CommandError, match="lies inside /verein-gruenden/, the section of "
                                           "Netzwerk Nord"):
        call_command("onboard_partner", "Kleiner Verein", "--section",
                     "/verein-gruenden/test-guide/", stdout=StringIO())


@pytest.mark.django_db
def test_the_admin_view_names_the_overlapping_organisation(client):
    from tests.factories import UserFactory

    onboard_partner("Netzwerk Nord", "/verein-gruenden/test-guide/", "ar")
    client.force_login(UserFactory(is_superuser=True))
    response = client.post("/admin/partners/onboard/", {
        "name": "Großer Verband", "section": "/verein-gruenden/", "languages": ["uk"]},
        HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert ("The section /verein-gruenden/ contains /verein-gruenden/test-guide/, the "
            "section of Netzwerk Nord.") in response.content.decode()
    assert not Organisation.objects.filter(name="Großer Verband").exists()


@pytest.mark.django_db
def test_the_database_allows_one_owner_per_section():
    first = onboard_partner("Netzwerk Nord", "/behoerden/", "")
    german_locale = Locale.get_default()
    with pytest.raises(IntegrityError):
        Organisation.objects.create(name="Dritter", slug="dritter", locale=german_locale,
                                    kind="partner", section=first.organisation.section)


@pytest.mark.django_db
def test_a_constraint_failure_becomes_a_clear_error():
    """A write that bypassed onboarding's lock (the shell, an import) takes the section
    while onboarding runs: the constraint stops it and the person sees why."""
    section = german(TopicPage, "behoerden")

    def sneak_in(sender, instance, created, **kwargs):
        if created and instance.name == "Zweiter e. V.":
            Organisation.objects.create(name="Schneller", slug="schneller", kind="partner",
                                        locale=Locale.get_default(), section=section)

    post_save.connect(sneak_in, sender=Collection)
    try:
        with translation.override("en"), pytest.raises(OnboardingError) as refused:
            onboard_partner("Zweiter e. V.", "/behoerden/", "")
    finally:
        post_save.disconnect(sneak_in, sender=Collection)
    assert str(refused.value) == (
        "Zweiter e. V. could not be onboarded: the organisation or the section /behoerden/ "
        "was changed by someone else at the same moment. Nothing was saved; please check "
        "the organisations and try again.")
    assert not Organisation.objects.filter(name__in=["Zweiter e. V.", "Schneller"]).exists()
    assert not Collection.objects.filter(name="Zweiter e. V.").exists()
