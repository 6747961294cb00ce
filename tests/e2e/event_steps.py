"""What the event journeys need: the links in the mails the server sent, the free seats an
event page shows, and a coordinator of the organising organisation signed in at the
attendance list of today's event (tests/e2e/prepare_site.py)."""

import email
import email.policy
import re
import time

from playwright.sync_api import Page, expect

from tests.e2e.learning_steps import plain, t
from tests.e2e.pages import TODAY_EVENT_PATH
from tests.e2e.server import COORDINATOR

FREE_SEATS = "Free seats: %(free)s of %(capacity)s"


def mailed_link(site, address: str, action: str, timeout: float = 10) -> str:
    """The newest link of `action` (bestaetigen, absagen, platz) in a mail to `address`."""
    pattern = re.compile(rf"https?://\S+/veranstaltungen/{action}/[-:\w]+/")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for raw in reversed(site.mails()):
            message = email.message_from_string(raw, policy=email.policy.default)
            if address not in message.get("To", ""):
                continue
            for part in message.walk():
                found = part.get_content_type() == "text/plain" and pattern.search(
                    part.get_content())
                if found:
                    return found.group(0)
        time.sleep(0.2)
    raise AssertionError(f"no mail to {address} with a {action} link in {site.mail_dir}")


def free_seats(page: Page, language: str) -> tuple[int, int]:
    """(free, capacity) as the event page's registration section says it."""
    text = plain(page.locator("#registration .seats").inner_text())
    sentence = re.escape(t(language, FREE_SEATS)).replace(
        re.escape("%(free)s"), r"(\d+)").replace(re.escape("%(capacity)s"), r"(\d+)")
    found = re.fullmatch(sentence, text)
    assert found, f"no free seats in {text!r}"
    return int(found.group(1)), int(found.group(2))


def sign_in_as_coordinator(page: Page, language: str) -> None:
    address, password = COORDINATOR
    page.goto(f"/{language}/konto/anmelden/")
    page.get_by_label(t(language, "E-mail address")).fill(address)
    page.get_by_label(t(language, "Password"), exact=True).fill(password)
    page.locator("main").get_by_role("button", name=t(language, "Sign in")).click()
    expect(page.locator(".account-link")).to_have_attribute("href", re.compile("/profil/"))


def open_attendance(page: Page, language: str) -> None:
    """From today's event page, by the link only its organisers see."""
    page.goto(f"/{language}/{TODAY_EVENT_PATH}")
    page.get_by_role("link", name=t(language, "Registrations and attendance")).click()
    expect(page).to_have_url(re.compile(rf"/{language}/veranstaltungen/[-\w]+/anwesenheit/$"))


def sideways_overflow(page: Page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
