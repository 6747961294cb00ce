"""`manage.py check --deploy` with the production settings, as a deploy would run them.

Each test starts a fresh interpreter (the settings are read once per process) with an
environment that holds only what the test states.
"""

import re
import subprocess
import sys

import pytest

from ._support import PROJECT_ROOT, production_environment, run_manage

CHECK_ID = re.compile(r"^\S+: \((?P<id>[\w.]+)\)", re.MULTILINE)

@pytest.fixture
def production_env(tmp_path):
    return production_environment(tmp_path)


def check_deploy(env):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    output = result.stdout + result.stderr
    return result.returncode, output, set(CHECK_ID.findall(output))


def test_check_deploy_passes_at_warning_level(production_env):
    returncode, output, _ = check_deploy(production_env)
    assert returncode == 0, output
    assert "WARNINGS" not in output, output
    assert "?: (security." not in output, output


def test_hsts_preload_can_be_turned_off_and_check_deploy_says_so(production_env):
    production_env["SECURE_HSTS_PRELOAD"] = "false"
    _, output, ids = check_deploy(production_env)
    assert ids == {"security.W021"}, output


@pytest.mark.parametrize("secret_key", [None, ""], ids=["unset", "empty"])
def test_production_refuses_to_start_without_secret_key(production_env, secret_key):
    if secret_key is None:
        del production_env["SECRET_KEY"]
    else:
        production_env["SECRET_KEY"] = secret_key
    result = run_manage("check", env=production_env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "The environment variable SECRET_KEY must be set." in result.stderr


def test_wsgi_application_defaults_to_production_and_needs_secret_key(production_env):
    """What gunicorn does: import wegweiser.wsgi, with no DJANGO_SETTINGS_MODULE of its own."""
    del production_env["DJANGO_SETTINGS_MODULE"]
    del production_env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "-c", "import wegweiser.wsgi"],
        cwd=PROJECT_ROOT,
        env=production_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "The environment variable SECRET_KEY must be set." in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(production_env):
    del production_env["ALLOWED_HOSTS"]
    result = run_manage("check", env=production_env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name the site's host names in production." in result.stderr


def test_production_refuses_to_start_without_its_public_address(production_env):
    del production_env["BASE_URL"]
    result = run_manage("check", env=production_env)
    assert result.returncode != 0
    assert "The environment variable BASE_URL must be set." in result.stderr


def test_check_deploy_refuses_a_local_address(production_env):
    production_env["BASE_URL"] = "http://localhost"
    _, output, ids = check_deploy(production_env)
    assert ids == {"wegweiser.E101", "wegweiser.E102"}, output
