"""Following a finder search: the answers are checked (bad ones get a clear message), a new
programme that fits them is announced once, in the subscriber's language; programmes that do
not fit, or that were there before the follow, are not; deadline mails for the programmes
that fit."""

import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.html import escape

from cms.regions.tree import region_tree
from funding.alerts import sending
from funding.alerts.models import AlertSent, AlertSubscription
from funding.matching import answers_from_query

from .alerts_support import ORIGIN, confirmed_follow, link_in, publish
from .programmes import programme

pytestmark = pytest.mark.django_db

FOLLOW = "/{language}/foerderung/benachrichtigung/suche/"


def code(name):
    return region_tree().resolve(name).code


def follow_search(client, query, email="gast@example.org", language="de"):
    return client.post(FOLLOW.format(language=language), {"query": query, "email": email},
                       **ORIGIN)


def test_a_guest_follows_a_search_by_double_opt_in(client, mailoutbox,
                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer = follow_search(client, "region=Leipzig&legal_form=verein&utm=x")
    assert answer.status_code == 200
    subscription = AlertSubscription.objects.get()
    # kept as the finder writes it: the region as its code, unknown keys dropped
    assert subscription.search_query == f"legal_form=verein&region={code('leipzig')}"
    assert subscription.programme_key is None and not subscription.confirmed
    assert client.post(link_in(mailoutbox[0], "bestaetigen")).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed


@pytest.mark.parametrize("query", ["amount=-5", "region=Atlantis", "start=1900-01-01",
                                   "amount=99999999999"])
def test_a_search_that_cannot_be_read_gets_a_clear_message(client, query):
    answer = follow_search(client, query)
    assert answer.status_code == 400
    body = answer.content.decode()
    with translation.override("de"):
        _answers, errors = answers_from_query(QueryDict(query))
        [problem] = [str(message) for message in errors.values()]
    assert ('<p class="notice" role="alert">Dieser Suche können Sie nicht folgen: '
            f'{escape(problem)}') in body
    assert not AlertSubscription.objects.exists()


def test_a_search_without_answers_is_refused(client):
    answer = follow_search(client, "utm_source=x")
    assert answer.status_code == 400
    assert ("Bitte beantworten Sie zuerst mindestens eine Frage im Förder-Finder"
            in answer.content.decode())


def test_a_search_from_another_site_is_refused(client):
    answer = client.post(FOLLOW.format(language="de"), {"query": "legal_form=verein",
                                                        "email": "gast@example.org"},
                         HTTP_ORIGIN="https://evil.example")
    assert answer.status_code == 403


def saxony_search(**fields):
    return confirmed_follow(None, search_query=f"legal_form=verein&region={code('leipzig')}",
                            **fields)


def test_a_new_programme_that_fits_is_announced_once(mailoutbox,
                                                      django_capture_on_commit_callbacks):
    follow = saxony_search()
    far = timezone.localdate() + datetime.timedelta(days=60)
    with django_capture_on_commit_callbacks(execute=True):  # published: content_changed
        fitting = programme("saechsischer-fonds", code("sachsen"), deadline=far,
                            title="Sächsischer Integrationsfonds")
        programme("bremer-fonds", code("bremen"), deadline=far)  # elsewhere
        programme("nur-gmbh", code("sachsen"), eligible=("gemeinnuetzige-gmbh",), deadline=far)
    [mail] = mailoutbox
    assert mail.to == ["gast@example.org"]
    assert "Sächsischer Integrationsfonds" in mail.subject
    assert "List-Unsubscribe" in mail.extra_headers
    assert "/de/foerderung/" in mail.body  # the followed search
    with django_capture_on_commit_callbacks(execute=True):  # an edit, published again
        fitting.summary = "Neu formuliert."
        publish(fitting)
    assert len(mailoutbox) == 1
    assert list(follow.sent.values_list("kind", flat=True)) == [AlertSent.Kind.NEW]


def test_programmes_from_before_the_follow_are_no_news(mailoutbox,
                                                        django_capture_on_commit_callbacks):
    older = programme("alter-fonds", "bundesweit", deadline=None)
    saxony_search(confirmed_at=timezone.now() + datetime.timedelta(seconds=1),
                  email="spaet@example.org")
    assert sending.send_new_programme_alerts(older.translation_key) == 0
    assert mailoutbox == []


def test_an_unconfirmed_search_hears_nothing(mailoutbox, django_capture_on_commit_callbacks):
    AlertSubscription.objects.create(search_query="legal_form=verein", email="x@example.org",
                                     language="de")
    with django_capture_on_commit_callbacks(execute=True):
        programme("neu-bundesweit", "bundesweit")
    assert mailoutbox == []


def test_the_new_programme_mail_is_in_the_subscribers_language(
        mailoutbox, django_capture_on_commit_callbacks):
    saxony_search(language="uk", email="uk@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        programme("fonds-uk", "bundesweit", title="Bundesfonds")
    [mail] = mailoutbox
    assert "http://testserver/uk/" in mail.body
    with translation.override("uk"):
        assert f"{translation.gettext('Deadline')}: " in mail.body


def test_deadline_mails_for_the_programmes_a_search_fits(mailoutbox,
                                                        django_capture_on_commit_callbacks):
    today = timezone.localdate()
    saxony_search(confirmed_at=timezone.now() + datetime.timedelta(days=1))  # no "new" mail
    programme("frist-sachsen", code("sachsen"), deadline=today + datetime.timedelta(days=3))
    programme("frist-bremen", code("bremen"), deadline=today + datetime.timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.send_deadline_alerts(today=today) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.send_deadline_alerts(today=today) == 0
    [mail] = mailoutbox
    assert "Frist Sachsen" in mail.subject


def test_the_finder_result_offers_to_follow_its_search(client):
    page = client.get("/de/foerderung/finden/?legal_form=verein&region=sachsen")
    body = page.content.decode()
    query = f"legal_form=verein&amp;region={code('sachsen')}"
    assert 'action="/de/foerderung/benachrichtigung/suche/"' in body
    assert f'<input type="hidden" name="query" value="{query}">' in body
    assert follow_search(client, query.replace("&amp;", "&")).status_code == 200
    assert "benachrichtigung/suche" not in client.get("/de/foerderung/finden/").content.decode()
