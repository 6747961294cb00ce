"""Every public page type, with a demo-content URL in German and in Arabic. The accessibility,
HTML-validity, page-weight and screenshot tests all run over this list: a new page type
added here is checked by all of them."""

from dataclasses import dataclass
from urllib.parse import quote

LANGUAGES = ("de", "ar")

# The guide `Einen Verein gründen` is translated into Arabic in the demo content.
GUIDE_PATH = "verein-gruenden/verein-gruenden/"
GUIDE_TITLE = {"de": "Einen Verein gründen: der Weg zum e. V.",
               "ar": "تأسيس جمعية: الطريق إلى جمعية مسجلة (e. V.)"}
SEARCH_WORD = {"de": "Satzung", "ar": "النظام"}
FUNDING_SEARCH_PATH = "search/?type=funding&sort=deadline"
# A demo learning module (translated into Arabic) and its first lesson, with a quiz.
GUIDED_RESULT_PATH = ("foerderung/finden/?legal_form=verein&region=Leipzig&topic=&amount=5000"
                      "&own_share=10&start=")
MODULE_PATH = "vereinsarbeit/oeffentlichkeitsarbeit/"
LESSON_PATH = MODULE_PATH + "wer-wir-sind/"
# A demo workshop (events/demo.py) with seats and a waiting list, translated into Arabic.
EVENT_PATH = "foerdermittel/workshop-foerderantrag-schreiben/"
# Added by prepare_site: an event under way today, organised by the coordinator's
# organisation, with confirmed registrations to take attendance of; and one in the past.
TODAY_EVENT_PATH = "foerdermittel/offene-sprechstunde-foerderantrag/"
PAST_EVENT_PATH = "verein-gruenden/infoabend-verein-gruenden/"


@dataclass(frozen=True)
class PageType:
    name: str
    path: str  # after the language prefix
    status: int = 200

    def url(self, language: str) -> str:
        path = self.path.replace("{q}", quote(SEARCH_WORD[language]))
        return f"/{language}/{path}"


PAGE_TYPES = [
    PageType("home", ""),
    PageType("topic", "verein-gruenden/"),
    PageType("guide", GUIDE_PATH),
    # Step 2 of the founding path (translated into Arabic): "Step 2 of 5", previous and next.
    PageType("guide-step", "verein-gruenden/satzung-schreiben/"),
    # Not translated: under /ar/ it is the German page with a notice in Arabic.
    PageType("funding", "foerdermittel/aktion-mensch-mikrofoerderung/"),
    PageType("glossary", "glossar/"),
    PageType("search", "search/?q={q}"),
    PageType("search-start", "search/"),
    # The funding finder as the funding topic links to it, with facets chosen.
    PageType("funding-search", FUNDING_SEARCH_PATH + "&region=berlin&eligible=verein"),
    PageType("search-bad-filter", "search/?q={q}&region=atlantis", status=400),
    PageType("directory", "organisationen/"),
    # Sachsen lists the demo organisation that is translated into Arabic.
    PageType("directory-filtered", "organisationen/?region=sachsen&topic=foerdermittel"),
    # Legal pages: the Impressum and the accessibility statement are translated into Arabic.
    PageType("imprint", "impressum/"),
    PageType("accessibility-statement", "barrierefreiheit/"),
    # The contact form as the accessibility statement links to it (topic and page chosen).
    PageType("contact", "kontakt/?topic=barrier&page=/de/barrierefreiheit/"),
    PageType("not-found", "gibt-es-nicht/", status=404),
    # Learning, as an anonymous reader sees it (the cacheable versions). Every demo lesson
    # has a quiz, so there is no lesson without one to check. The signed-in pages (a lesson
    # with answers and feedback, the profile, members, a valid certificate) are checked
    # inside test_learning_journey.py, where they are open.
    PageType("module", MODULE_PATH),
    PageType("lesson", LESSON_PATH),
    PageType("my-learning", "lernen/mein-lernen/"),
    PageType("certificate-unknown", "lernen/zertifikat/ABCD-EFGH-JKLM/", status=404),
    # The guided funding finder (funding/guided.py): the place question (a <datalist> of
    # every district), an ambiguous place with its candidates, the result with reasons; the
    # deadlines by month and their archive.
    PageType("guided-finder", "foerderung/finden/?legal_form=verein&step=region"),
    PageType("guided-finder-error", "foerderung/finden/?legal_form=verein&region=Neustadt",
             status=400),
    PageType("guided-finder-result", GUIDED_RESULT_PATH),
    PageType("deadlines", "foerderung/fristen/"),
    PageType("deadlines-archive", "foerderung/fristen/archiv/"),
    # Events: a workshop open for registration (a guest's form, the free seats), the
    # listing with its filters, and the archive. The attendance list needs a coordinator:
    # test_accessibility.py and test_html_validity.py check it signed in.
    PageType("event", EVENT_PATH),
    PageType("events", "veranstaltungen/"),
    PageType("events-archive", "veranstaltungen/archiv/"),
    # Learner accounts (django-allauth).
    PageType("sign-in", "konto/anmelden/"),
    PageType("sign-up", "konto/registrieren/"),
    PageType("password-reset", "konto/passwort/vergessen/"),
]

PAGE_TYPE_IDS = [p.name for p in PAGE_TYPES]


def each_page_in_each_language():
    """(page type, language) pairs for pytest.mark.parametrize, with readable ids."""
    import pytest

    return [pytest.param(p, lang, id=f"{p.name}-{lang}") for p in PAGE_TYPES
            for lang in LANGUAGES]
