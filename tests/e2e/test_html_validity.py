"""The W3C Nu HTML checker (npm vnu-jar) on the HTML the server sends for every page type.
One Java run checks all pages: starting the JVM costs more than the checking."""

import json
import subprocess

import pytest

from tests.e2e.conftest import NODE_MODULES
from tests.e2e.event_steps import open_attendance, sign_in_as_coordinator
from tests.e2e.learning_steps import ServedPages
from tests.e2e.pages import LANGUAGES, PAGE_TYPES

# How pages look and read in the browser: the same on every database, so CI checks it
# once (the SQLite pass; .ci/run).
pytestmark = pytest.mark.rendering

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_type_is_valid_html(page, tmp_path):
    files = []
    for language in LANGUAGES:
        for page_type in PAGE_TYPES:
            response = page.request.get(page_type.url(language))
            assert response.status == page_type.status, page_type.url(language)
            path = tmp_path / f"{page_type.name}-{language}.html"
            path.write_bytes(response.body())
            files.append(str(path))

    errors = nu_errors(files)
    assert not errors, "\n".join(errors)


def test_attendance_list_is_valid_html(page, tmp_path):
    """As a coordinator of the organising organisation sees it (signed in)."""
    served = ServedPages(tmp_path)
    sign_in_as_coordinator(page, "de")
    for language in LANGUAGES:
        open_attendance(page, language)
        served.keep(page, f"attendance-{language}")
    errors = nu_errors(served.files)
    assert not errors, "\n".join(errors)


def nu_errors(files: list[str]) -> list[str]:
    """The Nu checker's errors in the given HTML files, as `file:line: message`."""
    run = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always",
                          *files], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    messages = json.loads(run.stderr)["messages"]
    return [f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
            for m in messages if m["type"] in ("error", "non-document-error")]
