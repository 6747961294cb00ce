"""The organisation snippet: saved, translated with wagtail-localize, edited in the admin."""

import pytest
from wagtail.models import Locale

from cms.models import Organisation, Region, SpokenLanguage, TopicPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    org = Organisation.objects.create(
        name="Beispielverein Brücke e. V.", slug="beispielverein-bruecke",
        kind="migrant-organisation", city="Leipzig",
        region=Region.objects.get(code="sachsen"), show_in_directory=True,
    )
    org.languages.set(SpokenLanguage.objects.filter(code__in=["ar", "fa"]))
    org.topics.set(TopicPage.objects.filter(locale__language_code="de", slug="foerdermittel"))
    org.save()
    return org


def test_translation_keeps_contact_data_and_languages(organisation):
    arabic = organisation.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.save()
    arabic = Organisation.objects.get(pk=arabic.pk)
    assert arabic.translation_key == organisation.translation_key
    assert arabic.city == "Leipzig"
    assert sorted(lang.code for lang in arabic.languages.all()) == ["ar", "fa"]
    assert arabic.source == organisation


def test_superuser_edits_organisation_in_the_admin(client, organisation):
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(f"/admin/snippets/cms/organisation/edit/{organisation.pk}/")
    assert response.status_code == 200
    assert "Beispielverein Brücke" in response.content.decode()
    listing = client.get("/admin/snippets/cms/organisation/?region=" + str(organisation.region_id))
    assert listing.status_code == 200 and "Beispielverein Brücke" in listing.content.decode()
