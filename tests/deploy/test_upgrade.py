"""An installation of commit b5561b2 - before funding programmes and partners left cms for
apps of their own - upgrades with `migrate` alone, and loses nothing.

tests/fixtures/upgrade-b5561b2.sqlite3.xz is that release's database with the fixture site
in it (made with that release's code by make_upgrade_fixture.py, which says what else is in
it). A copy is migrated with today's code (`manage.py migrate` in a subprocess, as a deploy
runs it) and then read with today's code (upgrade_checks.py, another subprocess); what the
database held before is read from the copy with plain SQL first.
"""

import json
import lzma
import sqlite3
import subprocess
import sys

import pytest

from ._support import PROJECT_ROOT, clean_environment, run_manage

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "upgrade-b5561b2.sqlite3.xz"
PROGRAMME = "/de/foerdermittel/test-foerderung/"


def unpack(target):
    try:
        with lzma.open(FIXTURE) as packed, open(target, "wb") as database:
            database.write(packed.read())
        with sqlite3.connect(target) as db:
            db.execute("SELECT 1 FROM django_migrations").fetchone()
    except (OSError, lzma.LZMAError, EOFError, sqlite3.DatabaseError) as error:
        pytest.skip(f"the upgrade fixture {FIXTURE.name} cannot be read ({error}); rebuild it "
                    "with tests/deploy/make_upgrade_fixture.py")


def before_upgrade(path) -> dict:
    with sqlite3.connect(path) as db:
        pages = {str(pk): {"type": f"{app}.{model}", "url_path": url_path, "locale": locale,
                           "translation_key": key.replace("-", "")}
                 for pk, app, model, url_path, locale, key in db.execute("""
                     SELECT p.id, ct.app_label, ct.model, p.url_path, l.language_code,
                            p.translation_key
                     FROM wagtailcore_page p
                     JOIN django_content_type ct ON ct.id = p.content_type_id
                     JOIN wagtailcore_locale l ON l.id = p.locale_id""")}
        translations = {}
        for source, object_id, model, target in db.execute("""
                SELECT s.id, s.object_id, ct.model, l.language_code
                FROM wagtail_localize_translationsource s
                JOIN django_content_type ct ON ct.id = s.specific_content_type_id
                JOIN wagtail_localize_translation t ON t.source_id = s.id
                JOIN wagtailcore_locale l ON l.id = t.target_locale_id"""):
            entry = translations.setdefault(source, {"object_id": object_id.replace("-", ""),
                                                     "model": model, "targets": set()})
            entry["targets"].add(target)
        content_type = db.execute("SELECT id, app_label FROM django_content_type "
                                  "WHERE model = 'fundingprogrammepage'").fetchall()
        group = sorted(codename for (codename,) in db.execute("""
            SELECT p.codename FROM auth_group g
            JOIN auth_group_permissions gp ON gp.group_id = g.id
            JOIN auth_permission p ON p.id = gp.permission_id
            WHERE g.name = 'Förderredaktion'"""))
    return {"pages": pages, "translations": translations, "content_type": content_type,
            "group": group}


def part(after: dict, name: str):
    """One section of upgrade_checks.py's answer; it names the error that broke it."""
    value = after[name]
    assert not (isinstance(value, dict) and set(value) == {"error"}), value["error"]
    return value


@pytest.fixture(scope="module")
def upgrade(tmp_path_factory):
    path = tmp_path_factory.mktemp("upgrade") / "db.sqlite3"
    unpack(path)
    before = before_upgrade(path)
    env = clean_environment()
    env.update(DJANGO_SETTINGS_MODULE="wegweiser.settings.test", DATABASE_URL=f"sqlite:///{path}")
    migrated = run_manage("migrate", "--no-input", env=env, timeout=600)
    assert migrated.returncode == 0, migrated.stderr[-3000:]
    again = run_manage("migrate", "--no-input", env=env)
    checks = subprocess.run([sys.executable, "-m", "tests.deploy.upgrade_checks"],
                            cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    assert checks.returncode == 0, checks.stderr[-3000:]
    return before, json.loads(checks.stdout), migrated.stdout, again.stdout


def test_only_the_new_migrations_run(upgrade):
    _before, _after, migrated, again = upgrade
    applied = [line.split()[1].rstrip(".") for line in migrated.splitlines()
               if line.strip().startswith("Applying")]
    # Apps' migrations run in an order Django chooses; what matters is which ran. allauth's
    # own (account.*) come with the library, in whatever number its version has.
    assert "account.0001_initial" in applied
    ours = sorted(name for name in applied if not name.startswith("account."))
    assert ours == ["accounts.0003_learner_profile", "cms.0007_funding_programme_leaves_cms",
                    "cms.0008_topic_is_step_by_step", "cms.0009_regions_down_to_the_district",
                    "cms.0010_memberships", "events.0001_initial",
                    "events.0002_attendance_and_guest_retention",
                    "feedback.0001_counts_and_notes", "feedback.0002_report_permission",
                    "funding.0001_initial", "funding.0002_programme_page_details",
                    "funding.0003_alerts",
                    "learning.0001_initial",
                    "learning.0002_moduleguidelink", "learning.0003_certificate",
                    "legal.0001_initial", "search.0005_vocabulary",
                    "search.0006_vocabulary_funding_themes", "search.0007_everyday_vocabulary"]
    assert "No migrations to apply." in again


def test_every_page_keeps_its_id_and_type_and_is_specific(upgrade):
    before, after, *_ = upgrade
    moved = {"cms.fundingprogrammepage": "funding.fundingprogrammepage"}
    assert part(after, "pages").keys() == before["pages"].keys()
    for pk, page in before["pages"].items():
        now = part(after, "pages")[pk]
        assert now["type"] == moved.get(page["type"], page["type"]), pk
        assert now["class"].lower() == now["type"], pk  # .specific gives that class
        assert (now["url_path"], now["locale"], now["translation_key"].replace("-", "")) == (
            page["url_path"], page["locale"], page["translation_key"]), pk
    programmes = [pk for pk, page in part(after, "pages").items()
                  if page["class"] == "funding.FundingProgrammePage"]
    assert len(programmes) == 2  # German and English


def test_every_page_is_served_and_the_programme_in_every_language(upgrade):
    _before, after, *_ = upgrade
    served = part(after, "served")
    assert {url: answer["status"] for url, answer in served.items()
            if answer["status"] != 200} == {}
    assert served[PROGRAMME]["h1"] == "Testförderung Integration"
    assert served[PROGRAMME]["funding_article"] == "de"
    english = served["/en/foerdermittel/test-foerderung/"]
    assert (english["h1"], english["funding_article"]) == ("Test integration fund", "en")
    arabic = served["/ar/foerdermittel/test-foerderung/"]  # not translated: German fallback
    assert arabic["fallback_notice"] and arabic["funding_article"] == "de"
    assert arabic["h1"] == "Testförderung Integration"


def test_translations_stay_linked_to_their_sources(upgrade):
    before, after, *_ = upgrade
    now = {entry["source"]: entry for entry in part(after, "translations")}
    assert set(now) == set(before["translations"])
    for pk, source in before["translations"].items():
        entry = now[pk]
        assert entry["object_id"].replace("-", "") == source["object_id"]
        assert set(entry["targets"]) == source["targets"]
        assert entry["content_type"].endswith(f".{source['model']}")
        assert not entry["schema_out_of_date"], entry  # no "data model changed" warning
    programme = next(e for e in now.values() if e["instance"][0] == "FundingProgrammePage")
    assert programme["content_type"] == "funding.fundingprogrammepage"
    assert programme["targets"]["en"]["class"] == "FundingProgrammePage"


def test_the_search_index_still_finds_the_programme(upgrade):
    _before, after, *_ = upgrade
    pk = next(int(pk) for pk, page in part(after, "pages").items()
              if page["class"] == "funding.FundingProgrammePage" and page["locale"] == "de")
    hit = ["funding", "test-foerderung", pk, PROGRAMME]
    found = part(after, "search")
    for text in ("Testförderung", "Integrationsfonds", ""):
        assert found[text] == [hit], text
    assert found["en:integration"] == [["funding", "test-foerderung", "en"]]


def test_one_content_type_whose_permissions_groups_keep(upgrade):
    before, after, *_ = upgrade
    permissions = part(after, "permissions")
    assert [pk for pk, _label in before["content_type"]] == [
        pk for pk, _label, _model in permissions["content_types"]]
    assert permissions["content_types"][0][1:] == ["funding", "fundingprogrammepage"]
    assert before["group"] == [f"{kind}_fundingprogrammepage"
                               for kind in ("add", "change", "delete", "view")]
    assert permissions["group"] == [f"funding.{codename}" for codename in before["group"]]
    assert permissions["member_may_change"]


def test_queued_tasks_partners_and_the_editor_survive(upgrade):
    _before, after, *_ = upgrade
    background = part(after, "background")
    pk = background["queued"]["search.tasks.index_object"][2]
    assert background["queued"]["search.tasks.index_object"] == [
        "funding", "fundingprogrammepage", pk]
    assert background["review_delivered"]
    assert background["review_mail_to"] == [["central@example.org"]]
    assert {"Partner onboarded", "Partner permissions set"} <= set(
        background["partner_history"])
    assert background["programme"] == {"regions": ["berlin", "bundesweit"],
                                       "eligible": ["initiative", "verein"],
                                       "latest_revision": "FundingProgrammePage"}
    assert background["admin_edit"] == 200
