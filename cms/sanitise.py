"""One allowlist for HTML that comes from content (import, admin, translations).

Rich text is stored as Wagtail's database HTML and rendered through one template
(templates/wagtailcore/shared/richtext.html); both the importer and that template pass it
through `clean_html`, so a `<script>`, an event handler or a `javascript:` link can neither be
stored by an import nor reach a reader from anywhere else. nh3 (ammonia) parses like a
browser, so the allowlist is not fooled by malformed markup.
"""

from urllib.parse import urlsplit

import nh3

# http(s) for the web, mailto and tel for contact boxes. Relative links (/de/…) stay.
SAFE_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# What the rich text features (cms.blocks.RICH_TEXT_FEATURES) and the Markdown importer
# produce; anything else keeps its text and loses its tag.
ALLOWED_TAGS = frozenset({
    "p", "br", "b", "i", "strong", "em", "ul", "ol", "li", "h2", "h3", "h4", "a",
    "blockquote", "code", "pre", "bdi", "span",
})
ALLOWED_ATTRIBUTES = {
    # linktype and id: Wagtail's database HTML for internal and document links.
    "a": {"href", "hreflang", "linktype", "id"},
    "ol": {"start"},
    # Language and direction, so Latin runs inside Arabic text can be isolated.
    "*": {"lang", "dir"},
}
# Removed with their content; other disallowed tags keep their text.
REMOVED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template",
                                  "noscript", "svg", "math", "textarea", "select"})


def clean_html(html: str) -> str:
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={key: set(value) for key, value in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(SAFE_URL_SCHEMES),
        link_rel=None,  # no target="_blank" is allowed, so rel="noopener" adds nothing
        strip_comments=True,
    )


def is_safe_url(url: str, schemes=SAFE_URL_SCHEMES) -> bool:
    """True for an absolute URL with one of `schemes` and a host (or mailto:/tel:), so
    `javascript:`, `data:` and scheme-relative tricks never become a link."""
    if not isinstance(url, str) or not url or url != url.strip():
        return False
    if any(ord(char) < 32 or char == "\x7f" for char in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        return False
    if scheme in {"http", "https"}:
        return bool(parts.hostname)
    return bool(parts.path)
