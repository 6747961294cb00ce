# Production image for Wegweiser: gunicorn serves the site; the same image runs the Celery
# worker and beat (see docker-compose.yml). Build: docker build -t wegweiser .
#
# The code runs from /app, not from site-packages: wegweiser/settings/base.py derives BASE_DIR
# from its own file location and finds templates/, static/, locales/ and content/ next to
# wegweiser/, and those directories are not part of the wheel. `pip install .` supplies the dependencies;
# PYTHONPATH=/app makes sure the checkout in /app is the copy that is imported.

# --- Build stage: dependencies and the project into a virtualenv -------------------------
FROM python:3.12-slim AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"

WORKDIR /src
COPY pyproject.toml ./
COPY wegweiser ./wegweiser
COPY cms ./cms
COPY funding ./funding
COPY partners ./partners
COPY search ./search
COPY translations ./translations
COPY feedback ./feedback
COPY learning ./learning
COPY legal ./legal
COPY events ./events
# Only the runtime dependencies: no [test] extras in the image.
RUN pip install .

# --- Runtime stage -----------------------------------------------------------------------
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/opt/venv/bin:$PATH" \
    PYTHONPATH=/app \
    DJANGO_SETTINGS_MODULE=wegweiser.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media \
    WEB_CONCURRENCY=3

# Pango and HarfBuzz for WeasyPrint (certificate PDFs); the fonts come with the code.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
        libharfbuzz0b libharfbuzz-subset0 \
    && rm -rf /var/lib/apt/lists/*

# A fixed, unprivileged uid/gid so that volume ownership is predictable.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /home/app --create-home \
        --shell /usr/sbin/nologin app

COPY --from=build /opt/venv /opt/venv

WORKDIR /app
COPY . /app

# Static files are collected (and compressed/hashed by WhiteNoise) at build time, and the
# gettext catalogues compiled so that every service - not just the one that runs the
# entrypoint's compile step - has them. The settings module refuses to load without
# SECRET_KEY, ALLOWED_HOSTS and BASE_URL, so they get throw-away values that exist only for these two
# commands: they are inline environment, not ENV, and are not part of the final image's
# configuration. Nothing here connects to a database.
RUN SECRET_KEY="build-only-not-a-secret" ALLOWED_HOSTS="localhost" BASE_URL="https://localhost" \
        python manage.py collectstatic --noinput \
    && SECRET_KEY="build-only-not-a-secret" ALLOWED_HOSTS="localhost" BASE_URL="https://localhost" \
        python manage.py compile_catalogues \
    && chmod 0755 /app/docker/entrypoint.sh /app/docker/healthcheck.py \
    && mkdir -p /app/media /app/locales \
    && chown -R app:app /app/media /app/locales

USER 10001:10001

EXPOSE 8000

# /healthz/ is exempt from the HTTPS redirect (SECURE_REDIRECT_EXEMPT); the script sends a
# Host header taken from ALLOWED_HOSTS, so Django does not reject the probe with a 400.
HEALTHCHECK --interval=30s --timeout=10s --start-period=300s --retries=3 \
    CMD ["python", "/app/docker/healthcheck.py", "http", "http://127.0.0.1:8000/healthz/"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
# sh -c so that WEB_CONCURRENCY is expanded at start; `exec` makes gunicorn the process that
# receives the container's signals.
CMD ["sh", "-c", "exec gunicorn wegweiser.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3}"]
