"""What the learning journeys need to know and do: the demo module's lessons and their quizzes
(read from the demo content's GIFT, so the right answers are the ones the trainers wrote), the
site's own words in a language (from the same catalogues the server uses), answering a
question in the browser, the mails the server sent, and checking an open page with axe and
the Nu checker."""

import email
import re
import time
from dataclasses import dataclass
from pathlib import Path

from django.utils import translation
from playwright.sync_api import Page, expect

from learning import gift
from tests.e2e.test_accessibility import describe, run_axe

CONTENT = Path(__file__).resolve().parents[2] / "content" / "learning"
QUIZ_BLOCK = re.compile(r"^```quiz\n(.*?)^```", re.MULTILINE | re.DOTALL)
FRONT = re.compile(r'^(\w+): "?(.*?)"?$', re.MULTILINE)
ISOLATES = re.compile("[\u2066-\u2069\u200e\u200f]")


def t(language: str, text: str) -> str:
    """The site's word for `text` in `language` (as it shows once the catalogue has it)."""
    with translation.override(language):
        return translation.gettext(text)


def plain(text: str) -> str:
    """Text as the reader sees it, without the invisible bidi marks around Latin runs."""
    return " ".join(ISOLATES.sub("", text).split())


@dataclass(frozen=True)
class Lesson:
    module: str
    slug: str
    position: int

    def file(self, language: str) -> Path:
        return CONTENT / self.module / f"{self.slug}.{language}.md"

    def quiz(self, language: str) -> list[gift.Question]:
        text = self.file(language).read_text()
        return [question for block in QUIZ_BLOCK.findall(text)
                for question in gift.parse(block)]


def front_matter(path: Path) -> dict:
    return dict(FRONT.findall(path.read_text().split("\n---", 1)[0]))


def lessons_of(module: str) -> list[Lesson]:
    found = []
    for path in (CONTENT / module).glob("*.de.md"):
        meta = front_matter(path)
        if meta.get("type") == "lesson":
            found.append(Lesson(module, meta["slug"], int(meta["position"])))
    return sorted(found, key=lambda lesson: lesson.position)


def module_title(module: str, language: str) -> str:
    return front_matter(CONTENT / module / f"{module}.{language}.md")["title"]


def right_answer(question: gift.Question) -> list[str]:
    """What a learner who knows it chooses or types: option positions, true/false, text."""
    if question.kind == gift.SINGLE:
        return [str(next(i for i, a in enumerate(question.answers) if a.credit == 100))]
    if question.kind == gift.MULTIPLE:
        return [str(i) for i, a in enumerate(question.answers) if a.credit > 0]
    if question.kind == gift.TRUE_FALSE:
        return ["true" if question.correct else "false"]
    return [max(question.answers, key=lambda a: a.credit).text]


def wrong_answer(question: gift.Question) -> list[str]:
    assert question.kind == gift.SINGLE, "the journey's first answer is a single choice"
    return [str(next(i for i, a in enumerate(question.answers) if a.credit <= 0))]


def answer(page: Page, language: str, question: gift.Question, given: list[str]) -> None:
    """Choose (or type) the answer with the mouse and send it; waits for the feedback."""
    form = page.locator(f"#q-{question.id}")
    if question.kind == gift.SHORT:
        form.locator(f"#a-{question.id}").fill(given[0])
    else:
        for value in given:
            form.locator(f"#a-{question.id}-{value}").check()
    form.get_by_role("button", name=t(language, "Check answer")).click()
    expect(form.locator(".answer-feedback")).to_be_visible()


def switch_language(page: Page, name: str) -> None:
    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher").get_by_role("link", name=name, exact=True).click()


def confirmation_link(site, address: str, timeout: float = 10) -> str:
    """The confirmation link from the newest mail to `address` that the server sent."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for raw in reversed(site.mails()):
            message = email.message_from_string(raw)
            if address not in message.get("To", ""):
                continue
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    body = part.get_payload(decode=True).decode(part.get_content_charset())
                    found = re.search(r"https?://\S+/konto/bestaetigen/[-:\w]+/", body)
                    if found:
                        return found.group(0)
        time.sleep(0.2)
    raise AssertionError(f"no confirmation mail to {address} in {site.mail_dir}")


def assert_no_axe_violations(page: Page) -> None:
    result = run_axe(page)
    assert result["passes"], f"axe checked nothing on {page.url}"
    assert not result["violations"], f"{page.url}:\n{describe(result['violations'])}"


class ServedPages:
    """Collects the HTML the server sends for open pages (with the browser's cookies), to
    check them all in one run of the Nu checker (starting Java costs more than checking)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.files: list[str] = []

    def keep(self, page: Page, name: str) -> None:
        response = page.request.get(page.url.split("#")[0])
        assert response.ok, f"{page.url}: {response.status}"
        path = self.folder / f"{name}.html"
        path.write_bytes(response.body())
        self.files.append(str(path))
