"""Builds tests/fixtures/upgrade-b5561b2.sqlite3.xz: a database as the code of commit b5561b2
(before funding and partners became apps of their own) left it. test_upgrade.py migrates a
copy with today's code and checks that nothing was lost.

Runs with the OLD code, not with this checkout's (it imports modules that have moved since):

    git -C /work/wt-moves archive b5561b2 | tar -x -C /tmp/old-main
    cd /tmp/old-main
    export DJANGO_SETTINGS_MODULE=cms.settings.dev DATABASE_URL=sqlite:////tmp/upgrade.sqlite3 \
        MEDIA_ROOT=/tmp/upgrade-media PYTHONPATH=/tmp/old-main
    python manage.py migrate --no-input
    python /work/wt-moves/tests/deploy/make_upgrade_fixture.py /tmp/upgrade.sqlite3 \
        /work/wt-moves/tests/fixtures/upgrade-b5561b2.sqlite3.xz

What is in it: the fixture site of tests/fixtures/content, plus an English translation of the
funding topic and programme (so the programme has a wagtail-localize source and translation,
and none in Arabic: /ar/ shows the German page), the search index as `search_reindex` builds
it, a group with the model permissions of the funding programme, an onboarded partner (log
entries, groups, workflow), a review of a partner's guide in progress, and two tasks waiting
in the outbox: the review mail (`cms.tasks.send_review_request`) and an index update of the
programme (`search.tasks.index_object` with `["cms", "fundingprogrammepage", id]`).
"""

import lzma
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

import django

TOPIC_EN = """---
type: topic
slug: foerdermittel
locale: en
translation_of: foerdermittel
title: Funding
summary: Money for your projects.
---
"""
PROGRAMME_EN = """---
type: funding
slug: test-foerderung
locale: en
translation_of: test-foerderung
title: Test integration fund
summary: Grants for small projects.
---
The fund supports projects that bring people together.

:::steps Apply
### Form
Fill in the form.
:::
"""


def build(content: Path) -> None:
    from cms.partners.onboarding import onboard_partner
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from wagtail.models import Locale, Page, TaskState

    from cms.importer import import_path
    from cms.models import FundingProgrammePage, GuidePage
    from cms.outbox.models import PendingTask
    from tests.factories import UserFactory

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "content"
        shutil.copytree(content, site)
        (site / "topics" / "foerdermittel.en.md").write_text(TOPIC_EN, encoding="utf-8")
        (site / "funding" / "test-foerderung.en.md").write_text(PROGRAMME_EN, encoding="utf-8")
        report = import_path(site)
        assert report.ok, [(r.path, r.message) for r in report.failed]
    call_command("search_reindex", "--no-progress")
    call_command("rebuild_references_index", verbosity=0)

    funding_type = ContentType.objects.get(app_label="cms", model="fundingprogrammepage")
    group = Group.objects.create(name="Förderredaktion")
    group.permissions.add(*Permission.objects.filter(content_type=funding_type))

    partner = onboard_partner("Netzwerk Nord", "/behoerden/", "ar")
    editor = UserFactory(username="editor_nord", groups=[partner.editors.name])
    UserFactory(username="central", email="central@example.org", groups=["Zentrale Redaktion"])
    guide = GuidePage.objects.get(slug="zweiter-leitfaden", locale=Locale.get_default())
    guide.title = "Zweiter Leitfaden (überarbeitet)"
    revision = guide.save_revision(user=editor)
    workflow = guide.get_workflow()
    workflow.start(guide, editor)  # eager: the review mail goes out at once …
    state = TaskState.objects.get(workflow_state__object_id=str(guide.pk),
                                  status=TaskState.STATUS_IN_PROGRESS)
    assert state.revision_id == revision.pk
    # … so these two stand for tasks a broker outage left behind.
    PendingTask.objects.create(task="cms.tasks.send_review_request", args=[state.pk])
    programme = FundingProgrammePage.objects.get(slug="test-foerderung",
                                                 locale=Locale.get_default())
    PendingTask.objects.create(task="search.tasks.index_object",
                               args=["cms", "fundingprogrammepage", programme.pk])
    assert Page.objects.filter(content_type=funding_type).count() == 2


def main(database: str, target: str) -> None:
    django.setup()
    build(Path(__file__).resolve().parents[1] / "fixtures" / "content")
    from django.db import connection

    connection.close()
    with sqlite3.connect(database) as db:
        db.execute("VACUUM")
    with open(database, "rb") as source, lzma.open(target, "wb", preset=9) as packed:
        shutil.copyfileobj(source, packed)


if __name__ == "__main__":
    main(*sys.argv[1:3])
