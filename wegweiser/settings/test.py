"""Fast, isolated settings for the test suite. DATABASE_URL switches SQLite to PostgreSQL."""

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env_str("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "cms.caching.resilient.ResilientRedisCache",
            "LOCATION": env_str("REDIS_URL"),
            "KEY_PREFIX": "wegweiser-test",
        }
    }
CELERY_TASK_ALWAYS_EAGER = True
# A test run that reaches a real Elasticsearch never touches the site's own indices.
ELASTICSEARCH_INDEX_PREFIX = "wegweiser-test"
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests in tests/cache/ switch the page cache on; elsewhere a page cached by one test would be
# served to the next, whose rolled-back transaction never advanced the cache's generation.
PAGE_CACHE_ENABLED = False
# The render memo (cms/caching/memo.py) likewise: tests that measure or check it switch it on
# in a fresh generation (tests/conftest.py: `render_memo`).
RENDER_MEMO_ENABLED = False
# The test process builds vocabularies hundreds of times, each followed by a full collection
# of a big process: tests/search/test_longlived.py switches it on where it is the subject.
SEARCH_FREEZE_BUILT_OBJECTS = False
