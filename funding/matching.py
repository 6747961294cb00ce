"""Which programmes fit an organisation, and why (the guided finder, the deadlines page and
feed, alerts).

The answers travel in the query string, each one optional (README, "Guided funding finder"):
`legal_form` (an OrganisationType code), `region` (what the reader typed: a name, a 5-digit
key, `bund`; kept as the Region code), `topic` (a topic's slug, the same in every language),
`amount` (euros), `own_share` (percent the organisation can pay itself), `start` (the
project start, YYYY-MM-DD).

A programme *fits* when no answered criterion rules it out. Criteria: who may apply, region
(the programme is for the chosen place, its district, its Land or nationwide), amount (within
amount_min..amount_max; the model requires both and amount_min <= amount_max, so a programme
without limits is entered as 0 to 0, which fits any amount), own share (the programme's
cofunding_percent at most the organisation's), deadline (passed is out; rolling and today are
fine) and project start (a deadline after the start is a problem: funders want the
application before the project starts). The topic never rules a programme out: programmes
all live below the Fördermittel topic, so it only says which ones help with the chosen topic
(their own topic, or a guide they link below it) and ranks those first.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, fields

from django.http import QueryDict
from django.utils import formats
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from cms.models.vocabulary import ORGANISATION_TYPE_CHOICES, REGION_CHOICES
from cms.regions.tree import RegionError, region_tree

from .regions import label as region_label

MAX_AMOUNT = 10_000_000  # more than any programme here gives: a typo, not a project
START_PAST_DAYS = 366  # a project already running for up to a year
START_FUTURE_DAYS = 5 * 366
LEGAL_FORMS = dict(ORGANISATION_TYPE_CHOICES)
FOUNDING_TOPIC = "verein-gruenden"
# Who may apply, as "for …" says it (plural): "für eingetragene Vereine".
FOR_WHOM = {
    "verein": gettext_lazy("registered associations"),
    "initiative": gettext_lazy("initiatives without legal form"),
    "gemeinnuetzige-gmbh": gettext_lazy("non-profit companies"),
    "einzelperson": gettext_lazy("individuals"),
}
# Nearest region level first: a programme for the district before the Land's and the Bund's.
LEVEL_RANK = {"municipality": 0, "district": 1, "land": 2, "bund": 3}


@dataclass(frozen=True)
class Answers:
    legal_form: str | None = None
    region: str | None = None  # a Region code
    topic: str | None = None  # a topic's slug
    amount: int | None = None  # euros
    own_share: int | None = None  # percent
    start: datetime.date | None = None

    def given(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))


KEYS = tuple(f.name for f in fields(Answers))


@dataclass(frozen=True)
class Reason:
    fits: bool
    text: str
    link: str = ""  # a page that helps (how to found a Verein)
    link_text: str = ""


@dataclass
class Match:
    programme: object
    score: int
    reasons: list[Reason]
    misses: int
    level: int = len(LEVEL_RANK)  # LEVEL_RANK of the region that matched

    @property
    def missing(self) -> list[Reason]:
        return [r for r in self.reasons if not r.fits]


# --- Reading the answers ---------------------------------------------------------------------

def _whole_number(text: str, unit: str) -> int:
    """'5.000 €' -> 5000; '10 %' -> 10; ValueError for anything else."""
    cleaned = text.replace(unit, "").replace("\u00a0", " ").strip()
    if re.fullmatch(r"\d{1,3}(?:[. ]\d{3})+", cleaned):
        cleaned = re.sub(r"[. ]", "", cleaned)
    if not re.fullmatch(r"-?\d+", cleaned):
        raise ValueError
    return int(cleaned)


def _amount(text: str) -> int:
    try:
        value = _whole_number(text, "€")
    except ValueError:
        raise ValueError(_("Please give the amount in whole euros, for example 5000.")) from None
    if value < 1:
        raise ValueError(_("The amount must be more than 0 euros."))
    if value > MAX_AMOUNT:
        raise ValueError(_("Please give an amount up to %(max)s euros.")
                         % {"max": formats.number_format(MAX_AMOUNT, force_grouping=True)})
    return value


def _own_share(text: str) -> int:
    try:
        value = _whole_number(text, "%")
    except ValueError:
        raise ValueError(_("Please give the own share as a whole number of percent, for "
                           "example 10.")) from None
    if not 0 <= value <= 100:
        raise ValueError(_("The own share is a percentage between 0 and 100."))
    return value


def _start(text: str, today: datetime.date) -> datetime.date:
    try:
        value = datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(_("Please give the date as year-month-day, for example %(example)s.")
                         % {"example": today.isoformat()}) from None
    earliest = today - datetime.timedelta(days=START_PAST_DAYS)
    latest = today + datetime.timedelta(days=START_FUTURE_DAYS)
    if not earliest <= value <= latest:
        raise ValueError(_("Please give a start between %(earliest)s and %(latest)s.") % {
            "earliest": formats.date_format(earliest), "latest": formats.date_format(latest)})
    return value


def _legal_form(text: str) -> str:
    if text not in LEGAL_FORMS:
        raise ValueError(_("Please choose one of the legal forms listed."))
    return text


def region_candidates(typed: str) -> list[tuple[str, str]]:
    """[(code, label)] of the regions `typed` may mean (empty when it names one)."""
    from cms.searchable import UnknownValue

    from .regions import resolve

    try:
        resolve(typed)
    except UnknownValue as error:
        return error.candidates
    return []


def _region(text: str) -> str:
    # A Land as the reader's language names it ("Saxony", "ساكسونيا"), else the tree's names.
    translated = {str(label).casefold(): code for code, label in REGION_CHOICES}
    if text.casefold() in translated:
        return translated[text.casefold()]
    try:
        return region_tree().resolve(text).code
    except RegionError as error:
        shown = text.strip()[:40]
        if error.ambiguous:
            raise ValueError(_("“%(value)s” could mean several places. Please choose one.")
                             % {"value": shown}) from None
        raise ValueError(_("We do not know the place “%(value)s”. Please write a city, a "
                           "district or a federal state.") % {"value": shown}) from None


def _topic(text: str) -> str:
    from cms.models import TopicPage

    if not TopicPage.objects.live().filter(slug=text).exists():
        raise ValueError(_("Please choose one of the topics listed."))
    return text


def answers_from_query(data: QueryDict, today: datetime.date | None = None
                       ) -> tuple[Answers, dict[str, str]]:
    """The answers in `data`, and {key: message} for those that cannot be used (left out of
    the answers; the rest are kept). Empty values are skipped questions."""
    from django.utils import timezone

    today = today or timezone.localdate()
    readers = {"legal_form": _legal_form, "region": _region, "topic": _topic,
               "amount": _amount, "own_share": _own_share,
               "start": lambda text: _start(text, today)}
    values, errors = {}, {}
    for key, read in readers.items():
        text = (data.get(key) or "").strip()[:100]
        if not text:
            continue
        try:
            values[key] = read(text)
        except ValueError as error:
            errors[key] = str(error)
    return Answers(**values), errors


def answers_to_query(answers: Answers) -> str:
    """The answers as a query string (answers_from_query reads it back), in question order."""
    pairs = []
    for key in KEYS:
        value = getattr(answers, key)
        if value is not None:
            pairs.append((key, value.isoformat() if isinstance(value, datetime.date)
                          else str(value)))
    return urlencode(pairs)


# --- Matching --------------------------------------------------------------------------------

def _euros(value: int) -> str:
    return formats.number_format(value, force_grouping=True) + " €"


def _month(date: datetime.date) -> str:
    return formats.date_format(date, "F Y")


def _reached(programme, code: str) -> tuple[str, int] | None:
    """(label, level rank) of the programme's region nearest to the place `code`, if any of
    its regions contains the place."""
    tree = region_tree()
    around = [code, *tree.ancestors(code)]
    own = set(programme.region_codes)
    ranked = [tree.places[c] for c in around if c in own]
    if not ranked:
        return None
    place = ranked[0]
    return (None if place.level == "bund" else str(region_label(place)),
            LEVEL_RANK.get(place.level, len(LEVEL_RANK)))


def _who_and_where(programme, answers: Answers, match: Match) -> list[Reason]:
    reasons, who, where, nationwide = [], None, None, False
    if answers.legal_form:
        if answers.legal_form in programme.eligible_codes:
            who = str(FOR_WHOM[answers.legal_form])
        else:
            reasons.append(_not_for_you(programme, answers.legal_form))
    if answers.region:
        reached = _reached(programme, answers.region)
        if reached:
            where, match.level = reached
            nationwide = where is None
        else:
            places = ", ".join(str(p["label"]) for p in programme.places) or "–"
            reasons.append(Reason(False, _("only in %(places)s") % {"places": places}))
    if nationwide:
        text = (_("for %(who)s, nationwide") % {"who": who}) if who else _("nationwide")
    elif who and where:
        text = _("for %(who)s in %(where)s") % {"who": who, "where": where}
    elif who or where:
        text = (_("for %(who)s") % {"who": who}) if who else (
            _("in %(where)s") % {"where": where})
    else:
        return reasons
    return [Reason(True, text), *reasons]


def _not_for_you(programme, legal_form: str) -> Reason:
    allowed = ", ".join(str(FOR_WHOM[c]) for c in programme.eligible_codes if c in FOR_WHOM)
    if legal_form == "initiative" and programme.eligible_codes == ["verein"]:
        # Translations keep their slug; a language without one shows the German topic.
        return Reason(False, _("only for registered associations"),
                      f"/{get_language()}/{FOUNDING_TOPIC}/", _("how to found one"))
    return Reason(False, _("only for %(who)s") % {"who": allowed or "–"})


def _amount_reason(programme, amount: int) -> Reason:
    low, high = programme.amount_min, programme.amount_max
    if amount < low:
        return Reason(False, _("at least %(low)s, you need %(amount)s") % {
            "low": _euros(low), "amount": _euros(amount)})
    if high and amount > high:
        return Reason(False, _("at most %(high)s, you need %(amount)s") % {
            "high": _euros(high), "amount": _euros(amount)})
    if not high:
        return Reason(True, _("no amount limits stated"))
    return Reason(True, _("%(low)s to %(high)s") % {"low": _euros(low), "high": _euros(high)})


def _share_reason(programme, own_share: int) -> Reason:
    needed = programme.cofunding_percent
    if needed > own_share:
        return Reason(False, _("%(needed)s %% own share needed, you said %(own)s %%") % {
            "needed": needed, "own": own_share})
    if not needed:
        return Reason(True, _("no own share needed"))
    return Reason(True, _("%(needed)s %% own share needed") % {"needed": needed})


def _deadline_reasons(programme, answers: Answers, today: datetime.date) -> list[Reason]:
    deadline = programme.deadline
    if deadline is None:
        return [Reason(True, _("apply any time"))]
    if deadline < today:
        if programme.next_round:
            return [Reason(False, _("deadline passed, next round expected %(month)s")
                           % {"month": _month(programme.next_round)})]
        return [Reason(False, _("deadline passed"))]
    reasons = [Reason(True, (_("deadline today") if deadline == today
                             else _("deadline %(date)s") % {"date": formats.date_format(
                                 deadline)}))]
    if answers.start and deadline > answers.start:
        reasons.append(Reason(False, _(
            "the deadline is after your project start (%(start)s): apply before you start")
            % {"start": formats.date_format(answers.start)}))
    return reasons


def assess(programme, answers: Answers, today: datetime.date,
           topics: set[str] | None = None) -> Match:
    """The programme against the answers: every reason, and how many criteria it misses.
    `topics`: the slugs of the topics the programme helps with (rank() finds them)."""
    match = Match(programme, 0, [], 0)
    reasons = _who_and_where(programme, answers, match)
    if answers.amount is not None:
        reasons.append(_amount_reason(programme, answers.amount))
    if answers.own_share is not None:
        reasons.append(_share_reason(programme, answers.own_share))
    reasons += _deadline_reasons(programme, answers, today)
    if answers.topic and topics and answers.topic in topics:
        reasons.append(Reason(True, _("helps with the topic you chose")))
    match.reasons = sorted(reasons, key=lambda r: not r.fits)
    match.misses = sum(not r.fits for r in reasons)
    match.score = sum(r.fits for r in reasons) - 10 * match.misses
    return match


def fits(programme, answers: Answers, today: datetime.date) -> bool:
    return assess(programme, answers, today).misses == 0


def _order(match: Match) -> tuple:
    deadline = match.programme.deadline
    return (match.misses, -match.score, match.level,
            deadline is None, deadline or datetime.date.max, match.programme.title)


def rank(answers: Answers, programmes, today: datetime.date,
         topics: dict[int, set[str]] | None = None) -> tuple[list[Match], list[Match]]:
    """(matches, near misses): the programmes that fit, best first (fewer misses, the topic,
    the nearest region, the soonest deadline), and those left out by exactly one criterion,
    ranked the same way."""
    topics = topics or {}
    assessed = sorted((assess(p, answers, today, topics.get(p.pk)) for p in programmes),
                      key=_order)
    return ([m for m in assessed if m.misses == 0], [m for m in assessed if m.misses == 1])
