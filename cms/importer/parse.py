"""Read one content file and check its front matter and the shape of its body. Nothing here
touches the database; nothing is written."""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from cms.models.vocabulary import ORGANISATION_TYPE_CHOICES
from cms.sanitise import is_safe_url

from . import limits
from .errors import ContentError
from .front_matter import load_front_matter
from .markdown_guard import check_body
from .regions import normalise_regions
from .registry import REGISTERED
from .safe_files import read_inside
from .text import check_characters, kind_of, shorten
from .title_heading import take_title_heading

BUILT_IN = ("topic", "glossary", "guide", "funding")  # also the import order


def types() -> tuple[str, ...]:
    """The built-in types, then those other apps registered (cms.importer.registry)."""
    return (*BUILT_IN, *REGISTERED)


SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # with fullmatch; linear: '-' separates
ELIGIBLE = {code for code, _ in ORGANISATION_TYPE_CHOICES}
WEB_SCHEMES = frozenset({"http", "https"})

COMMON_KEYS = {"type", "slug", "locale", "title", "summary", "translation_of"}
SOURCE_KEYS = {
    "topic": COMMON_KEYS | {"steps"},
    "glossary": COMMON_KEYS,
    "guide": COMMON_KEYS | {"topic", "last_reviewed", "legal_references", "related", "glossary",
                            "order"},
    "funding": COMMON_KEYS | {"topic", "funder", "region", "deadline", "amount_min",
                              "amount_max", "cofunding_percent", "eligible", "url", "example",
                              "next_round", "last_checked", "guides"},
}
REQUIRED = {
    "topic": {"title"},
    "glossary": {"title", "summary"},
    "guide": {"title", "summary", "topic"},
    "funding": {"title", "summary", "topic", "funder", "region", "amount_min", "amount_max",
                "cofunding_percent", "eligible", "url"},
}
TRANSLATION_KEYS = {"type", "slug", "locale", "title", "summary", "translation_of",
                    "legal_references"}


def repeatable_keys(kind: str) -> set[str]:
    """What a translation may repeat of its source's front matter: every key of its type. The
    German source's value counts; a contradicting one is reported (cms.importer.repeated)."""
    registered = REGISTERED.get(kind)
    keys = COMMON_KEYS | registered.keys if registered else SOURCE_KEYS[kind]
    return set(keys) - TRANSLATION_KEYS - translated_keys(kind)


def translated_keys(kind: str) -> set[str]:
    """A registered type's own keys that a translation carries translated (its texts)."""
    registered = REGISTERED.get(kind)
    return set(registered.translated_keys) if registered else set()


@dataclass
class ContentFile:
    path: Path
    meta: dict
    body: str
    body_line: int = 1  # the file's line number of the body's first line
    notes: list[str] = field(default_factory=list)  # warnings found while reading
    name: str = ""  # as the report shows it
    source_language: str = field(default_factory=lambda: settings.LANGUAGE_CODE)

    @property
    def type(self) -> str:
        return self.meta["type"]

    @property
    def slug(self) -> str:
        return self.meta["slug"]

    @property
    def locale(self) -> str:
        return self.meta["locale"]

    @property
    def is_translation(self) -> bool:
        return self.locale != self.source_language

    def sort_key(self):
        return (self.is_translation, types().index(self.type), str(self.path))


def decode(data: bytes) -> str:
    """UTF-8 text with '\\n' line ends and no byte-order mark, or a refusal with the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ContentError(f"the file is not UTF-8 text (line {line}: bytes "
                           f"{data[error.start:error.start + 3].hex(' ').upper()}; "
                           "save it as UTF-8)") from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    check_characters(text)
    return text


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter, body, line number of the body's first line), line by line: no regular
    expression to backtrack over a long line."""
    lines = text.split("\n")
    if lines[0].rstrip(" \t") == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip(" \t") == "---":
                return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    raise ContentError("the file does not start with front matter between '---' lines")


def parse_file(root: Path, parts: tuple[str, ...]) -> ContentFile:
    data = read_inside(root, parts, max_bytes=limits.MAX_FILE_BYTES, label="the file")
    text = decode(data)
    front, body, body_line = split_front_matter(text)
    if len(front) > limits.MAX_FRONT_MATTER_CHARS:
        raise ContentError(f"the front matter has {len(front):,} characters; at most "
                           f"{limits.MAX_FRONT_MATTER_CHARS:,}")
    meta = load_front_matter(front, first_line=2)
    if not isinstance(meta, dict):
        raise ContentError("the front matter must be a set of 'key: value' lines")
    content = ContentFile(path=root.joinpath(*parts), meta=meta, body=body, body_line=body_line)
    content.body = take_title_heading(meta, body, body_line, content.notes)
    validate(content)
    registered = REGISTERED.get(content.type)
    check_body(body, body_line, fences=registered.fences if registered else ())
    if registered and registered.check_file:
        registered.check_file(content)
    return content


def validate(content: ContentFile) -> None:
    meta = content.meta
    for key in ("type", "slug", "locale"):
        if not meta.get(key):
            raise ContentError(f"missing key '{key}'")
        if not isinstance(meta[key], str):
            raise ContentError(f"'{key}' must be text, not {kind_of(meta[key])}")
    if meta["type"] not in types():
        raise ContentError(f"unknown type '{shorten(meta['type'])}' (expected one of "
                           f"{', '.join(types())})")
    languages = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
    if meta["locale"] not in languages:
        raise ContentError(f"unknown locale '{shorten(meta['locale'])}' (expected one of "
                           f"{', '.join(languages)})")
    _check_slug(meta, "slug")

    if content.is_translation:
        _validate_translation(content)
    else:
        _validate_source(content)
    _check_order(meta)
    if "steps" in meta and not isinstance(meta["steps"], bool):
        raise ContentError(f"'steps' must be true or false, not {kind_of(meta['steps'])}")
    _check_text(meta, "title", limits.MAX_TITLE, one_line=True)
    _check_text(meta, "summary", limits.MAX_SUMMARY)
    _check_text(meta, "funder", limits.MAX_FUNDER, one_line=True)
    _check_list(meta, "legal_references")
    for line in meta.get("legal_references") or []:
        if len(line) > limits.MAX_SHORT_TEXT:
            raise ContentError(f"a line of 'legal_references' has {len(line):,} characters; at "
                               f"most {limits.MAX_SHORT_TEXT:,}")


def _validate_translation(content):
    meta = content.meta
    if not meta.get("translation_of"):
        raise ContentError("missing key 'translation_of' (a translation names its German source)")
    if meta["translation_of"] != meta["slug"]:
        raise ContentError("a translation keeps its source's slug: 'slug' and 'translation_of' "
                           "differ")
    unknown = (set(meta) - TRANSLATION_KEYS - repeatable_keys(content.type)
               - translated_keys(content.type))
    if unknown:
        raise ContentError(f"unknown key(s) for a {content.type}: {_keys(unknown)}")
    if not meta.get("title"):
        raise ContentError("missing key 'title'")
    registered = REGISTERED.get(content.type)
    if registered and registered.check_translated:
        registered.check_translated(meta)


def _validate_source(content):
    meta, kind = content.meta, content.type
    if meta.get("translation_of"):
        raise ContentError("'translation_of' is only for translations (locale other than de)")
    registered = REGISTERED.get(kind)
    allowed = COMMON_KEYS | registered.keys if registered else SOURCE_KEYS[kind]
    unknown = set(meta) - allowed
    if unknown:
        raise ContentError(f"unknown key(s) for a {kind}: {_keys(unknown)}")
    for key in sorted(registered.required if registered else REQUIRED[kind]):
        if meta.get(key) in (None, "", []):
            raise ContentError(f"missing key '{key}'")
    if "topic" in meta:
        _check_slug(meta, "topic")
    if kind == "guide":
        _check_date(meta, "last_reviewed")
        _check_list(meta, "related", slugs=True)
        _check_list(meta, "glossary", slugs=True)
    if kind == "funding":
        _validate_funding(meta)
    if registered and registered.check:
        registered.check(meta)


def _validate_funding(meta):
    for key in ("deadline", "next_round", "last_checked"):
        _check_date(meta, key)
    _check_list(meta, "guides", slugs=True)
    for key in ("amount_min", "amount_max", "cofunding_percent"):
        value = meta[key]
        if not isinstance(value, int) or isinstance(value, bool):
            raise ContentError(f"'{key}' must be a whole number, not {kind_of(value)}")
        if value < 0:
            raise ContentError(f"'{key}' must be a whole number of 0 or more")
    for key in ("amount_min", "amount_max"):
        if meta[key] > limits.MAX_AMOUNT:
            raise ContentError(f"'{key}' must be at most {limits.MAX_AMOUNT:,} (euros)")
    if meta["amount_min"] > meta["amount_max"]:
        raise ContentError("'amount_min' is larger than 'amount_max'")
    if meta["cofunding_percent"] > 100:
        raise ContentError("'cofunding_percent' must be between 0 and 100")
    for key in ("region", "eligible"):
        if isinstance(meta[key], str):
            meta[key] = [meta[key]]
        _check_list(meta, key)
    meta["region"] = normalise_regions(meta["region"])
    wrong = [v for v in meta["eligible"] if v not in ELIGIBLE]
    if wrong:
        raise ContentError(f"unknown eligible value(s): "
                           f"{', '.join(shorten(v, 30) for v in wrong[:5])}")
    url = meta["url"]
    if not isinstance(url, str):
        raise ContentError(f"'url' must be text, not {kind_of(url)}")
    check_web_url(url, "'url'")
    if "example" in meta and not isinstance(meta["example"], bool):
        raise ContentError("'example' must be true or false")


def check_web_url(url: str, what: str) -> None:
    """An http(s) address that fits a URLField, or a refusal: no javascript:, data: or other
    scheme reaches a link."""
    if len(url) > limits.MAX_URL:
        raise ContentError(f"{what} has {len(url):,} characters; at most {limits.MAX_URL}")
    if not is_safe_url(url, WEB_SCHEMES):
        raise ContentError(f"{what} must be a web address starting with https:// or http://, "
                           f"not '{shorten(url, 40)}'")
    try:
        URLValidator(schemes=sorted(WEB_SCHEMES))(url)
    except ValidationError:
        raise ContentError(f"{what} '{shorten(url, 40)}' is not a valid web address") from None


def _check_slug(meta, key):
    value = meta[key]
    if not isinstance(value, str):
        raise ContentError(f"'{key}' must be text, not {kind_of(value)}")
    if len(value) > limits.MAX_SLUG:
        raise ContentError(f"'{key}' has {len(value):,} characters; at most {limits.MAX_SLUG}")
    if not SLUG_RE.fullmatch(value):
        raise ContentError(f"{key} '{shorten(value)}' may only contain a-z, 0-9 and hyphens")


def _check_order(meta):
    """`order`: the guide's place among its topic's guides, 1 for the first."""
    if "order" not in meta:
        return
    value = meta["order"]
    if not isinstance(value, int) or isinstance(value, bool):
        raise ContentError(f"'order' must be a whole number like 1 (the first guide of its "
                           f"topic), not {kind_of(value)}")
    if not 1 <= value <= limits.MAX_ORDER:
        raise ContentError(f"'order' must be a whole number from 1 to {limits.MAX_ORDER}, "
                           f"not {value}")


def _check_date(meta, key):
    value = meta.get(key)
    if value is None:
        return
    if isinstance(value, datetime.datetime):
        raise ContentError(f"'{key}' must be a date like 2026-11-01, without a time")
    if isinstance(value, datetime.date):
        return
    if not isinstance(value, str):
        raise ContentError(f"'{key}' must be a date like 2026-11-01, not {kind_of(value)}")
    try:
        meta[key] = datetime.date.fromisoformat(value)
    except ValueError:
        raise ContentError(f"'{key}' must be a date like 2026-11-01, not "
                           f"'{shorten(value, 30)}'") from None


def _check_text(meta, key, limit, one_line=False):
    value = meta.get(key)
    if value is None:
        return
    if not isinstance(value, str):
        raise ContentError(f"'{key}' must be text, not {kind_of(value)}")
    if len(value) > limit:
        raise ContentError(f"'{key}' has {len(value):,} characters; at most {limit:,}")
    if one_line and "\n" in value.strip():
        raise ContentError(f"'{key}' must be one line")


def _check_list(meta, key, slugs=False):
    value = meta.get(key)
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContentError(f"'{key}' must be a list of text lines")
    most = limits.FRONT_MATTER_LISTS[key]
    if len(value) > most:
        raise ContentError(f"'{key}' has {len(value):,} entries; at most {most}")
    for entry in value if slugs else ():
        if len(entry) > limits.MAX_SLUG or not SLUG_RE.fullmatch(entry):
            raise ContentError(f"'{key}' contains '{shorten(entry)}', which is not a slug")


def _keys(keys) -> str:
    shown = ", ".join(shorten(k, 30) for k in sorted(map(str, keys))[:10])
    return shown + (f" and {len(keys) - 10} more" if len(keys) > 10 else "")
