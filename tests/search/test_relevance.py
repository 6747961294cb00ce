"""The relevance sets over the demo content: the figures must not fall below what the database
engine measured when each set was written (see README).

relevance.yaml is the team's own set, tuned against. relevance_heldout.yaml was written blind
(from the published pages only, see its header) and is **never used to tune**: its floors only
guard against a regression and are set well below what it measured. relevance_dev.yaml was
and relevance_dev2.yaml were written blind the same way but are used to tune (a stranger's
kinds of question)."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from cms.importer import import_path
from search import vocabulary
from search.relevance import evaluate, load

pytestmark = pytest.mark.django_db
SET = Path(__file__).parent / "relevance.yaml"
HELD_OUT = Path(__file__).parent / "relevance_heldout.yaml"
DEV = Path(__file__).parent / "relevance_dev.yaml"
DEV2 = Path(__file__).parent / "relevance_dev2.yaml"
# Measured on the demo content: SQLite MRR 0.951 / recall@5 0.987, PostgreSQL 0.973 / 0.987.
# 6 December 2026: 42 questions in seven languages about the guides only German has added
# (153 queries): SQLite 0.832 / 0.935, PostgreSQL 0.832 / 0.922; and 25 funding questions
# in six languages (178): SQLite 0.825 / 0.921, PostgreSQL 0.828 / 0.910; seven funding themes
# (185, with search migration 0006): SQLite 0.827 / 0.919, PostgreSQL 0.830 / 0.908; German
# titles by half their words (febf5fd): SQLite 0.912 / 0.951, PostgreSQL 0.905 / 0.951.
MRR_FLOOR = 0.87
RECALL_AT_5_FLOOR = 0.93
# Held out, measured on 6 December 2026: SQLite MRR 0.578 / recall@5 0.657, later 0.693 /
# 0.825 (PostgreSQL 0.721 / 0.832; the aim is 0.85 / 0.92). Misses are not looked at
# one by one, so nothing is tuned to them.
HELD_OUT_MRR_FLOOR = 0.62
HELD_OUT_RECALL_AT_5_FLOOR = 0.75
# Development set (febf5fd): SQLite 0.649 / 0.787, PostgreSQL 0.656 / 0.794.
# Second development set (written when the first had been tuned against), measured at
# cac7bcc: SQLite 0.608 / 0.781; with places' own programmes and money words beside a place
# 0.650 / 0.825.
DEV_FLOORS = {DEV: (0.60, 0.74), DEV2: (0.60, 0.78)}


def test_relevance_set_is_big_and_varied():
    cases = load(SET)
    assert len(cases) >= 60
    assert len({c.get("lang", "de") for c in cases}) >= 4
    assert {"typo", "inflection", "compound", "synonym", "funding", "question"} <= {
        c["kind"] for c in cases}


def test_held_out_set_is_big_varied_and_names_pages_that_exist():
    cases = load(HELD_OUT)
    assert len(cases) >= 120
    assert {c["lang"] for c in cases} == {"de", "en", "ar", "fa", "ru", "uk", "tr", "vi"}
    kinds = [c["kind"] for c in cases]
    assert all(kinds.count(kind) >= 12 for kind in set(kinds)), kinds
    assert "NEVER use it to tune" in HELD_OUT.read_text(encoding="utf-8")
    for path in DEV_FLOORS:
        dev = load(path)
        assert len(dev) >= 120 and {c["lang"] for c in dev} == {c["lang"] for c in cases}


def test_demo_content_relevance_above_the_floor(django_capture_on_commit_callbacks):
    """One test: importing the demo content takes a while."""
    # wagtail-localize publishes translations on commit; run those callbacks here.
    with django_capture_on_commit_callbacks(execute=True):
        report = import_path(Path(settings.BASE_DIR) / "content")
    assert report.ok, [(r.path, r.message) for r in report.failed]
    vocabulary.reset()
    result = evaluate(load(SET))
    misses = [(j.query, j.language, j.rank, j.top) for j in result.judged if j.rank != 1]
    assert result.mrr >= MRR_FLOOR, misses
    assert result.recall_at_5 >= RECALL_AT_5_FLOOR, misses

    held_out = evaluate(load(HELD_OUT))
    print(f"held-out: MRR {held_out.mrr:.3f}, recall@5 {held_out.recall_at_5:.3f}")
    assert held_out.mrr >= HELD_OUT_MRR_FLOOR  # the misses are not listed, on purpose
    assert held_out.recall_at_5 >= HELD_OUT_RECALL_AT_5_FLOOR

    for path, (mrr_floor, recall_floor) in DEV_FLOORS.items():
        dev = evaluate(load(path))
        dev_misses = [(j.query, j.language, j.rank, j.top) for j in dev.judged if j.rank != 1]
        assert dev.mrr >= mrr_floor, (path.name, dev_misses)
        assert dev.recall_at_5 >= recall_floor, (path.name, dev_misses)

    out = StringIO()
    call_command("search_relevance", str(SET), stdout=out)
    assert f"MRR: {result.mrr:.3f}" in out.getvalue()
    assert "recall@5" in out.getvalue()
    assert "kind question" in out.getvalue() and "language ar" in out.getvalue()


def test_command_reports_a_bad_file(tmp_path):
    from django.core.management.base import CommandError

    bad = tmp_path / "bad.yaml"
    bad.write_text("- {q: only a query}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="expected a list"):
        call_command("search_relevance", str(bad), stdout=StringIO())
