"""The site's public address comes from configuration (BASE_URL), not from the database.

Wagtail builds every absolute URL (sitemap.xml, hreflang links, the API's `html_url` and
`detail_url`) from the default Site's hostname and port, which the first migration set to
`localhost:80`: every deploy announced `http://localhost/` to search engines. After each
`migrate` the default Site is set from BASE_URL, so a deploy's configuration is the one place
to change it; `check --deploy` refuses an address that is not https or not served.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.http.request import validate_host

DEFAULT_PORTS = {"http": 80, "https": 443}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1", "testserver"}


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def host_and_port(url: str) -> tuple[str, int]:
    """('wegweiser.example.org', 443) for https://wegweiser.example.org. Wagtail derives the
    scheme from the port (443 means https), so a non-default port over https cannot be said."""
    parts = urlsplit(url)
    return parts.hostname or "", parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def sync_default_site(using: str = "default") -> bool:
    """Set the default Site's hostname and port from BASE_URL; True if they changed. Every
    cached page then shows the new address (the change is announced like a content change)."""
    from wagtail.models import Site

    from cms.changes import announce

    hostname, port = host_and_port(base_url())
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None or not hostname or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(using=using, update_fields=["hostname", "port"])
    announce(site, "changed")
    return True


def on_post_migrate(sender, using="default", **kwargs):
    sync_default_site(using)


@checks.register(checks.Tags.security, deploy=True)
def check_base_url(app_configs=None, **kwargs):
    url = base_url()
    parts = urlsplit(url)
    hostname, _port = host_and_port(url)
    problems = []
    if parts.scheme != "https":
        problems.append(checks.Error(
            f"BASE_URL is {url!r}: the public address must use https.",
            hint="Set BASE_URL to the address readers use, e.g. https://wegweiser.example.org.",
            id="wegweiser.E101"))
    if not hostname or hostname in LOCAL_HOSTS:
        problems.append(checks.Error(
            f"BASE_URL is {url!r}: sitemap.xml, hreflang links and the API would name a host "
            "no reader can reach.", hint="Set BASE_URL to the site's public address.",
            id="wegweiser.E102"))
    elif not _allowed(hostname):
        problems.append(checks.Error(
            f"BASE_URL names {hostname!r}, which ALLOWED_HOSTS does not serve.",
            hint="Add the host to ALLOWED_HOSTS or correct BASE_URL.", id="wegweiser.E103"))
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        problems.append(checks.Error(
            f"BASE_URL is {url!r}: it must be the site's root, without a path.",
            id="wegweiser.E104"))
    return problems


def _allowed(hostname: str) -> bool:
    return validate_host(hostname, settings.ALLOWED_HOSTS)  # Django's own matching
