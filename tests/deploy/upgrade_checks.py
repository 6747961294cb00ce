"""Reads an upgraded database with today's code and prints what test_upgrade.py checks, as JSON.

Run by test_upgrade.py in a subprocess (the test's own process has its test database):
    DATABASE_URL=sqlite:///… python -m tests.deploy.upgrade_checks
It writes to the database (a user, an outbox delivery): only ever run it on a copy.
"""

import json
import re

import django


def pages() -> dict:
    from wagtail.models import Page

    found = {}
    for page in Page.objects.select_related("content_type", "locale").order_by("path"):
        try:
            specific = page.specific
            kind = f"{specific._meta.app_label}.{type(specific).__name__}"
        except Exception as error:  # a content type without its model
            kind = repr(error)
        found[str(page.pk)] = {
            "type": f"{page.content_type.app_label}.{page.content_type.model}",
            "class": kind,
            "url_path": page.url_path, "locale": page.locale.language_code,
            "live": page.live, "translation_key": str(page.translation_key),
        }
    return found


def served(client) -> dict:
    """Status, heading and the language of a funding programme's article, of every live page
    in its own language, and of the programme under /ar/ (not translated: German fallback)."""
    from wagtail.models import Page

    answers = {}
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    for url in [*urls, "/ar/foerdermittel/test-foerderung/"]:
        response = client.get(url)
        body = response.content.decode()
        title = re.search(r"<h1>(.*?)</h1>", body, re.S)
        article = re.search(r'<article class="funding" lang="(\w+)"', body)
        answers[url] = {"status": response.status_code,
                        "h1": title.group(1).strip() if title else None,
                        "fallback_notice": "هذه الصفحة غير متوفرة بلغتك بعد" in body,
                        "funding_article": article.group(1) if article else None}
    return answers


def translations() -> list:
    from wagtail_localize.models import TranslationSource

    found = []
    for source in TranslationSource.objects.select_related("specific_content_type", "locale"):
        instance = source.get_source_instance()
        targets = {}
        for translation in source.translations.select_related("target_locale"):
            target = translation.get_target_instance()
            targets[translation.target_locale.language_code] = {
                "pk": target.pk, "class": type(target).__name__, "enabled": translation.enabled}
        found.append({
            "source": source.pk, "object_id": str(source.object_id),
            "content_type": f"{source.specific_content_type.app_label}."
                            f"{source.specific_content_type.model}",
            "instance": [type(instance).__name__, instance.pk],
            "schema_out_of_date": source.schema_out_of_date(), "targets": targets,
        })
    return found


def search() -> dict:
    from search import service
    from search.engines.base import SearchQuery

    found = {}
    for text in ("Testförderung", "Integrationsfonds", ""):
        results = service.search(SearchQuery(text=text, locale="de",
                                             filters={"type": ("funding",)},
                                             include_hidden=True))
        found[text] = [[hit.type, hit.slug, hit.object_id, hit.url] for hit in results.hits]
    english = service.search(SearchQuery(text="integration", locale="en",
                                         filters={"type": ("funding",)}, include_hidden=True))
    found["en:integration"] = [[h.type, h.slug, h.locale] for h in english.hits]
    return found


def permissions() -> dict:
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    from tests.factories import UserFactory

    funding = ContentType.objects.filter(model="fundingprogrammepage")
    group = Group.objects.get(name="Förderredaktion")
    member = UserFactory(username="foerderung", groups=[group.name])
    return {
        "content_types": [[ct.pk, ct.app_label, ct.model] for ct in funding],
        "group": sorted(f"{p.content_type.app_label}.{p.codename}"
                        for p in group.permissions.select_related("content_type")),
        "member_may_change": member.has_perm("funding.change_fundingprogrammepage"),
    }


def background_and_partners(client) -> dict:
    """The review mail queued under its old task name, the index update of the programme,
    the onboarded partner's history, and the programme in the admin."""
    from django.core import mail
    from django.utils import translation
    from wagtail.models import Locale

    from cms.models import Organisation
    from cms.outbox.dispatch import deliver
    from cms.outbox.models import PendingTask
    from funding.models import FundingProgrammePage
    from partners.history import history
    from tests.factories import UserFactory

    queued = {row.task: row.args for row in PendingTask.objects.all()}
    review = PendingTask.objects.get(task="cms.tasks.send_review_request")
    mail.outbox.clear()
    delivered = deliver(review.pk)
    partner = Organisation.objects.get(slug="netzwerk-nord", locale=Locale.get_default())
    with translation.override("en"):
        messages = sorted({str(entry.message) for entry in history(partner)})
    programme = FundingProgrammePage.objects.get(slug="test-foerderung",
                                                 locale=Locale.get_default())
    client.force_login(UserFactory(username="upgrade-admin", is_superuser=True))
    edit = client.get(f"/admin/pages/{programme.pk}/edit/")
    return {
        "queued": queued, "review_delivered": delivered,
        "review_mail_to": [m.to for m in mail.outbox],
        "partner_history": messages,
        "programme": {"regions": programme.region_codes, "eligible": programme.eligible_codes,
                      "latest_revision": type(
                          programme.get_latest_revision_as_object()).__name__},
        "admin_edit": edit.status_code,
    }


def main() -> None:
    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # mail.outbox; the database stays the one given

    client = Client(raise_request_exception=False)  # an error is a 500 here, as on the site
    facts = {}
    for name, check in (("pages", pages), ("served", lambda: served(client)),
                        ("translations", translations), ("search", search),
                        ("permissions", permissions),
                        ("background", lambda: background_and_partners(client))):
        try:
            facts[name] = check()
        except Exception as error:  # reported, so each test says what broke
            facts[name] = {"error": repr(error)}
    print(json.dumps(facts, ensure_ascii=False))


if __name__ == "__main__":
    main()
