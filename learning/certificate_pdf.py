"""The certificate as a PDF (WeasyPrint), drawn on demand from the stored certificate.

Fonts come from learning/fonts/ (Noto Sans, Noto Naskh Arabic; SIL OFL), never from the
machine, so Arabic and Persian are shaped right to left the same way everywhere. WeasyPrint
may open those font files and nothing else: no network, no other file (the name and titles
are escaped by the template; the fetcher is the second lock).
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import segno
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from cms.i18n import is_rtl

from .certificates import verify_url
from .models import Certificate

FONTS_DIR = (Path(__file__).resolve().parent / "fonts").resolve()


class FontsOnly(URLFetcher):
    """Fetches files below FONTS_DIR; anything else fails the rendering."""

    def __init__(self):
        super().__init__(allowed_protocols={"file"}, fail_on_errors=True)

    def fetch(self, url, headers=None):
        path = Path(unquote(urlsplit(url).path)).resolve()
        if not path.is_relative_to(FONTS_DIR):
            raise ValueError(f"The certificate may not load {url}")
        return super().fetch(url, headers)


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, border=0)


def certificate_html(certificate: Certificate) -> str:
    url = verify_url(certificate)
    with translation.override(certificate.language):
        return render_to_string("learning/certificate/pdf.html", {
            "certificate": certificate, "verify_url": url, "qr": qr_svg(url),
            "language": certificate.language,
            "direction": "rtl" if is_rtl(certificate.language) else "ltr",
            "fonts": FONTS_DIR.as_uri(),
        })


def render_pdf(certificate: Certificate) -> bytes:
    font_config = FontConfiguration()
    document = HTML(string=certificate_html(certificate), base_url=FONTS_DIR.as_uri() + "/",
                    url_fetcher=FontsOnly())
    return document.write_pdf(font_config=font_config)
