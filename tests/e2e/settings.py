"""Settings for the site the browser tests talk to: production's, served over plain HTTP on
127.0.0.1. Only what plain HTTP and a throw-away database need differs from production."""

from wegweiser.settings.env import env_str
from wegweiser.settings.production import *  # noqa: F403

# No TLS on the test server: secure-only cookies would never come back from the browser.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0

# A per-run key prefix: the Redis db outlives the run's database, so must not its cache.
if REDIS_URL:  # noqa: F405
    CACHES = {  # noqa: F405
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,  # noqa: F405
            "KEY_PREFIX": env_str("E2E_CACHE_PREFIX", "e2e"),
        }
    }
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mails are written as files into the run's folder, where the journeys read them (the
# confirmation link of a sign-up): the server is another process, so locmem would not do.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = env_str("E2E_MAIL_DIR", "/tmp/wegweiser-e2e-mail")
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = env_str("BASE_URL", "http://127.0.0.1")
