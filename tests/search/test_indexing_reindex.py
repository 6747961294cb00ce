"""`manage.py search_reindex`: the database index always, Elasticsearch when configured."""

import io

import pytest
from django.core.management import CommandError, call_command

from cms.models import GuidePage
from tests.outages import closed_port

pytestmark = pytest.mark.django_db


def run(**options):
    out, err = io.StringIO(), io.StringIO()
    call_command("search_reindex", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_rebuilds_the_database_index_with_a_summary_and_progress(settings, guide):
    settings.SEARCH_ENGINE = "database"
    # A change Wagtail's own index did not see: the rebuild brings it in.
    GuidePage.objects.filter(pk=guide.pk).update(summary="Quittungsblockwort")
    out, err = run()
    assert "cms.GuidePage" in out and "Indexed" in out
    assert "database cms.GuidePage" in err and "100%" in err  # tqdm's bar
    found = GuidePage.objects.live().search("Quittungsblockwort")
    assert [page.pk for page in found] == [guide.pk]


def test_without_progress_bars(settings):
    settings.SEARCH_ENGINE = "database"
    _out, err = run(no_progress=True)
    assert "%" not in err


def test_an_unreachable_cluster_is_a_clear_error_after_the_database_rebuild(settings):
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(CommandError, match="Elasticsearch could not be rebuilt.*old indices "
                                           "are unchanged"):
        run(no_progress=True)
