"""Words in a search that name the funding finder's criteria (cms.searchable: Facet.recognise
and SearchType.recognise; search.understanding applies them).

- Regions: Länder, districts and kreisfreie Städte by their German names and every spelling
  the region tree knows ("Frankfurt am Main", "Halle (Saale)", "Landkreis Leipzig"), the
  Länder as the site names them in the reader's language and in English ("Saxony",
  "ساكسونيا"), a few cities as readers write them in other languages ("Munich", "Лейпциг",
  "لايبزيغ", "Münih'te", "bremende"), every district and town written in Cyrillic letters
  ("Баутцен", "в Гёрлице"), and "bundesweit"/"nationwide". A preposition in front goes with
  the name ("in Sachsen"). "Frankfurt" is Frankfurt am Main; other names of several regions
  ("Neustadt") and district names that are everyday words ("Essen", "Hof", "Leer") are left
  as text.
- Who can apply: "e. V.", "eingetragener Verein", "Verein(e)", "Initiative", "gGmbH",
  "Einzelperson", and their usual words in the other languages. "Stiftung" is no value of the
  facet and stays text.
- Own share: "ohne Eigenanteil", "kein Eigenanteil", "without own contribution", …
  (certain: these count in any search).
- Amount: "bis 5.000 Euro" (the "up to 5,000 EUR" bucket) and "über 100.000 €" (the "more than
  100,000 EUR" one), certain; other amounts fit no bucket and stay text.
- Deadline: "ohne Frist", "no deadline" (open all year), certain. Months ("Frist im Dezember")
  fit no value of the facet and stay text.
- The type: "Förderung", "Fördermittel", "Zuschuss", "funding", "grant", "تمويل", "грант", …;
  everyday words for it ("Geld", "money", "پول", "деньги", "para", "tiền") only beside a place.
"""

from __future__ import annotations

import functools
import re

from django.utils import translation

from cms.models.vocabulary import REGION_CHOICES
from cms.regions.names import slug
from cms.regions.tree import NATIONWIDE, RegionError, region_tree
from cms.searchable import Recognised

MAX_WORDS = 4  # the longest region name read: "Frankfurt am Main", "Sächsische Schweiz-…"
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Everyday words that are also a district's name: "Essen gehen", "Hof", "leer".
EVERYDAY = frozenset({"essen", "hof", "regen", "leer", "weiden", "lippe", "stade", "kusel",
                      "olpe", "roth", "cham", "hagen", "herne", "peine", "unna", "wesel"})
# A word in front of a place that goes with it: "in Leipzig", "für Sachsen", "в Лейпциге".
PLACE_WORDS = frozenset({"in", "im", "für", "fuer", "aus", "bei", "for", "around", "near",
                         "في", "در", "в", "во", "у", "для", "ở", "tại"})
NATIONWIDE_WORDS = ("bundesweit", "bundesweite", "bundesweiten", "deutschlandweit",
                    "deutschlandweite", "nationwide", "germany-wide", "по всей германии",
                    "по всій німеччині", "toàn quốc", "almanya genelinde", "tüm almanya")
# Turkish case endings a place name takes (locative, ablative, dative), longest first.
TURKISH_CASES = ("daki", "deki", "taki", "teki", "dan", "den", "tan", "ten", "da", "de", "ta",
                 "te", "ya", "ye")
# Cities as readers write them in other languages -> the German spelling.
EXONYMS = {
    "münchen": ("munich", "мюнхен", "ميونخ", "ميونيخ", "مونیخ", "münih", "munchen"),
    "köln": ("cologne", "кельн", "كولونيا", "کلن", "koeln"),
    "nürnberg": ("nuremberg", "нюрнберг", "نورنبرغ", "نورنبرگ"),
    "hannover": ("hanover", "ганновер", "ганновер", "هانوفر"),
    # "Frankfurt" alone names two districts; readers mean the one on the Main.
    "frankfurt am main": ("frankfurt", "франкфурт", "frankfurt/main", "frankfurt a. m.",
                          "frankfurt a.m.", "франкфурт-на-майне", "франкфурт-на-майні",
                          "فرانكفورت", "فرانکفورت"),
    "frankfurt (oder)": ("frankfurt an der oder", "frankfurt/o.", "frankfurt (o.)",
                         "frankfurt a. d. oder", "франкфурт-на-одере", "франкфурт-на-одері"),
    "leipzig": ("лейпциг", "لايبزيغ", "لايبزيج", "لایپزیگ"),
    "berlin": ("берлин", "берлін", "برلين", "برلین", "béc-lin"),
    "hamburg": ("гамбург", "هامبورغ", "هامبورگ"),
    "bremen": ("бремен", "بريمن", "برمن"),
    "dresden": ("дрезден", "دريسدن", "درسدن"),
    "düsseldorf": ("дюссельдорф", "دوسلدورف"),
    "stuttgart": ("штутгарт", "شتوتغارت", "اشتوتگارت"),
    "dortmund": ("дортмунд", "دورتموند"),
    "nordrhein-westfalen": ("nrw",),
}
# German place names as Russian and Ukrainian write them, letter by letter ("Баутцен",
# "Гёрлиц", "Цвиккау"). A first г is German h or g (Гамбург, Гёрлиц), ц is z or tz.
_CYRILLIC_LETTERS = str.maketrans({
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "є": "je", "ё": "ö", "ж": "sch",
    "з": "s", "и": "i", "і": "i", "ї": "ji", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch",
    "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ü",
    "я": "ja", "ґ": "g"})
_ARTICLE = (r"(?:(?:für|fuer|for|als|as|для|برای)\s+)?"
            r"(?:(?:einen?|eine[rn]?|unsere[nmr]?|meine[nmr]?|a|an|our|my)\s+)?")


def _patterns(*alternatives: str, article: bool = True) -> re.Pattern:
    body = "|".join(alternatives)
    return re.compile(rf"(?<!\w){_ARTICLE if article else ''}(?:{body})(?!\w)", re.IGNORECASE)


LEGAL_FORMS = {
    "verein": _patterns(
        r"e\.\s?V\.?", r"eingetragene[nmrs]?\s+Verein(?:e|en|s)?", r"Verein(?:e|en|s)?",
        r"registered\s+associations?", r"associations?", r"(?:ال|لل)?جمعي(?:ة|ات)",
        r"انجمن(?:\u200cها)?", r"ассоциаци[яиюей]", r"об['’]єднан\w*", r"dernek\w*",
        r"hiệp hội"),
    "initiative": _patterns(
        r"(?:Bürger)?initiativen?", r"initiatives?", r"(?:ال|لل)?مبادر(?:ة|ات)",
        r"инициатив\w*", r"ініціатив\w*", r"girişim\w*", r"sáng kiến"),
    "gemeinnuetzige-gmbh": _patterns(
        r"gGmbH", r"gemeinnützige[nr]?\s+GmbH", r"non-?profit\s+(?:compan(?:y|ies)|GmbH)"),
    "einzelperson": _patterns(
        r"Einzelpersonen?", r"Privatpersonen?", r"individuals?", r"private\s+persons?",
        r"частн\w+\s+лиц\w*", r"фізичн\w+\s+ос\w+"),
}
NO_OWN_SHARE = _patterns(
    r"(?:ohne|kein(?:e|en)?)\s+(?:Eigenanteile?|Eigenmittel|Eigenbeteiligung|Ko-?finanzierung)",
    r"(?:without|no)\s+(?:an?\s+)?(?:own\s+(?:contribution|share|funds)|co-?funding|"
    r"co-?financing|match(?:ed)?\s+funding)",
    r"(?:بدون|دون|بلا)\s+(?:مساهمة|حصة)\s+ذاتية", r"بدون\s+(?:سهم|مشارکت)\s+(?:شخصی|خود)",
    r"без\s+собственн\w+\s+(?:вклад\w*|участи\w*|средств\w*)",
    r"без\s+власн\w+\s+(?:внеск\w*|участі|кошт\w*)",
    r"öz\s?katkı(?:sız|\s+olmadan|\s+gerektirmeyen)", r"không\s+(?:cần\s+)?vốn\s+đối\s+ứng",
    article=False)
NO_DEADLINE = _patterns(r"(?:ohne|keine)\s+(?:Antrags|Bewerbungs)?frist",
                        r"(?:no|without)\s+deadlines?", r"без\s+(?:срока|строку|дедлайна)",
                        r"بدون\s+موعد\s+نهائي", article=False)
_NUMBER = r"(\d{1,3}(?:[.,\s]\d{3})+|\d+)"
_CURRENCY = r"\s*(?:€|euro|eur|евро|євро|يورو|یورو)"
AMOUNTS = (  # (pattern, the amount it must name, bucket)
    (re.compile(rf"(?<!\w)(?:bis(?:\s+zu)?|höchstens|maximal|max\.|up\s+to|at\s+most|до|حتى)"
                rf"\s*{_NUMBER}{_CURRENCY}(?!\w)", re.IGNORECASE), 5_000, "upto-5000"),
    (re.compile(rf"(?<!\w)(?:über|mehr\s+als|more\s+than|over|above|свыше|более|понад|"
                rf"أكثر\s+من)\s*{_NUMBER}{_CURRENCY}(?!\w)", re.IGNORECASE), 100_000,
     "over-100000"),
)
FUNDING_WORDS = re.compile(
    r"(?<!\w)(?:(?:Förder|Foerder)(?:ung(?:en)?|mittel\w*|programm\w*|gelder?|geld|töpfe?|topf|"
    r"fonds|möglichkeit\w*)|Zuschuss|Zuschüsse[n]?|gefördert|funding|grants?|subsid(?:y|ies)|"
    r"funds?|(?:ال|لل|و)?(?:تمويل|منحة|منح)|دعم\s+مالي|بودجه|کمک\s*(?:هزینه|مالی)|"
    r"حمایت\s+مالی|تا?أ?مین\s+مالی|финансировани\w*|фінансуванн\w*|грант\w*|субсиди\w*|"
    r"субсиді\w*|дотаци\w*|дотаці\w*|hibe\w*|fon(?:u|lar\w*)?|finansman\w*|tài trợ|quỹ)(?!\w)",
    re.IGNORECASE)


# Everyday words for money and support ("Geld", "پول", "деньги", "tiền", "destek") say that
# a search is one for programmes only beside a place: "wie viel Geld braucht ein Verein" asks
# for a guide. "Support in Berlin" is read as funding too: the site has no other support to
# offer, and the filter can be removed. A verb for "to cost" is not ("скільки коштує").
MONEY_WORDS = re.compile(
    r"(?<!\w)(?:Geld(?:er)?|money|cash|support|(?:ال|لل)?(?:مال|أموال|اموال|فلوس|مصاري|نقود|دعم)|"
    r"پول|حمایت|деньг\w*|денег|поддержк\w*|грош\w*|кошти|коштів|коштами|підтримк\w*|"
    r"tiền|hỗ trợ)(?!\w)", re.IGNORECASE)
# "destek" ends in ğ before a vowel: "proje desteği", "desteğe" (typed "destegi" too).
TURKISH_MONEY = re.compile(r"(?<!\w)(?:para(?:sı|yı|ya|lar\w*)?|deste[kğg]\w*)(?!\w)",
                           re.IGNORECASE)


def funding_words(text: str, language: str) -> list[tuple[int, int]]:
    found = [m.span() for m in FUNDING_WORDS.finditer(text)]
    money = [m.span() for m in MONEY_WORDS.finditer(text)]
    if language == "tr":
        money += [m.span() for m in TURKISH_MONEY.finditer(text)]
    if money and regions(text, language):
        found += money
    return found


# Compounds ending in a funding word ("Projektförderung", "Mikroförderung",
# "Anschubfinanzierung", "Projektzuschüsse") and the funder's "Förderrichtlinie" name funding,
# but some such compounds name other help ("Sprachförderung"): they keep programmes' weight
# and are never read as the finder's filters. Not "Beförderung" (transport), nor "Zuwendung",
# which is a donation in tax law ("Zuwendungsbestätigung").
FUNDING_COMPOUNDS = re.compile(
    r"\w(?<!be)(?:förder|foerder)(?:ung|mittel|geld)|\wfinanzierung|\wzusch(?:uss|uß|üsse|uesse)|"
    r"(?<!\w)(?:förder|foerder)(?:richtlinie|aufruf)", re.IGNORECASE)


def names_funding(text: str, language: str) -> bool:
    """Other words than funding_words' that name funding (asked only when those found none)."""
    return bool(FUNDING_COMPOUNDS.search(text))


def legal_forms(text: str, language: str) -> list[Recognised]:
    return [Recognised(value, *m.span()) for value, pattern in LEGAL_FORMS.items()
            for m in pattern.finditer(text)]


def own_share(text: str, language: str) -> list[Recognised]:
    return [Recognised("none", *m.span(), certain=True) for m in NO_OWN_SHARE.finditer(text)]


def deadline(text: str, language: str) -> list[Recognised]:
    return [Recognised("rolling", *m.span(), certain=True) for m in NO_DEADLINE.finditer(text)]


def amount(text: str, language: str) -> list[Recognised]:
    found = []
    for pattern, named, bucket in AMOUNTS:
        for m in pattern.finditer(text):
            digits = re.sub(r"\D", "", m.group(1))
            if digits and len(digits) < 10 and int(digits) == named:
                found.append(Recognised(bucket, *m.span(), certain=True))
    return found


def _key(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text.casefold())
    return " ".join(re.sub(r"[-–/.,]", " ", text).split())


@functools.lru_cache(maxsize=16)
def _names(language: str) -> dict[str, str]:
    """{name as typed (_key): region spelling} besides the tree's own spellings."""
    names = {}
    for code in (language, "en", "de"):
        with translation.override(code):
            for value, label in REGION_CHOICES:
                names.setdefault(_key(str(label)), value)
    for spelling, others in EXONYMS.items():
        for name in (spelling, *others):
            names.setdefault(_key(name), spelling)
    for word in NATIONWIDE_WORDS:
        names[_key(word)] = NATIONWIDE
    return names


def _german_letters(word: str) -> list[str]:
    """A Cyrillic word in the Latin letters a German place name would have, in each
    reading: "баутцен" -> "bautzen", "гамбург" -> "gamburg", "hamburg"."""
    readings = [word.replace("тц", "tz").replace("кк", "ck")]
    if "ай" in word:  # Фрайбург, Майсен: German ei
        readings.append(readings[0].replace("ай", "ей"))
    if word.startswith("г"):
        readings += ["h" + r[1:] for r in readings]
    if "ц" in word:
        readings += [r.replace("ц", "tz") for r in readings]
    return [r.translate(_CYRILLIC_LETTERS).replace("ц", "z") for r in readings]


def _region(words: str, language: str, tree) -> str | None:
    """The region code the words name, or None (unknown, ambiguous, an everyday word)."""
    typed = words
    if " " not in words and ("'" in words or "’" in words):
        typed = re.split(r"['’]", words)[0]  # Turkish: "Leipzig'de", "Münih'te"
    forms = [typed]
    if _CYRILLIC.search(typed) and " " not in typed and len(typed) > 4:
        forms += [typed[:-1], typed[:-1] + "я", typed[:-2] + "ия", typed[:-2] + "ія"]
        forms += [latin for form in (typed, typed[:-1], typed[:-2])
                  for latin in _german_letters(form.casefold())]
    elif language == "tr" and " " not in typed and typed == words:
        # The case ending without its apostrophe: "Bremen'de" typed "bremende".
        forms += [typed[:-len(end)] for end in TURKISH_CASES
                  if typed.casefold().endswith(end) and len(typed) - len(end) >= 4]
    for form in forms:
        spelling = _names(language).get(_key(form))
        if spelling is None:
            spelling = slug(form)
            if not spelling or spelling in EVERYDAY or len(spelling) < 3:
                continue
            if spelling not in tree.by_spelling and not (
                    spelling in tree.places and tree.places[spelling].level == "land"):
                continue
        try:
            return tree.resolve(spelling).code
        except RegionError:
            return None
    return None


def regions(text: str, language: str) -> list[Recognised]:
    tree = region_tree()
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    found, i = [], 0
    while i < len(tokens):
        for size in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
            start, end = tokens[i][0], tokens[i + size - 1][1]
            code = _region(text[start:end], language, tree)
            if code:
                if text[start:end].count("(") > text[start:end].count(")") and \
                        text[end:end + 1] == ")":
                    end += 1  # "Halle (Saale)"
                if i and text[tokens[i - 1][0]:tokens[i - 1][1]].casefold() in PLACE_WORDS:
                    start = tokens[i - 1][0]
                found.append(Recognised(code, start, end, certain=code == NATIONWIDE))
                i += size
                break
        else:
            i += 1
    return found
