"""A signed-in learner's lesson page is personal, so it never comes from a cache: its queries
are what every such page view costs (issue: at most 15)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .test_lesson_flow import answer

pytestmark = pytest.mark.django_db
MAX_QUERIES = 15


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_a_signed_in_learners_lesson_page_stays_within_its_query_budget(
        client, django_user_model, lessons, arabic_module, lang, render_memo):
    user = django_user_model.objects.create_user("learner", "l@example.org", "pw-long-123")
    client.force_login(user)
    answer(client, lessons[0], "eigenanteil", "1")
    answer(client, lessons[0], "plan", "0")
    url = lessons[0].url.replace("/de/", f"/{lang}/")
    client.get(url)  # warm-up: locales, templates, and the render memo (as in production)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "Nein, der Fördergeber verlangt keine Gebühr." in response.content.decode() \
        or lang == "ar"
    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert len(queries) <= MAX_QUERIES, "\n".join(q["sql"][:150] for q in queries)
