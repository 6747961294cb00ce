"""Production: every secret comes from the environment and nothing insecure has a default,
so a deploy with a missing variable fails at start rather than running unsafely."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_required

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names in production.")

# The public address (sitemap, hreflang, API, admin e-mails; cms.site_url): no default.
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = env_required("BASE_URL").rstrip("/")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# CONTACT_EMAIL (base.py) must name a real mailbox: `check --deploy` warns (legal.W001) while
# it is the development default on localhost.
SECURE_REDIRECT_EXEMPT = [r"^healthz/(live/|ready/)?$"]
