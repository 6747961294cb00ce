#!/bin/sh
# Entrypoint for every Wegweiser container (web, worker, beat).
#
# With RUN_MIGRATIONS=1 - set for the web service only, see docker-compose.yml - the database
# schema is migrated and the gettext catalogues compiled before the command starts. Any
# failure stops the container before it serves anything (set -e). Then the command (gunicorn,
# or celery worker/beat) replaces this shell, so it receives the container's signals.
set -eu

# The project root, i.e. the directory above docker/ (/app in the image).
APP_DIR=$(cd "$(dirname "$0")/.." && pwd)

if [ "${RUN_MIGRATIONS:-0}" = "1" ]; then
    echo "entrypoint: applying database migrations" >&2
    python "$APP_DIR/manage.py" migrate --noinput
    echo "entrypoint: compiling gettext catalogues" >&2
    python "$APP_DIR/manage.py" compile_catalogues
fi

exec "$@"
