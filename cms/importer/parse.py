"""Read one content file and check its front matter. Nothing here touches the database
except the look-ups a check needs; nothing is written."""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings

from cms.models.funding import ORGANISATION_TYPE_CHOICES, REGION_CHOICES

from .errors import ContentError

TYPES = ("topic", "glossary", "guide", "funding")  # also the import order
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REGIONS = {code for code, _ in REGION_CHOICES}
ELIGIBLE = {code for code, _ in ORGANISATION_TYPE_CHOICES}

COMMON_KEYS = {"type", "slug", "locale", "title", "summary", "translation_of"}
SOURCE_KEYS = {
    "topic": COMMON_KEYS,
    "glossary": COMMON_KEYS,
    "guide": COMMON_KEYS | {"topic", "last_reviewed", "legal_references", "related", "glossary"},
    "funding": COMMON_KEYS | {"topic", "funder", "region", "deadline", "amount_min",
                              "amount_max", "cofunding_percent", "eligible", "url", "example"},
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


@dataclass
class ContentFile:
    path: Path
    meta: dict
    body: str
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
        return (self.is_translation, TYPES.index(self.type), str(self.path))


def split_front_matter(text: str) -> tuple[str, str]:
    if text.startswith("\ufeff"):
        text = text[1:]
    match = re.match(r"^---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)(.*)$", text, re.DOTALL)
    if not match:
        raise ContentError("the file does not start with front matter between '---' lines")
    return match.group(1), match.group(2)


def parse_file(path: Path) -> ContentFile:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError("the file is not UTF-8 text") from None
    front, body = split_front_matter(text)
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise ContentError(f"the front matter is not valid YAML{where}") from None
    if not isinstance(meta, dict):
        raise ContentError("the front matter must be a set of 'key: value' lines")
    content = ContentFile(path=path, meta=meta, body=body)
    validate(content)
    return content


def validate(content: ContentFile) -> None:
    meta = content.meta
    for key in ("type", "slug", "locale"):
        if not meta.get(key):
            raise ContentError(f"missing key '{key}'")
    if meta["type"] not in TYPES:
        raise ContentError(f"unknown type '{meta['type']}' (expected one of {', '.join(TYPES)})")
    languages = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
    if meta["locale"] not in languages:
        raise ContentError(f"unknown locale '{meta['locale']}' (expected one of "
                           f"{', '.join(languages)})")
    if not isinstance(meta["slug"], str) or not SLUG_RE.match(meta["slug"]):
        raise ContentError(f"slug '{meta['slug']}' may only contain a-z, 0-9 and hyphens")

    if content.is_translation:
        _validate_translation(content)
    else:
        _validate_source(content)
    _check_strings(meta, ("title", "summary", "funder"))
    _check_string_list(meta, "legal_references")


def _validate_translation(content):
    meta = content.meta
    if not meta.get("translation_of"):
        raise ContentError("missing key 'translation_of' (a translation names its German source)")
    if meta["translation_of"] != meta["slug"]:
        raise ContentError("a translation keeps its source's slug: 'slug' and 'translation_of' "
                           "differ")
    unknown = set(meta) - TRANSLATION_KEYS
    if unknown:
        raise ContentError(f"a translation takes these from its source, remove: "
                           f"{', '.join(sorted(unknown))}")
    if not meta.get("title"):
        raise ContentError("missing key 'title'")


def _validate_source(content):
    meta, kind = content.meta, content.type
    if meta.get("translation_of"):
        raise ContentError("'translation_of' is only for translations (locale other than de)")
    unknown = set(meta) - SOURCE_KEYS[kind]
    if unknown:
        raise ContentError(f"unknown key(s) for a {kind}: {', '.join(sorted(unknown))}")
    for key in sorted(REQUIRED[kind]):
        if meta.get(key) in (None, "", []):
            raise ContentError(f"missing key '{key}'")
    if kind == "guide":
        _check_date(meta, "last_reviewed")
        _check_slug_list(meta, "related")
        _check_slug_list(meta, "glossary")
    if kind == "funding":
        _validate_funding(meta)


def _validate_funding(meta):
    _check_date(meta, "deadline")
    for key in ("amount_min", "amount_max", "cofunding_percent"):
        if not isinstance(meta[key], int) or isinstance(meta[key], bool) or meta[key] < 0:
            raise ContentError(f"'{key}' must be a whole number of 0 or more")
    if meta["amount_min"] > meta["amount_max"]:
        raise ContentError("'amount_min' is larger than 'amount_max'")
    if meta["cofunding_percent"] > 100:
        raise ContentError("'cofunding_percent' must be between 0 and 100")
    for key, allowed in (("region", REGIONS), ("eligible", ELIGIBLE)):
        values = meta[key] if isinstance(meta[key], list) else [meta[key]]
        wrong = [v for v in values if v not in allowed]
        if wrong:
            raise ContentError(f"unknown {key} value(s): {', '.join(map(str, wrong))}")
        meta[key] = values
    if not str(meta["url"]).startswith(("https://", "http://")):
        raise ContentError("'url' must start with https:// or http://")
    if "example" in meta and not isinstance(meta["example"], bool):
        raise ContentError("'example' must be true or false")


def _check_date(meta, key):
    value = meta.get(key)
    if value is None:
        return
    if isinstance(value, datetime.date):
        return
    try:
        meta[key] = datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ContentError(f"'{key}' must be a date like 2026-11-01, not '{value}'") from None


def _check_strings(meta, keys):
    for key in keys:
        if key in meta and not isinstance(meta[key], str):
            raise ContentError(f"'{key}' must be text")


def _check_string_list(meta, key):
    value = meta.get(key)
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContentError(f"'{key}' must be a list of text lines")


def _check_slug_list(meta, key):
    _check_string_list(meta, key)
    for value in meta.get(key) or []:
        if not SLUG_RE.match(value):
            raise ContentError(f"'{key}' contains '{value}', which is not a slug")
