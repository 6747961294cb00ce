"""A Celery worker knows the account-mail task: it is queued by name through the outbox,
and cms.learners is no Django app of its own for autodiscovery to find."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import django
django.setup()
from wegweiser.celery import app
app.loader.import_default_modules()  # what `celery worker` does at start
print("cms.learners.tasks.send_account_mail" in app.tasks)
"""


def test_worker_registers_the_account_mail_task():
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                            text=True, timeout=120,
                            env={"DJANGO_SETTINGS_MODULE": "wegweiser.settings.test",
                                 "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"
