"""Is a POST from one of our own pages? For forms on pages that the shared cache serves to
everyone, which therefore carry no CSRF token (feedback, quiz answers).

The browser's Origin (sent with every form POST), else its Referer, must name this site's
host (or one of CSRF_TRUSTED_ORIGINS). A form on another site, or a client that sends
neither, is refused. Session cookies are SameSite=Lax as well, so a forged cross-site POST
carries no sign-in either.
"""

from urllib.parse import urlsplit

from django.conf import settings


def same_site(request) -> bool:
    claimed = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER") or ""
    if not claimed or claimed == "null":
        return False
    parts = urlsplit(claimed)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    if parts.netloc == request.get_host():
        return True
    trusted = {urlsplit(origin).netloc for origin in settings.CSRF_TRUSTED_ORIGINS}
    return parts.netloc in trusted
