"""Settings shared by every environment. Every value that differs between machines comes from
an environment variable, read once here (see the table in README.md)."""

import datetime
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

from .env import email_settings, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "cms",
    "cms.accounts",
    "cms.outbox",
    "funding",
    "legal",
    "partners",
    "search",
    "translations",
    "feedback",
    "learning",
    "events",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# Messages live in the session, never in a cookie of their own: a reader with a message has a
# session, and so never gets the shared cache's copy of a page (cms.caching.policy).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "wegweiser.urls"
WSGI_APPLICATION = "wegweiser.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_navigation",
            ],
        },
    },
]

# --- Data --------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer costs a request this long, then a 503 (cms/health.py).
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DATABASE_CONNECT_TIMEOUT", 2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

REDIS_URL = env_str("REDIS_URL")
CACHES = {
    "default": (
        # Fails soft: Redis down or silent means uncached pages, not errors (README: Caching).
        {"BACKEND": "cms.caching.resilient.ResilientRedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------------------
# German is the source language; every other language is a translation of it.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("tr", "Türkçe"),
    ("vi", "Tiếng Việt"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
RTL_LANGUAGES = {"ar", "fa"}
LOCALE_PATHS = [BASE_DIR / "locales"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

# --- Static and media --------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000

# --- Wagtail -----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Wegweiser"
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "cms.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "cms.CustomDocument"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["avif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_HITS_MAX_AGE = 90
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# New translations of live pages start as drafts: a translator's work goes live only through
# review (translations/review.py, docs/partners.md), not the moment a page is submitted.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Search ------------------------------------------------------------------------------
SEARCH_ENGINE = env_str("SEARCH_ENGINE", "database")
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
SEARCH_FREEZE_BUILT_OBJECTS = True  # out of full garbage collections: search/longlived.py
# 'simple' on PostgreSQL: words as written, like SQLite's FTS5 tokeniser; the reader's
# language is applied on the query side (search/engines/database.py). SQLite ignores it.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}

# --- Background work ---------------------------------------------------------------------
# Without a broker, Celery runs every task in-process, so nothing else has to run.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2}
# Requests never publish directly: tasks go through the outbox (cms/outbox/), which hands
# them over after commit on a connection of its own with one-second timeouts and no retries,
# and keeps them until the broker has taken them.
# Run by the single `beat` service (docker-compose.yml), in CELERY_TIMEZONE.
CELERY_BEAT_SCHEDULE = {
    "prune-search-log": {  # what readers typed is kept WAGTAILSEARCH_HITS_MAX_AGE days only
        "task": "search.tasks.prune_search_log",
        "schedule": crontab(hour=3, minute=30),
    },
    "prune-feedback-notes": {  # readers' notes after "No" are kept FEEDBACK_NOTE_MAX_AGE_DAYS
        "task": "feedback.tasks.prune_feedback_notes",
        "schedule": crontab(hour=3, minute=50),
    },
    "expire-event-offers": {  # seats offered from a waiting list and not taken in 48 hours
        "task": "events.tasks.expire_event_offers",
        "schedule": 300.0,
    },
    "event-reminders": {  # a mail the day before each event, once per registration
        "task": "events.tasks.send_event_reminders",
        "schedule": crontab(minute=5),
    },
    "forget-event-guests": {  # guests' names and addresses, EVENT_GUEST_RETENTION_DAYS after
        "task": "events.tasks.forget_event_guests",
        "schedule": crontab(hour=4, minute=10),
    },
    "funding-deadline-alerts": {  # 14 and 3 days before deadlines, once per subscription
        "task": "funding.tasks.send_deadline_alerts", "schedule": crontab(hour=7, minute=15)},
    "forget-unconfirmed-alerts": {  # follows nobody confirmed (funding/alerts/)
        "task": "funding.tasks.forget_unconfirmed_alerts", "schedule": crontab(hour=4, minute=20)},
    "flush-outbox": {  # tasks the broker could not take when they were queued
        "task": "cms.outbox.tasks.flush_outbox",
        "schedule": 60.0,
    },
}
# Wagtail's own background tasks (reference index, file deletion) run in-process: they are
# cheap, and a broker that is down must never make a publish fail.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Elasticsearch -----------------------------------------------------------------------
# One index per language behind the alias <prefix>-<language> (search/elastic/). Wagtail's
# own index updates (the TASKS above, in-process) keep only the database index, which is
# also the fallback; Celery tasks (search/tasks.py) own Elasticsearch and are queued only
# when SEARCH_ENGINE is "elasticsearch".
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "wegweiser")
ELASTICSEARCH_TIMEOUT = env_int("ELASTICSEARCH_TIMEOUT", 2)  # seconds per request, no retries

# --- E-mail ------------------------------------------------------------------------------
globals().update(email_settings(env_str("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Wegweiser <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the contact form's messages go (legal/, README "Legal pages and contact").
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "kontakt@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Security defaults (tightened further in production.py) ------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views set SAMEORIGIN on their own responses
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
LOGIN_URL = "wagtailadmin_login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "cms.log_filters.WithoutTraceback"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "console_brief": {"class": "logging.StreamHandler", "filters": ["without_traceback"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Scanners send foreign Host headers all day: one line each, answered with our 400.
        "django.security.DisallowedHost": {"handlers": ["console_brief"], "propagate": False},
        # One line per background task and per page action is noise on the console.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},  # "Step 1 - …" per certificate PDF
    },
}

# --- Sign-in and account security ------------------------------------------------------
# Admin sign-in is throttled by django-axes (cms/accounts/signin.py): after
# AXES_FAILURE_LIMIT wrong passwords for one username from one client address, that pair is
# refused for AXES_COOLOFF_TIME, the right password too; a sign-in resets the count. Central
# staff see and lift lockouts under Settings -> Sign-in lockouts (cms/accounts/views.py).
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out attempts
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # turns a lockout into our answer
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # no record of every successful sign-in (personal data)
AXES_ENABLE_ADMIN = False  # django.contrib.admin is not installed; the Wagtail view is ours
AXES_CLIENT_IP_CALLABLE = "cms.accounts.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.accounts.signin.lockout_response"
LOGGING["loggers"]["axes"] = {"level": "WARNING"}  # failures and lockouts, not its banner
WAGTAILADMIN_USER_LOGIN_FORM = "cms.accounts.signin.LoginForm"
# How many reverse proxies in front of the app append to X-Forwarded-For (docker-compose:
# Varnish, 1). The client address is read that many entries from the right; 0 ignores the
# header, so a client cannot make up an address of its own.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Password-reset mails: at most this many per e-mail address and per client address within
# the window; further requests get the same answer and no mail (counted by keyed hashes).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "cms.accounts.signin.PasswordResetForm"
PASSWORD_RESET_WINDOW = datetime.timedelta(hours=1)
PASSWORD_RESET_LIMIT_PER_ADDRESS = 3
PASSWORD_RESET_LIMIT_PER_CLIENT = 10
CELERY_BEAT_SCHEDULE["prune-sign-in-records"] = {  # expired lockouts, old reset counters
    "task": "cms.accounts.tasks.prune_sign_in_records",
    "schedule": crontab(hour=3, minute=40),
}

# --- Learner accounts (django-allauth, cms/learners/) -----------------------------------
# Readers sign up with e-mail, password and full name under /<lang>/konto/ and confirm their
# address by a link before they can sign in. Every mail is rendered in the reader's language
# and sent through the outbox (cms/learners/adapter.py). Wrong passwords count towards the
# same django-axes lockout as the admin's (keyed by the lower-cased e-mail address and the
# client address); allauth's own limits stay in place, looser than axes' where both count.
INSTALLED_APPS += ["allauth", "allauth.account"]
MIDDLEWARE.append("allauth.account.middleware.AccountMiddleware")
AUTHENTICATION_BACKENDS.append("allauth.account.auth_backends.AuthenticationBackend")
AXES_USERNAME_CALLABLE = "cms.accounts.signin.axes_username"
ACCOUNT_ADAPTER = "cms.learners.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "cms.learners.forms.LoginForm",
    "signup": "cms.learners.forms.SignupForm",
    "reset_password": "cms.learners.forms.ResetPasswordForm",
    "reset_password_from_key": "cms.learners.forms.ResetPasswordKeyForm",
    "change_password": "cms.learners.forms.ChangePasswordForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"  # filled from the address by allauth
ACCOUNT_USER_DISPLAY = "cms.learners.adapter.user_display"  # in mails: the name, not "neu"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # mail scanners open links; confirming takes a button
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_INPUT_RENDER_VALUE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # no mail to addresses that have no account here
ACCOUNT_SESSION_REMEMBER = None  # the reader chooses ("Remember me")
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Wegweiser] "
# Links in mails: the scheme of BASE_URL, the host the reader used (checked by ALLOWED_HOSTS).
ACCOUNT_DEFAULT_HTTP_PROTOCOL = WAGTAILADMIN_BASE_URL.split("://", 1)[0]
ACCOUNT_RATE_LIMITS = {
    # Axes locks a (address, client) pair after AXES_FAILURE_LIMIT failures and says so;
    # allauth's limit per address (any client) and per client (any address) comes later.
    "login_failed": "10/m/ip,10/15m/key",
    "signup": "10/m/ip",
    "reset_password": "10/m/ip,3/m/key",
}

# --- Reader feedback (feedback/) --------------------------------------------------------
# "Was this page helpful?": one answer per client address, page and day (a keyed hash in the
# cache, never the address); notes after "No" are deleted after this many days.
FEEDBACK_LIMIT_SECONDS = 24 * 60 * 60
FEEDBACK_NOTE_MAX_AGE_DAYS = 30

# --- Events (events/) ---------------------------------------------------------------------
# A guest's name and e-mail address are deleted this many days after the event (counts kept).
EVENT_GUEST_RETENTION_DAYS = env_int("EVENT_GUEST_RETENTION_DAYS", 30)

# --- Caching of public pages (cms/caching/) ----------------------------------------------
# Anonymous reads of public pages are answered from Django's cache (the embedded default and
# behind the proxy) and may be kept by a caching proxy; invalidated on every content change.
INSTALLED_APPS += ["wagtail.contrib.frontend_cache", "cms.caching"]
# Outside SessionMiddleware, so that a cache hit touches neither the session nor the database.
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.gzip.GZipMiddleware") + 1,
                  "cms.caching.middleware.PageCacheMiddleware")
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = 600  # seconds in Django's cache; a change invalidates at once anyway
PAGE_CACHE_MAX_AGE = 0  # browsers cannot be purged: they ask again, so a change shows at once
PAGE_CACHE_S_MAXAGE = 600  # the proxy: purged on every change
# What every render of a page derives from the tree (routing, breadcrumbs, lists, language
# links), kept per process and content generation (cms/caching/memo.py). Off: every render
# works it out again, as the uncached reference the tests compare with.
RENDER_MEMO_ENABLED = True
# The caching proxy to purge (Varnish: http://varnish:80); unset, nothing is purged.
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
# Bad addresses are refused first (cms/middleware.py), before the page cache looks them up.
MIDDLEWARE.insert(MIDDLEWARE.index("cms.caching.middleware.PageCacheMiddleware"),
                  "cms.middleware.RequestGuardMiddleware")
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"

# --- What pages may do in the browser (cms/security/) -------------------------------------
# A strict Content-Security-Policy on every page: scripts, styles, images and fonts from this
# site only, no plugins, no framing, forms post here only. Outside the page cache, so cached
# answers carry it too.
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "cms.security.csp.SitePolicyMiddleware")
MIDDLEWARE.insert(MIDDLEWARE.index("cms.security.csp.SitePolicyMiddleware") + 1,
                  "django_permissions_policy.PermissionsPolicyMiddleware")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    },
}
# Wagtail's admin (and its previews) still needs inline script and style, blob: images from
# the image uploader, and to frame its own previews.
CSP_ADMIN_PREFIXES = ("/admin/",)
CSP_ADMIN_DIRECTIVES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# No camera, microphone, location, payment or ad-tracking APIs on any page.
PERMISSIONS_POLICY = {feature: [] for feature in (
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
    "encrypted-media", "geolocation", "gyroscope", "hid", "magnetometer", "microphone",
    "midi", "payment", "publickey-credentials-get", "serial", "usb", "xr-spatial-tracking",
)}
# Avatars from gravatar.com would tell a third party who uses the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
INSTALLED_APPS += ["csp"]
