"""Demo events for `manage.py load_demo` (which finds this module's `load_demo`): the monthly
moderated network meeting as a series, a workshop on writing a funding application with a
waiting list (also in Arabic), and an online workshop on dealing with offices. All fictional,
organised by the demo organisations (content/organisations/).

Dates are counted from the day of loading, so a fresh demo always has upcoming events. Running
it again changes nothing: an event whose slug exists below its topic is left as it is (an
editor may have changed it), and so are its series and its translation."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.importer.localize_link import save_translation
from cms.models import Organisation, Region, SpokenLanguage, TopicPage

from .models import EventPage
from .models.pages import BERLIN
from .series import make_series, nth_weekday

TUESDAY, THURSDAY = 1, 3
EXAMPLE = "<p>Fiktives Beispiel aus den Demo-Inhalten: Diese Veranstaltung findet nicht statt.</p>"
EXAMPLE_AR = "<p>مثال خيالي من المحتوى التجريبي: هذه الفعالية لن تُقام.</p>"


@dataclass
class DemoEvent:
    topic: str
    slug: str
    title: str
    summary: str
    paragraphs: list[str]
    organiser: str  # slug of a demo organisation
    start: datetime.datetime
    hours: float
    capacity: int
    waiting_list: bool = True
    deadline_days: int | None = None
    venue: str = ""
    online_url: str = ""
    region: str = ""
    languages: list[str] = field(default_factory=list)
    trainer: str = ""
    lesson: str = ""  # slug of a German lesson that attending completes
    series: int = 0  # how many more monthly dates (same weekday of the month)
    arabic: dict | None = None  # title, summary, paragraphs


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def _weekday_after(day: datetime.date, weekday: int) -> datetime.date:
    """The first `weekday` on or after `day`, a week later in the break between Christmas
    and New Year (24 December to 1 January), when nobody holds a workshop."""
    day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
    while _in_year_end_break(day):
        day += datetime.timedelta(days=7)
    return day


def _in_year_end_break(day: datetime.date) -> bool:
    return (day.month, day.day) >= (12, 24) or (day.month, day.day) == (1, 1)


def next_first_tuesday(today: datetime.date) -> datetime.date:
    year, month = today.year, today.month
    while True:
        day = nth_weekday(year, month, TUESDAY, 1)
        if day > today and not _in_year_end_break(day):  # 1 January: February's
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def demo_events(today: datetime.date) -> list[DemoEvent]:
    return [
        DemoEvent(
            topic="vereinsarbeit", slug="netzwerktreffen",
            title="Netzwerktreffen der Migrant*innenorganisationen",
            summary="Einmal im Monat, am ersten Dienstag: Vereine lernen sich kennen, tauschen "
                    "Erfahrungen aus und planen gemeinsam. Mit Moderation.",
            paragraphs=[
                "<p>Jeden ersten Dienstag im Monat treffen sich Vereine und Initiativen von "
                "Migrantinnen und Migranten. Eine Moderatorin führt durch den Abend, damit alle "
                "zu Wort kommen.</p>",
                "<p>Am Anfang steht ein kurzer Input zu einem aktuellen Thema, zum Beispiel "
                "Ehrenamtspauschale, Räume finden oder neue Förderprogramme. Danach ist Zeit "
                "für Fragen, Austausch und gemeinsame Pläne.</p>",
                "<p>Sie brauchen keine Vorkenntnisse. Es gibt Getränke und einen kleinen "
                "Imbiss.</p>",
            ],
            organiser="beispielnetzwerk-nord", start=_at(next_first_tuesday(today), 18),
            hours=2, capacity=30, deadline_days=1, region="hamburg",
            venue="Stadtteilhaus (Beispiel)\nBeispielstraße 5, 20095 Hamburg",
            languages=["de", "en", "tr"], trainer="Moderation: Beispielperson Deniz", series=3,
        ),
        DemoEvent(
            topic="foerdermittel", slug="workshop-foerderantrag-schreiben",
            title="Workshop: Förderantrag schreiben",
            summary="Schritt für Schritt zum ersten Förderantrag: Projektidee, Ziele, "
                    "Kosten- und Finanzierungsplan.",
            paragraphs=[
                "<p>Sie haben eine Projektidee und wollen dafür Geld beantragen? In diesem "
                "Workshop schreiben wir gemeinsam die wichtigsten Teile eines Antrags: Was ist "
                "das Problem, was wollen Sie ändern, wer macht was, und was kostet es?</p>",
                "<p>Bringen Sie, wenn möglich, Ihre Projektidee und die Förderrichtlinie mit, "
                "auf die Sie sich bewerben wollen. Die Plätze sind begrenzt. Wenn alle Plätze "
                "vergeben sind, kommen Sie auf die Warteliste.</p>",
            ],
            organiser="beispielverein-bruecke-leipzig",
            start=_at(_weekday_after(today + datetime.timedelta(days=21), THURSDAY), 17),
            hours=3, capacity=12, deadline_days=3, region="sachsen",
            venue="Haus der Vereine (Beispiel)\nMusterstraße 1, 04109 Leipzig",
            languages=["de", "ar"], trainer="Beispielperson Samira",
            lesson="foerderprogramm-finden",
            arabic={
                "title": "ورشة عمل: كتابة طلب تمويل",
                "summary": "خطوة بخطوة نحو أول طلب تمويل: فكرة المشروع والأهداف وخطة "
                           "التكاليف والتمويل.",
                "paragraphs": [
                    "<p>لديكم فكرة مشروع وتريدون طلب تمويل لها؟ في هذه الورشة نكتب معًا "
                    "أهم أجزاء الطلب: ما المشكلة، وماذا تريدون أن تغيّروا، ومن يفعل ماذا، "
                    "وكم يكلف ذلك؟</p>",
                    "<p>أحضروا إن أمكن فكرة مشروعكم وشروط برنامج التمويل الذي تريدون التقدم "
                    "إليه. عدد الأماكن محدود. إذا امتلأت كل الأماكن، تُسجَّلون في قائمة "
                    "الانتظار.</p>",
                ],
            },
        ),
        DemoEvent(
            topic="behoerden", slug="online-workshop-umgang-mit-behoerden",
            title="Online-Workshop: Umgang mit Behörden",
            summary="Briefe vom Amt verstehen, Fristen einhalten, Termine vorbereiten: ein "
                    "Abend mit vielen Beispielen aus der Vereinsarbeit.",
            paragraphs=[
                "<p>Finanzamt, Amtsgericht, Ordnungsamt: Vereine bekommen viele Briefe von "
                "Behörden. Wir zeigen an echten Beispielen, wie Sie einen Bescheid lesen, "
                "welche Fristen wichtig sind und wie Sie einen Termin gut vorbereiten.</p>",
                "<p>Der Workshop findet online statt. Sie brauchen einen Computer oder ein "
                "Smartphone mit Internet. Den Link bekommen Sie, wenn Ihre Anmeldung bestätigt "
                "ist.</p>",
            ],
            organiser="beispiel-integrationsbuero-koeln",
            start=_at(_weekday_after(today + datetime.timedelta(days=10), TUESDAY), 18, 30),
            hours=1.5, capacity=20, waiting_list=False,
            online_url="https://meet.example.org/umgang-mit-behoerden",
            languages=["de", "uk", "ru"], trainer="Beispielperson Olena",
        ),
    ]


def load_demo(stdout) -> int:
    made = load_demo_events(timezone.localdate(timezone.now(), BERLIN))
    stdout.write(f"{made} demo events (fictional examples) made.")
    return made


@transaction.atomic
def load_demo_events(today: datetime.date) -> int:
    """Make the demo events that do not exist yet; returns how many pages were made."""
    made = 0
    german = Locale.get_default()
    for demo in demo_events(today):
        topic = TopicPage.objects.filter(locale=german, slug=demo.topic).first()
        if topic is None or topic.get_children().filter(slug=demo.slug).exists():
            continue
        event = _publish(topic.add_child(instance=_page(demo, german)))
        made += 1 + len(make_series(event, demo.series, monthly_nth=1) if demo.series else [])
        if demo.arabic:
            _translate(event, Locale.objects.get(language_code="ar"), demo.arabic)
            made += 1
    return made


def _page(demo: DemoEvent, german: Locale) -> EventPage:
    organiser = Organisation.objects.filter(locale=german, slug=demo.organiser).first()
    lesson = Page.objects.filter(locale=german, slug=demo.lesson).first() if demo.lesson \
        else None
    page = EventPage(
        title=demo.title, slug=demo.slug, summary=demo.summary, locale=german,
        description=[("text", text) for text in [*demo.paragraphs, EXAMPLE]],
        start=demo.start, end=demo.start + datetime.timedelta(hours=demo.hours),
        venue=demo.venue, online_url=demo.online_url,
        region=Region.objects.filter(code=demo.region).first() if demo.region else None,
        capacity=demo.capacity, waiting_list=demo.waiting_list,
        registration_deadline=(demo.start - datetime.timedelta(days=demo.deadline_days)
                               if demo.deadline_days else None),
        organiser=organiser, trainer=demo.trainer, lesson=lesson)
    page.languages = list(SpokenLanguage.objects.filter(code__in=demo.languages))
    return page


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _translate(event: EventPage, locale: Locale, texts: dict) -> None:
    """Through wagtail-localize, as the importer does, so translators can carry on there."""
    candidate = EventPage.objects.get(pk=event.pk)
    candidate.title, candidate.summary = texts["title"], texts["summary"]
    blocks = candidate.description.raw_data
    for block, text in zip(blocks, [*texts["paragraphs"], EXAMPLE_AR], strict=True):
        block["value"] = text
    candidate.description = blocks
    save_translation(event, candidate, locale, tool_name="load_demo")
