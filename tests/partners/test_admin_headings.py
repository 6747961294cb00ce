"""The partners' admin views say what they are in the visible header (it read "Home", the
title was for screen readers only), and the history names its section by title and public
address, not by Wagtail's internal path."""

import re

import pytest
from django.urls import reverse

from cms.models import Organisation, TopicPage

pytestmark = pytest.mark.django_db


def visible_breadcrumbs(html: str) -> list[str]:
    nav = html[html.index("w-breadcrumbs"):]
    nav = nav[:nav.index("</nav>")] if "</nav>" in nav else nav[:3000]
    return [t for t in (s.strip() for s in re.sub(r"<[^>]+>", "\n", nav).splitlines()) if t]


def test_onboarding_is_headed_by_its_name(admin_client, guide):
    html = admin_client.get(reverse("partner_onboard")).content.decode()
    assert visible_breadcrumbs(html)[-1] == "Partner aufnehmen"


def test_history_names_the_section_and_links_it(admin_client, guide):
    section = TopicPage.objects.get(slug="verein-gruenden", locale__language_code="de")
    org = Organisation.objects.create(name="Brücke e. V.", slug="bruecke-e-v",
                                      locale=section.locale, section=section)
    html = admin_client.get(reverse("partner_history", args=[org.pk])).content.decode()
    assert visible_breadcrumbs(html)[-1] == "Verlauf von Brücke e. V."
    assert f"„{section.title}“" in html
    assert f'href="{section.url}"' in html
    assert section.url_path not in html
