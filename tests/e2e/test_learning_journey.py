"""A learner's way through a module on a phone (chromium, 390 px), as the learning issue tells
it: signs up in Arabic, confirms the address by the link in the mail, signs in, starts the
module, answers the first question wrongly (the explanation shows) and the rest rightly,
switches to German and finds every answer kept, finishes the module, downloads the
certificate and opens its verification page. On the way, every page that only a signed-in
learner sees is checked with axe and the Nu checker, and screenshots are saved
(docs/screenshots/). The quiz also works by keyboard alone, without JavaScript, and on a
connection that drops.

The right answers come from the demo content's GIFT (tests/e2e/learning_steps.py), the
site's words from the same catalogues the server uses, so the test reads the page as a
learner of that language would."""

import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.learning_steps import (
    ServedPages,
    answer,
    assert_no_axe_violations,
    confirmation_link,
    lessons_of,
    module_title,
    plain,
    right_answer,
    switch_language,
    t,
    wrong_answer,
)
from tests.e2e.pages import LESSON_PATH
from tests.e2e.server import COORDINATOR
from tests.e2e.test_accessibility import focus_ring
from tests.e2e.test_html_validity import nu_errors
from tests.e2e.test_screenshots import SCREENSHOTS

MODULE = "erster-foerderantrag"  # four questions in its first lesson: one wrong still passes
MODULE_PATH = f"foerdermittel/{MODULE}/"
LESSONS = lessons_of(MODULE)
FULL_NAME = "ليلى حداد"
PASSWORD = "Wegweiser-Lernen-2026"


def lesson_url(language: str, position: int) -> str:
    return f"/{language}/{MODULE_PATH}{LESSONS[position - 1].slug}/"


def screenshot(target, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{PHONE['width']}.png"
    target.screenshot(path=path)
    assert path.stat().st_size > 5000


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(base_url=site.url, viewport=PHONE, device_scale_factor=1)
    yield context
    context.close()


def sign_up_and_confirm(page, site, address: str) -> None:
    ar = "ar"
    page.goto("/ar/konto/registrieren/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(ar, "Create an account"))
    page.get_by_label(t(ar, "Full name")).fill(FULL_NAME)
    page.get_by_label(t(ar, "E-mail address")).fill(address)
    page.get_by_label(t(ar, "Password"), exact=True).fill(PASSWORD)
    page.get_by_label(t(ar, "Password (again)")).fill(PASSWORD)
    page.get_by_role("button", name=t(ar, "Create account")).click()
    expect(page).to_have_url(re.compile(r"/ar/konto/bestaetigen/$"))
    assert_no_axe_violations(page)

    link = confirmation_link(site, address)
    assert "/ar/konto/bestaetigen/" in link, "the mail links to the language signed up in"
    page.goto(link)
    page.get_by_role("button", name=t(ar, "Confirm")).click()
    expect(page.locator(".account-link")).to_have_text(t(ar, "My account"))


def sign_out_and_in(page, address: str, served: ServedPages) -> None:
    ar = "ar"
    page.locator(".account-link").click()
    expect(page).to_have_url(re.compile(r"/ar/konto/profil/$"))
    expect(page.get_by_label(t(ar, "Full name"))).to_have_value(FULL_NAME)
    assert_no_axe_violations(page)
    served.keep(page, "profile-ar")
    page.get_by_role("button", name=t(ar, "Sign out")).click()
    page.locator(".account-link").click()  # now "Sign in"
    expect(page).to_have_url(re.compile(r"/ar/konto/anmelden/"))
    page.get_by_label(t(ar, "E-mail address")).fill(address)
    page.get_by_label(t(ar, "Password"), exact=True).fill(PASSWORD)
    page.locator("main").get_by_role("button", name=t(ar, "Sign in")).click()
    expect(page).to_have_url(re.compile(r"/ar/$"))
    expect(page.locator(".account-link")).to_have_text(t(ar, "My account"))


def pass_lesson(page, language: str, position: int) -> None:
    """Answer every question of the open lesson rightly (or mark a lesson without a quiz as
    done); the lesson then says it is done."""
    questions = LESSONS[position - 1].quiz(language)
    for question in questions:
        answer(page, language, question, right_answer(question))
    if not questions:
        page.get_by_role("button", name=t(language, "Mark this lesson as done")).click()
    expect(page.locator("#lesson-done .success").first).to_be_visible()


def test_learner_signs_up_in_arabic_and_earns_a_certificate(phone, site, tmp_path):
    page = phone.new_page()
    page.set_default_timeout(15_000)
    served = ServedPages(tmp_path)
    address = f"laila-{uuid.uuid4().hex[:8]}@example.org"
    sign_up_and_confirm(page, site, address)
    sign_out_and_in(page, address, served)

    # The module, then its first lesson (with a quiz) in Arabic.
    page.goto(f"/ar/{MODULE_PATH}")
    page.get_by_role("button", name=t("ar", "Start the module")).click()
    expect(page).to_have_url(re.compile(re.escape(lesson_url("ar", 1)) + "$"))
    first, *rest = LESSONS[0].quiz("ar")
    assert LESSONS[0].quiz("de"), "the first lesson has a quiz"

    # A wrong answer first: the verdict, the chosen option's feedback and the explanation.
    wrong = wrong_answer(first)
    answer(page, "ar", first, wrong)
    feedback = page.locator(f"#q-{first.id} .answer-feedback")
    expect(feedback).to_have_class(re.compile(r"\bwrong\b"))
    expect(feedback.locator(".verdict")).to_have_text(t("ar", "Not right."))
    shown = plain(feedback.inner_text())
    assert plain(first.answers[int(wrong[0])].feedback) in shown
    assert plain(first.explanation) in shown
    for question in rest:
        answer(page, "ar", question, right_answer(question))
    done = page.locator("#lesson-done .success").first
    expect(done).to_be_visible()  # three of four right: 75 %, the module asks 70 %
    assert "75" in done.inner_text()
    assert_no_axe_violations(page)
    served.keep(page, "lesson-answered-ar")
    screenshot(page.locator("#quiz"), "lesson-feedback-ar")

    # German, by the language switcher: every answer is kept and shown as answered.
    switch_language(page, "Deutsch")
    expect(page).to_have_url(re.compile(re.escape(lesson_url("de", 1)) + "$"))
    for question in LESSONS[0].quiz("de"):
        form = page.locator(f"#q-{question.id}")
        expect(form).to_have_class(re.compile(r"\banswered\b"))
        expect(form.locator("input[name=answer]").first).to_be_disabled()
        expect(form.locator(".answer-feedback")).to_be_visible()
    expect(page.locator(f"#q-{first.id} .verdict")).to_have_text(t("de", "Not right."))
    expect(page.locator(f"#q-{first.id} #a-{first.id}-{wrong[0]}")).to_be_checked()
    expect(page.locator("#lesson-done .success").first).to_be_visible()
    assert_no_axe_violations(page)
    served.keep(page, "lesson-answered-de")
    screenshot(page.locator("#quiz"), "lesson-feedback-de")

    # The rest of the module: the next lesson in German, the last one in Arabic again.
    page.locator(".step-nav a[rel=next]").click()
    expect(page).to_have_url(re.compile(re.escape(lesson_url("de", 2)) + "$"))
    pass_lesson(page, "de", 2)
    page.locator(".step-nav a[rel=next]").click()
    switch_language(page, "العربية")
    expect(page).to_have_url(re.compile(re.escape(lesson_url("ar", 3)) + "$"))
    pass_lesson(page, "ar", 3)
    result = page.locator("#lesson-done")
    expect(result).to_contain_text(t("ar", "You have completed the whole module."))

    # The certificate: a PDF for its learner.
    with page.expect_download() as download:
        result.get_by_role("link", name=t("ar", "Download your certificate (PDF)")).click()
    pdf = download.value
    assert pdf.suggested_filename.endswith(".pdf")
    assert Path(pdf.path()).read_bytes()[:5] == b"%PDF-"

    # Its public verification page: the name and the module.
    result.get_by_role("link", name=t("ar", "Its verification page")).click()
    expect(page).to_have_url(re.compile(r"/ar/lernen/zertifikat/[A-Z0-9-]+/$"))
    main = page.locator("main")
    expect(main.locator(".success")).to_have_text(t("ar", "This certificate is valid."))
    expect(main.locator("dd").first).to_have_text(FULL_NAME)
    expect(main).to_contain_text(module_title(MODULE, "de"))
    expect(main).to_contain_text(module_title(MODULE, "ar"))
    assert_no_axe_violations(page)
    served.keep(page, "certificate-ar")
    page.screenshot(path=SCREENSHOTS / f"certificate-ar-{PHONE['width']}.png", full_page=True)

    # The module page and "Mein Lernen" now show the module completed.
    page.goto(f"/ar/{MODULE_PATH}")
    expect(page.locator(".my-progress")).to_contain_text(
        t("ar", "You have completed this module."))
    assert_no_axe_violations(page)
    served.keep(page, "module-completed-ar")
    page.screenshot(path=SCREENSHOTS / f"module-completed-ar-{PHONE['width']}.png",
                    full_page=True)
    page.goto("/ar/lernen/mein-lernen/")
    expect(page.locator(".card")).to_contain_text(t("ar", "Completed"))
    assert_no_axe_violations(page)
    served.keep(page, "my-learning-ar")

    errors = nu_errors(served.files)
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_coordinator_pages_pass_axe_and_nu(phone, language, tmp_path):
    """The profile with an organisation and the members page, signed in."""
    page = phone.new_page()
    served = ServedPages(tmp_path)
    email, password = COORDINATOR
    page.goto(f"/{language}/konto/anmelden/")
    page.get_by_label(t(language, "E-mail address")).fill(email)
    page.get_by_label(t(language, "Password"), exact=True).fill(password)
    page.locator("main").get_by_role("button", name=t(language, "Sign in")).click()
    expect(page.locator(".account-link")).to_have_attribute("href", re.compile("/profil/"))
    page.goto(f"/{language}/konto/profil/")  # signing in leads to the preferred language
    assert_no_axe_violations(page)
    served.keep(page, f"profile-{language}")
    page.locator("main").get_by_role("link", name=t(language, "Members")).click()
    expect(page).to_have_url(re.compile(rf"/{language}/konto/organisationen/\d+/mitglieder/$"))
    assert_no_axe_violations(page)
    served.keep(page, f"members-{language}")
    errors = nu_errors(served.files)
    assert not errors, "\n".join(errors)


def tab_to(page, selector: str, limit: int = 200) -> dict:
    """Press Tab until the element is focused; returns its focus ring."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            ring = focus_ring(page)
            assert ring["visible"], f"no visible focus on {selector}"
            return ring
    raise AssertionError(f"Tab never reached {selector}")


def test_quiz_by_keyboard_alone(phone):
    """Tab to the options, arrows in a radio group, Space on checkboxes, Enter and Space on
    the button; the focus shows at every step."""
    page = phone.new_page()
    page.goto(f"/de/{LESSON_PATH}")
    lesson = next(lesson for lesson in lessons_of("oeffentlichkeitsarbeit")
                  if LESSON_PATH.endswith(f"/{lesson.slug}/"))
    single, multiple = lesson.quiz("de")[:2]

    tab_to(page, f"#a-{single.id}-0")
    for _ in range(int(right_answer(single)[0])):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    expect(page.locator(f"#a-{single.id}-{right_answer(single)[0]}")).to_be_checked()
    tab_to(page, f"#q-{single.id} button")
    page.keyboard.press("Enter")
    expect(page.locator(f"#q-{single.id} .verdict")).to_have_text(t("de", "Right."))

    right = right_answer(multiple)
    for position in range(len(multiple.answers)):
        tab_to(page, f"#a-{multiple.id}-{position}")
        if str(position) in right:
            page.keyboard.press("Space")
    tab_to(page, f"#q-{multiple.id} button")
    page.keyboard.press("Space")
    expect(page.locator(f"#q-{multiple.id} .verdict")).to_have_text(t("de", "Right."))


@pytest.mark.parametrize("language", ["de", "ar"])
def test_quiz_without_javascript(browser, site, language):
    context = browser.new_context(base_url=site.url, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/{language}/{LESSON_PATH}")
    form = page.locator("form.question").first
    form.locator("input[type=radio]").first.check()
    form.get_by_role("button", name=t(language, "Check answer")).click()
    expect(page).to_have_url(re.compile(rf"/{language}/{LESSON_PATH}#q-[\w-]+$"))
    feedback = page.locator("form.question").first.get_by_role("status")
    expect(feedback).to_be_visible()
    expect(feedback.locator(".verdict")).not_to_be_empty()
    context.close()


def test_answer_on_a_failing_connection_is_kept_and_sent(phone):
    page = phone.new_page()
    page.goto(f"/de/{LESSON_PATH}")
    form = page.locator("form.question").first
    form.locator("input[type=radio]").first.check()
    phone.set_offline(True)
    form.get_by_role("button", name=t("de", "Check answer")).click()
    note = form.locator("[data-offline]")
    expect(note).to_be_visible()
    expect(note).to_have_text(t("de", "No connection. Your answer is kept in this browser "
                                      "and sent as soon as you are online again."))
    phone.set_offline(False)
    # Back online: the kept answer is sent and the page shows the feedback.
    expect(page.locator("form.question").first.locator(".answer-feedback")).to_be_visible()
    assert page.evaluate("localStorage.getItem('wegweiser-pending-answers')") == "[]"
