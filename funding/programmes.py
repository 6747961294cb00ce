"""The live programmes the finder, the deadlines page and the feed look through, with what
funding.matching reads of them, fetched in bulk."""

import datetime

from wagtail.models import Page

from cms.i18n import reader_links
from cms.models import TopicPage

from .matching import Answers, rank
from .models import FundingGuideLink, FundingProgrammePage

TOPIC_DEPTH = 3  # root / home / topic


def german_programmes(**filters) -> list[FundingProgrammePage]:
    """The German programmes (translations share their facts), regions and types prefetched."""
    return list(FundingProgrammePage.objects.live().public()
                .filter(locale__language_code="de", **filters)
                .prefetch_related("regions", "eligible_types").order_by("deadline", "title"))


def topics_helped(programmes) -> dict[int, set[str]]:
    """{programme id: slugs of the topics it helps with}: its own topic and the topics of the
    guides it links, in two queries."""
    step = Page.steplen * TOPIC_DEPTH
    paths = {p.pk: {p.path[:step]} for p in programmes}
    for page_id, path in FundingGuideLink.objects.filter(page_id__in=paths).values_list(
            "page_id", "guide__path"):
        paths[page_id].add(path[:step])
    wanted = {path for found in paths.values() for path in found}
    slugs = dict(TopicPage.objects.filter(path__in=wanted).values_list("path", "slug"))
    return {pk: {slugs[p] for p in found if p in slugs} for pk, found in paths.items()}


def ranked(answers: Answers, today: datetime.date):
    """(matches, near misses) among every live programme."""
    programmes = german_programmes()
    return rank(answers, programmes, today, topics_helped(programmes))


def upcoming(answers: Answers, today: datetime.date) -> list[FundingProgrammePage]:
    """Programmes with a deadline today or later that fit the answers, soonest first."""
    matches, _near = rank(answers, german_programmes(deadline__gte=today), today)
    return sorted((m.programme for m in matches), key=lambda p: (p.deadline, p.title))


def passed(today: datetime.date) -> list[FundingProgrammePage]:
    """Programmes whose deadline passed, the latest first: the archive."""
    return sorted(german_programmes(deadline__lt=today),
                  key=lambda p: (p.deadline, p.title), reverse=True)


def with_links(programmes) -> list[tuple]:
    """[(programme, its link in the reader's language)]."""
    return list(zip(programmes, reader_links(list(programmes)), strict=True))


def topic_choices() -> list[tuple[str, str]]:
    """[(slug, title in the reader's language)] of the live topics, in the editors' order."""
    topics = list(TopicPage.objects.live().public().filter(
        locale__language_code="de", depth=TOPIC_DEPTH).order_by("path"))
    return [(topic.slug, link.page.title) for topic, link in zip(
        topics, reader_links(topics), strict=True)]

