"""Certificates: issued once when a module is completed through the real views, a PDF whose
extracted text carries the name, the German title and the code (German and Arabic, drawn
with the shipped fonts), a public verification page that shows name, module and date only,
revocation, withdrawal, and a download for the certificate's own learner only."""

import io
import re
import unicodedata
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission
from pypdf import PdfReader

from learning.awarding import issue_pending
from learning.certificates import erase_certificates, export_certificates
from learning.models import Certificate, Enrolment, LessonPage
from learning.models.certificates import CODE_ALPHABET, normalise_code
from learning.tasks import issue_certificate

pytestmark = pytest.mark.django_db
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
ANSWERS = (("eigenanteil", ["0"]), ("plan", ["0", "1"]), ("nachweis", ["true"]),
           ("kurz", ["Sachbericht"]))
ARABIC_NAME = "أمينة حداد"
ARABIC_TITLE = "طلبنا الأول للتمويل"


@pytest.fixture
def complete(client, django_capture_on_commit_callbacks):
    """Complete the module through the views, in `language`, and run what follows the commit
    (the completion signal, the outbox, the Celery task, eager as in the embedded default)."""

    def complete(lessons, language="de", browser=client):
        with django_capture_on_commit_callbacks(execute=True):
            for question, values in ANSWERS:
                browser.post(f"/{language}/lernen/lektion/{lessons[0].translation_key}/antwort/",
                             {"question": question, "attempt": 1, "answer": values}, **ORIGIN)
            browser.post(f"/{language}/lernen/lektion/{lessons[1].translation_key}/erledigt/",
                         **ORIGIN)
        assert Enrolment.objects.filter(completed_at__isnull=False).exists()

    return complete


def make_user(django_user_model, username, first, last, **extra):
    user = django_user_model.objects.create_user(username, f"{username}@example.org",
                                                 "pw-long-123", first_name=first,
                                                 last_name=last)
    if hasattr(user, "full_name"):
        user.full_name = f"{first} {last}"
        user.save()
    return user


@pytest.fixture
def amina(client, django_user_model):
    user = make_user(django_user_model, "amina-login", "Amina", "Haddad")
    client.force_login(user)
    return user


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    return unicodedata.normalize("NFKC", reader.pages[0].extract_text())


def fonts_of(response, pattern) -> set[str]:
    """The fonts that draw the text matching `pattern` on the first page."""
    fonts = set()

    def visit(text, cm, tm, font, size):
        if font is not None and re.search(pattern, text):
            fonts.add(str(font["/BaseFont"]))

    PdfReader(io.BytesIO(response.content)).pages[0].extract_text(visitor_text=visit)
    return fonts


def test_completing_a_module_issues_one_certificate_and_running_again_changes_nothing(
        client, lessons, amina, complete):
    complete(lessons)
    certificate = Certificate.objects.get()
    assert certificate.learner.user == amina
    assert (certificate.name, certificate.module_title_de, certificate.language) == (
        "Amina Haddad", "Unser erster Förderantrag", "de")
    assert len(certificate.code) == 12 and set(certificate.code) <= set(CODE_ALPHABET)
    enrolment = Enrolment.objects.get()
    assert certificate.issued_at == enrolment.completed_at
    assert issue_certificate.delay(enrolment.pk, "de").get() == certificate.code
    assert issue_certificate.delay(enrolment.pk, "ar").get() == certificate.code
    assert issue_pending(certificate.learner) == 0
    assert Certificate.objects.count() == 1


def test_the_german_pdf_has_the_name_the_title_and_the_code(client, lessons, amina, complete):
    complete(lessons)
    certificate = Certificate.objects.get()
    response = client.get(f"/de/lernen/zertifikat/{certificate.grouped_code}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    text = pdf_text(response)
    for expected in ("Amina Haddad", "Unser erster Förderantrag", certificate.grouped_code,
                     f"http://testserver/de/lernen/zertifikat/{certificate.grouped_code}/"):
        assert expected in text
    assert "amina-login" not in text and "example.org" not in text
    # drawn with the fonts shipped in learning/fonts/, not whatever the machine has
    assert fonts_of(response, "Amina") and all("Certificate-Sans" in f
                                               for f in fonts_of(response, "Amina"))


def test_the_arabic_pdf_shapes_the_name_and_title_with_the_shipped_arabic_font(
        client, lessons, arabic_module, django_user_model, complete):
    user = make_user(django_user_model, "amina2", "أمينة", "حداد")
    client.force_login(user)
    arabic = list(LessonPage.objects.filter(locale__language_code="ar").order_by("path"))
    complete(arabic, language="ar")
    certificate = Certificate.objects.get()
    assert (certificate.language, certificate.module_title) == ("ar", ARABIC_TITLE)
    response = client.get(f"/ar/lernen/zertifikat/{certificate.grouped_code}/pdf/")
    text = pdf_text(response)
    assert ARABIC_NAME in text  # the right letters, in reading order
    assert ARABIC_TITLE in text
    assert "Unser erster Förderantrag" in text and certificate.grouped_code in text
    arabic_fonts = fonts_of(response, "[\u0600-\u06ff]")
    assert arabic_fonts and all("Certificate-Naskh" in font for font in arabic_fonts)


def test_the_verify_page_shows_name_module_and_date_and_nothing_else_personal(
        client, lessons, amina, complete):
    complete(lessons)
    certificate = Certificate.objects.get()
    client.logout()
    response = client.get(f"/en/lernen/zertifikat/{certificate.grouped_code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Amina Haddad" in html and "Unser erster Förderantrag" in html
    assert certificate.issued_at.strftime("%Y") in html
    assert "This certificate is valid." in html
    for private in ("amina-login", "example.org", "/pdf/"):
        assert private not in html
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "public" not in response.get("Cache-Control", "")


def test_the_verify_page_in_arabic_is_right_to_left_and_well_formed(
        client, lessons, arabic_module, amina, complete):
    complete(lessons)
    code = Certificate.objects.get().grouped_code
    html = client.get(f"/ar/lernen/zertifikat/{code}/").content.decode()
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    checker = TagBalance()
    checker.feed(html)
    assert checker.problems == [] and checker.counts["h1"] == 1
    assert 'for="certificate-code"' in html and 'id="certificate-code"' in html


def test_a_typed_code_is_normalised_and_leads_to_its_page(client, lessons, amina, complete):
    complete(lessons)
    certificate = Certificate.objects.get()
    typed = " ".join(certificate.code.lower()[i:i + 3] for i in range(0, 12, 3))
    response = client.get("/de/lernen/zertifikat/", {"code": f" {typed} "})
    assert response.status_code == 302
    assert response["Location"] == f"/de/lernen/zertifikat/{certificate.grouped_code}/"
    assert normalise_code(f"{certificate.grouped_code.lower()}") == certificate.code
    lower = client.get(f"/de/lernen/zertifikat/{certificate.code.lower()}/")
    assert lower["Location"] == f"/de/lernen/zertifikat/{certificate.grouped_code}/"
    assert client.get("/de/lernen/zertifikat/").status_code == 200


def test_an_unknown_code_is_a_404_that_says_so(client):
    response = client.get("/en/lernen/zertifikat/ABCD-EFGH-JKLM/")
    assert response.status_code == 404
    assert "There is no certificate with this code." in response.content.decode()
    assert client.get("/en/lernen/zertifikat/ABCD-EFGH-JKLM/pdf/").status_code == 404


def test_only_the_learner_downloads_the_pdf(client, lessons, amina, complete,
                                            django_user_model):
    complete(lessons)
    url = f"/de/lernen/zertifikat/{Certificate.objects.get().grouped_code}/pdf/"
    assert client.get(url).status_code == 200
    client.force_login(make_user(django_user_model, "other", "Olga", "Other"))
    refused = client.get(url)
    assert refused.status_code == 404 and b"%PDF" not in refused.content
    client.logout()
    assert client.get(url).status_code == 404


def test_staff_revoke_with_a_reason_and_the_page_says_revoked(client, lessons, amina, complete,
                                                              django_user_model):
    complete(lessons)
    certificate = Certificate.objects.get()
    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw-long-123")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    refused = client.get("/admin/certificates/")
    assert refused.status_code == 302  # no permission: Wagtail sends back to the dashboard
    client.post("/admin/certificates/", {"certificate": certificate.pk, "reason": "x"})
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    editor.user_permissions.add(Permission.objects.get(codename="revoke_certificate"))
    client.force_login(editor)
    listing = client.get("/admin/certificates/", {"q": certificate.code.lower()})
    assert listing.status_code == 200 and "Amina Haddad" in listing.content.decode()
    client.post("/admin/certificates/", {"certificate": certificate.pk, "reason": ""})
    certificate.refresh_from_db()
    assert certificate.revoked_at is None  # a reason is needed
    client.post("/admin/certificates/",
                {"certificate": certificate.pk, "reason": "Quiz answers were copied"})
    certificate.refresh_from_db()
    assert certificate.revoked_at and certificate.revoke_reason == "Quiz answers were copied"
    html = client.get(f"/en/lernen/zertifikat/{certificate.grouped_code}/").content.decode()
    assert "This certificate was revoked on" in html and "copied" not in html
    client.force_login(amina)
    assert client.get(f"/de/lernen/zertifikat/{certificate.grouped_code}/pdf/"
                      ).status_code == 404


def test_a_guest_is_asked_to_sign_up_and_gets_the_certificate_on_signing_in(
        client, lessons, complete, django_user_model, django_capture_on_commit_callbacks):
    complete(lessons)
    assert not Certificate.objects.exists()
    html = client.get("/en" + lessons[1].url[3:]).content.decode()
    assert "Sign up to get your certificate" in html
    user = make_user(django_user_model, "late", "Lena", "Late")
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(user)  # the guest's progress is taken over, then issued
    certificate = Certificate.objects.get()
    assert certificate.learner.user == user and certificate.name == "Lena Late"
    mine = client.get("/de/lernen/mein-lernen/").content.decode()
    assert f"/de/lernen/zertifikat/{certificate.grouped_code}/pdf/" in mine


def test_erasing_withdraws_the_certificate_and_keeps_no_name(client, lessons, amina, complete):
    complete(lessons)
    certificate = Certificate.objects.get()
    learner = certificate.learner
    exported = export_certificates(learner)
    assert exported == [{
        "code": certificate.grouped_code, "module_key": str(certificate.module_key),
        "name": "Amina Haddad", "module_title_de": "Unser erster Förderantrag",
        "module_title": "Unser erster Förderantrag", "language": "de",
        "issued_at": certificate.issued_at.isoformat(), "revoked_at": None,
        "revoke_reason": "",
        "verification_url": f"http://testserver/de/lernen/zertifikat/{certificate.grouped_code}/",
    }]
    assert erase_certificates(learner) == 1
    certificate.refresh_from_db()
    assert (certificate.name, certificate.learner) == ("", None)
    assert export_certificates(learner) == []
    html = client.get(f"/en/lernen/zertifikat/{certificate.grouped_code}/").content.decode()
    assert "This certificate was withdrawn on" in html and "Amina" not in html


class TagBalance(HTMLParser):
    """A basic well-formedness check: every opened element (except void ones) is closed in
    order, and ids are unique."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack, self.problems, self.ids, self.counts = [], [], set(), {}

    def handle_starttag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1
        for name, value in attrs:
            if name == "id":
                if value in self.ids:
                    self.problems.append(f"duplicate id {value}")
                self.ids.add(value)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
