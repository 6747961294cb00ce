"""Events in a real browser, as the events issue tells it.

A guest registers for the demo workshop with name and e-mail, confirms by the link in the
mail the server sent, and later cancels by the signed link in the next mail; the free seats
on the event page follow (also for a reader without a session, who may get the page from
the cache). A reused or forged link gets a clear message and changes nothing. axe checks
the link pages as they ask, answer and refuse, the Nu checker the asking ones.

On a phone (390 px), a coordinator of the organising organisation opens the attendance list
of today's event from its page, ticks who came, saves, finds the ticks kept, and downloads
the list as CSV; nothing is wider than the screen. axe and the Nu checker see the attendance
list in test_accessibility.py and test_html_validity.py."""

import csv
import io
import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.event_steps import (
    free_seats,
    mailed_link,
    open_attendance,
    sideways_overflow,
    sign_in_as_coordinator,
)
from tests.e2e.learning_steps import ServedPages, assert_no_axe_violations, t
from tests.e2e.pages import EVENT_PATH
from tests.e2e.prepare_site import ATTENDEES
from tests.e2e.test_html_validity import nu_errors
from tests.e2e.test_screenshots import SCREENSHOTS

DE = "de"


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(base_url=site.url, viewport=PHONE, device_scale_factor=1)
    yield context
    context.close()


def seats_for_a_stranger(browser, site) -> tuple[int, int]:
    """The free seats as a reader without a session sees them (the shareable copy)."""
    context = browser.new_context(base_url=site.url)
    page = context.new_page()
    page.goto(f"/{DE}/{EVENT_PATH}")
    seats = free_seats(page, DE)
    context.close()
    return seats


def test_guest_registers_confirms_by_mail_and_cancels_by_the_signed_link(page, browser, site,
                                                                        tmp_path):
    served = ServedPages(tmp_path)
    address = f"gast-{uuid.uuid4().hex[:8]}@example.org"
    page.goto(f"/{DE}/{EVENT_PATH}")
    free, capacity = free_seats(page, DE)
    assert free > 0

    form = page.locator("form.guest-registration")
    form.get_by_label(t(DE, "Your name")).fill("Amina Yousef")
    form.get_by_label(t(DE, "Your e-mail address")).fill(address)
    form.get_by_role("button", name=t(DE, "Register")).click()
    expect(page).to_have_url(re.compile(re.escape(EVENT_PATH) + "#registration$"))
    expect(page.locator("#registration [role=status]")).to_have_text(t(
        DE, "Almost done: please confirm your registration by the link we have sent to your "
            "e-mail address."))
    assert free_seats(page, DE) == (free, capacity), "unconfirmed, the guest holds no seat"

    # The link in the mail asks first (a mail scanner opening it changes nothing).
    confirm = mailed_link(site, address, "bestaetigen")
    assert f"/{DE}/veranstaltungen/bestaetigen/" in confirm
    page.goto(confirm)
    expect(page.get_by_role("button", name=t(DE, "Confirm my registration"))).to_be_visible()
    assert seats_for_a_stranger(browser, site) == (free, capacity)
    assert_no_axe_violations(page)
    served.keep(page, "confirm-ask-de")
    page.get_by_role("button", name=t(DE, "Confirm my registration")).click()
    expect(page.locator("main [role=status]")).to_have_text(
        t(DE, "Thank you. Your seat is confirmed."))
    assert_no_axe_violations(page)
    page.locator("main").get_by_role("link", name="Workshop: Förderantrag schreiben").click()
    assert free_seats(page, DE) == (free - 1, capacity)
    assert seats_for_a_stranger(browser, site) == (free - 1, capacity)

    # The same confirmation link again: a clear message, nothing changed.
    response = page.goto(confirm)
    assert response.status == 409
    expect(page.locator("main [role=alert]")).to_have_text(
        t(DE, "This link has already been used."))

    # Cancelling by the link in the "you are registered" mail, without signing in.
    cancel = mailed_link(site, address, "absagen")
    page.goto(cancel)
    served.keep(page, "cancel-ask-de")
    page.get_by_role("button", name=t(DE, "Cancel my registration")).click()
    expect(page.locator("main [role=status]")).to_have_text(
        t(DE, "Your registration is cancelled."))
    page.goto(f"/{DE}/{EVENT_PATH}")
    assert free_seats(page, DE) == (free, capacity), "the seat is free again"
    assert seats_for_a_stranger(browser, site) == (free, capacity)

    # The cancel link again, and a forged one: refused, each with its message.
    response = page.goto(cancel)
    assert response.status == 409
    expect(page.locator("main [role=alert]")).to_have_text(
        t(DE, "This link is no longer valid."))
    expect(page.locator("main").get_by_role("button")).to_have_count(0)
    assert_no_axe_violations(page)
    token = cancel.rstrip("/").rsplit("/", 1)[1]
    response = page.goto(cancel.replace(token, token[:-4] + "AAAA"))
    assert response.status == 400
    expect(page.locator("main [role=alert]")).to_have_text(t(
        DE, "This link is not valid. Please use the link from your latest e-mail."))
    errors = nu_errors(served.files)
    assert not errors, "\n".join(errors)



def test_organiser_takes_attendance_on_a_phone_and_downloads_the_csv(phone):
    page = phone.new_page()
    page.set_default_timeout(15_000)
    sign_in_as_coordinator(page, DE)
    open_attendance(page, DE)
    rows = page.locator("form.attendance li")
    expect(rows).to_have_count(len(ATTENDEES))
    for name in ATTENDEES:
        expect(page.locator("form.attendance")).to_contain_text(name)
    assert sideways_overflow(page) <= 0, "the attendance list is wider than 390 px"

    came = ATTENDEES[:2] + ["ليلى حداد"]
    for name in ATTENDEES:
        page.locator("form.attendance label").filter(has_text=name).locator(
            "input[type=checkbox]").set_checked(name in came)
    page.get_by_role("button", name=t(DE, "Save attendance")).click()
    expect(page.locator("main [role=status]")).to_have_text(
        t(DE, "Attendance saved: %(count)s present.") % {"count": len(came)})
    page.reload()
    for name in ATTENDEES:
        box = page.locator("form.attendance label").filter(has_text=name).locator("input")
        expect(box).to_be_checked(checked=name in came)
    assert sideways_overflow(page) <= 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"attendance-{DE}-{PHONE['width']}.png", full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name=t(DE, "Download as CSV")).click()
    csv_file = download.value
    assert re.fullmatch(r"anwesenheit-\d{4}-\d{2}-\d{2}\.csv", csv_file.suggested_filename)
    text = Path(csv_file.path()).read_text(encoding="utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(text)))
    assert header[0] == t(DE, "Name") and header[-1] == t(DE, "Present")
    present = {line[0]: line[-1] for line in lines}
    assert present == {name: t(DE, "yes") if name in came else t(DE, "no")
                       for name in ATTENDEES}
