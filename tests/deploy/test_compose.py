"""docker-compose.yml and the Dockerfile describe a complete, healthy production stack.

No Docker engine is needed: the files are parsed and checked against what the settings read.
"""

import json
import re
import shlex
import subprocess
import sys

import pytest

from ._support import (
    COMPOSE_FILE,
    DOCKER_DIR,
    PROJECT_ROOT,
    MissingVariable,
    clean_environment,
    dockerfile_instructions,
    final_stage,
    interpolate,
    load_compose,
    service_environment,
    settings_env_reads,
)

APP_SERVICES = ("web", "worker", "beat")
ALL_SERVICES = {"web", "worker", "beat", "db", "redis", "elasticsearch", "varnish", "media"}
# Values for the variables docker-compose.yml requires (${VAR:?…}).
REQUIRED_SAMPLE = {
    "SECRET_KEY": "sample-" + "k" * 60,
    "POSTGRES_PASSWORD": "sample-password",
    "ALLOWED_HOSTS": "wegweiser.example.org",
    "BASE_URL": "https://wegweiser.example.org",
    "CONTACT_EMAIL": "kontakt@wegweiser.example.org",
}


@pytest.fixture(scope="module")
def compose():
    return load_compose()


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


@pytest.fixture(scope="module")
def settings_names():
    names, _ = settings_env_reads()
    return names


# --- What the settings read ---------------------------------------------------------------


def test_settings_env_reads_are_found_and_literal():
    names, dynamic = settings_env_reads()
    # A variable name that is not a string literal cannot be checked against the compose file.
    assert dynamic == []
    # Sanity check of the ast scan itself: these are read in base.py / production.py.
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SECURE_SSL_REDIRECT"} <= set(names)


@pytest.mark.parametrize("service_name", APP_SERVICES)
def test_every_setting_variable_is_provided(services, settings_names, service_name):
    # Nothing is excluded: every variable any wegweiser/settings/*.py module reads (DEBUG
    # included, which production.py overrides anyway) is set explicitly, so no value silently comes
    # from a default that was meant for development.
    environment = service_environment(services[service_name])
    missing = sorted(set(settings_names) - set(environment))
    assert missing == [], f"{service_name} lacks {missing} (read in {settings_names})"


def test_app_environment_is_written_once_and_shared(compose, services):
    raw = COMPOSE_FILE.read_text(encoding="utf-8")
    assert re.search(r"^x-app-env: &app-env$", raw, re.MULTILINE)
    shared = service_environment({"environment": compose["x-app-env"]})
    for name in APP_SERVICES:
        environment = service_environment(services[name])
        assert {key: environment.get(key) for key in shared} == shared, name
    # The anchor is the only place a setting is written: no copy of the variables.
    assert raw.count("SECRET_KEY: ${SECRET_KEY") == 1


def test_fixed_service_addresses(compose):
    env = service_environment({"environment": compose["x-app-env"]})
    assert env["DJANGO_SETTINGS_MODULE"] == "wegweiser.settings.production"
    assert re.fullmatch(r"postgres://[^@]+@db:5432/\S+", env["DATABASE_URL"])
    assert env["REDIS_URL"] == "redis://redis:6379/1"
    assert env["CELERY_BROKER_URL"] == "redis://redis:6379/0"
    assert env["SEARCH_ENGINE"] == "elasticsearch"
    assert env["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"


def test_secret_key_has_no_default(compose):
    value = compose["x-app-env"]["SECRET_KEY"]
    assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]+\}", value), value
    with pytest.raises(MissingVariable, match="SECRET_KEY"):
        interpolate(value, {})
    with pytest.raises(MissingVariable, match="SECRET_KEY"):
        interpolate(value, {"SECRET_KEY": ""})  # `:?` rejects an empty value too


def test_every_value_interpolates(compose):
    """With the required variables set, every ${…} in the file resolves (no typos in the
    syntax), and without any one of them Compose refuses to start."""

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)
        elif isinstance(node, str):
            yield node

    strings = list(walk(compose))
    for string in strings:
        # Apart from $$ (a literal $ for the container's shell) every $ must be a variable
        # reference that Compose understands and replaces.
        assert "$" not in interpolate(string.replace("$$", ""), REQUIRED_SAMPLE), string
    for name in REQUIRED_SAMPLE:
        partial = {key: value for key, value in REQUIRED_SAMPLE.items() if key != name}
        with pytest.raises(MissingVariable, match=name):
            for string in strings:
                interpolate(string, partial)


def test_compose_environment_is_accepted_by_production_settings(compose):
    """The interpolated app environment loads wegweiser.settings.production and yields the
    intended configuration (bools and numbers parse, PostgreSQL/Redis/Celery are used)."""
    env = clean_environment()
    for key, value in service_environment({"environment": compose["x-app-env"]}).items():
        env[key] = interpolate(value, REQUIRED_SAMPLE)
    script = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "DEBUG": s.DEBUG,
    "ENGINE": s.DATABASES["default"]["ENGINE"],
    "DB_HOST": s.DATABASES["default"]["HOST"],
    "CONN_MAX_AGE": s.DATABASES["default"]["CONN_MAX_AGE"],
    "CACHE": s.CACHES["default"]["BACKEND"],
    "EAGER": s.CELERY_TASK_ALWAYS_EAGER,
    "SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "HSTS": s.SECURE_HSTS_SECONDS,
    "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "STATIC_ROOT": str(s.STATIC_ROOT),
    "MEDIA_ROOT": str(s.MEDIA_ROOT),
}))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded == {
        "DEBUG": False,
        "ENGINE": "django.db.backends.postgresql",
        "DB_HOST": "db",
        "CONN_MAX_AGE": 60,
        "CACHE": "cms.caching.resilient.ResilientRedisCache",
        "EAGER": False,
        "SSL_REDIRECT": True,
        "HSTS": 31536000,
        "ALLOWED_HOSTS": ["wegweiser.example.org"],
        "STATIC_ROOT": "/app/staticfiles",
        "MEDIA_ROOT": "/app/media",
    }


# --- Services, images, commands -----------------------------------------------------------


def test_the_eight_services_exist(services):
    assert set(services) == ALL_SERVICES


def test_images(services):
    assert services["db"]["image"] == "postgres:16"
    assert services["redis"]["image"] == "redis:7"
    assert re.fullmatch(
        r"docker\.elastic\.co/elasticsearch/elasticsearch:8\.15\.\d+",
        services["elasticsearch"]["image"],
    )
    images = {services[name]["image"] for name in APP_SERVICES}
    assert len(images) == 1, "web, worker and beat run the same image"
    for name in APP_SERVICES:
        assert services[name]["build"]["context"] == "."


def test_web_runs_the_image_default_gunicorn_command(services):
    assert "command" not in services["web"]  # the Dockerfile's CMD, checked below
    cmd = dict(final_stage(dockerfile_instructions()))["CMD"]
    argv = json.loads(cmd)
    assert argv[:2] == ["sh", "-c"]
    assert argv[2] == (
        "exec gunicorn wegweiser.wsgi:application --bind 0.0.0.0:8000 "
        "--workers ${WEB_CONCURRENCY:-3}"
    )


def test_worker_and_beat_commands(services):
    assert services["worker"]["command"] == [
        "celery", "-A", "wegweiser", "worker", "-l", "info"]
    beat = services["beat"]["command"]
    assert beat[:6] == ["celery", "-A", "wegweiser", "beat", "-l", "info"]
    # The schedule file must not go to the working directory /app, which the app user cannot
    # write to.
    schedule = beat[beat.index("--schedule") + 1]
    assert schedule.startswith("/tmp/")


def test_only_web_runs_migrations(services):
    assert service_environment(services["web"]).get("RUN_MIGRATIONS") == "1"
    for name in ("worker", "beat"):
        assert service_environment(services[name]).get("RUN_MIGRATIONS", "0") != "1"


def test_varnish_publishes_port_8000_and_web_is_reached_through_it(services):
    ports = [interpolate(str(port), {}) for port in services["varnish"]["ports"]]
    assert ports == ["8000:80"], ports
    assert "ports" not in services["web"]  # no way around the cache's rules
    assert [str(port) for port in services["web"]["expose"]] == ["8000"]


def test_varnish_runs_the_projects_vcl_and_the_app_purges_it(compose, services):
    varnish = services["varnish"]
    assert re.fullmatch(r"varnish:7\.\d+", varnish["image"])
    mount = "./docker/varnish/default.vcl:/etc/varnish/default.vcl:ro"
    assert mount in varnish["volumes"]
    assert (DOCKER_DIR / "varnish" / "default.vcl").is_file()
    vcl = (DOCKER_DIR / "varnish" / "default.vcl").read_text(encoding="utf-8")
    # The backends are the compose services, on the ports they listen on.
    assert re.search(r'backend web \{\s*\.host = "web";\s*\.port = "8000";', vcl)
    assert re.search(r'backend media \{\s*\.host = "media";\s*\.port = "80";', vcl)
    env = service_environment({"environment": compose["x-app-env"]})
    assert env["FRONTEND_CACHE_URL"] == "http://varnish:80"
    assert env["PAGE_CACHE"] == "true"
    assert set(varnish["depends_on"]) == {"web", "media"}


def test_uploaded_images_are_served_by_nginx_from_the_media_volume(compose, services):
    media = services["media"]
    assert re.fullmatch(r"nginx:1\.\d+-alpine", media["image"])
    assert "media:/srv/media:ro" in media["volumes"]
    assert "./docker/nginx/media.conf:/etc/nginx/conf.d/default.conf:ro" in media["volumes"]
    assert (DOCKER_DIR / "nginx" / "media.conf").is_file()
    assert "ports" not in media  # only Varnish talks to it


def test_media_volume_is_shared_by_web_and_worker(compose, services):
    media_root = compose["x-app-env"]["MEDIA_ROOT"]
    for name in ("web", "worker"):
        assert f"media:{media_root}" in services[name]["volumes"], name
    assert "media" in compose["volumes"]


@pytest.mark.parametrize(
    ("service_name", "path"),
    [
        ("db", "/var/lib/postgresql/data"),
        ("redis", "/data"),
        ("elasticsearch", "/usr/share/elasticsearch/data"),
    ],
)
def test_data_services_keep_data_in_named_volumes(compose, services, service_name, path):
    mounts = [volume.split(":") for volume in services[service_name]["volumes"]]
    sources = [source for source, target, *_ in mounts if target == path]
    assert sources and sources[0] in compose["volumes"], mounts


def test_elasticsearch_single_node_without_security(services):
    environment = service_environment(services["elasticsearch"])
    assert environment["discovery.type"] == "single-node"
    assert environment["xpack.security.enabled"] == "false"
    assert environment["ES_JAVA_OPTS"] == "-Xms512m -Xmx512m"
    assert "ports" not in services["elasticsearch"]  # internal network only


# --- Health and start order ---------------------------------------------------------------


@pytest.mark.parametrize("service_name", sorted(ALL_SERVICES))
def test_every_service_has_a_healthcheck(services, service_name):
    healthcheck = services[service_name].get("healthcheck")
    assert healthcheck, f"{service_name} has no healthcheck"
    assert not healthcheck.get("disable")
    test = healthcheck["test"]
    assert isinstance(test, list) and test[0] in {"CMD", "CMD-SHELL"}, test
    assert len(test) > 1 and all(part.strip() for part in test[1:]), test


def test_web_healthcheck_requests_healthz(services):
    test = services["web"]["healthcheck"]["test"]
    assert "http://127.0.0.1:8000/healthz/" in test
    assert "/app/docker/healthcheck.py" in test
    assert (DOCKER_DIR / "healthcheck.py").is_file()


def test_worker_healthcheck_pings_its_own_node(services):
    command = services["worker"]["healthcheck"]["test"][1]
    # $$ so that the container's shell, not Compose, expands HOSTNAME.
    assert "celery -A wegweiser inspect ping --destination celery@$$HOSTNAME" in command


def test_app_services_wait_for_healthy_dependencies(services):
    expected = {
        "web": {"db", "redis", "elasticsearch"},
        "worker": {"db", "redis"},
        "beat": {"db", "redis"},
    }
    for name, needed in expected.items():
        depends_on = services[name]["depends_on"]
        assert isinstance(depends_on, dict), "the long form is needed for conditions"
        assert needed <= set(depends_on), (name, depends_on)


def test_every_dependency_uses_service_healthy(services):
    for name, service in services.items():
        depends_on = service.get("depends_on", {})
        assert isinstance(depends_on, dict), name
        for target, condition in depends_on.items():
            assert condition == {"condition": "service_healthy"}, (name, target)
            assert services[target].get("healthcheck"), (name, target)


# --- Dockerfile ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dockerfile():
    return dockerfile_instructions()


@pytest.fixture(scope="module")
def runtime(dockerfile):
    return final_stage(dockerfile)


def test_dockerfile_bases_on_python_312_slim(dockerfile):
    bases = [arguments.split()[0] for keyword, arguments in dockerfile if keyword == "FROM"]
    assert bases and all(base == "python:3.12-slim" for base in bases), bases


def test_dockerfile_runs_as_non_root_user(runtime):
    users = [arguments for keyword, arguments in runtime if keyword == "USER"]
    assert users, "the final stage has no USER"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}
    # Nothing after the last USER switches back.
    last_user = max(i for i, (keyword, _) in enumerate(runtime) if keyword == "USER")
    assert all(keyword != "USER" for keyword, _ in runtime[last_user + 1 :])


def test_dockerfile_build_stage_has_every_package(dockerfile):
    # `pip install .` in the build stage finds the packages pyproject.toml names; a package
    # not copied there would be missing from the wheel's metadata (the code runs from /app).
    import tomllib

    with (PROJECT_ROOT / "pyproject.toml").open("rb") as handle:
        include = tomllib.load(handle)["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = {pattern.rstrip("*") for pattern in include}
    starts = [index for index, (keyword, _) in enumerate(dockerfile) if keyword == "FROM"]
    build_stage = dockerfile[starts[0]:starts[-1]]
    copied = {arguments.split()[0] for keyword, arguments in build_stage if keyword == "COPY"}
    assert packages <= copied, packages - copied
    assert all((PROJECT_ROOT / package / "__init__.py").is_file() for package in packages)


def test_dockerfile_has_healthcheck_against_healthz(runtime):
    healthchecks = [arguments for keyword, arguments in runtime if keyword == "HEALTHCHECK"]
    assert len(healthchecks) == 1
    assert not healthchecks[0].upper().startswith("NONE")
    assert " CMD " in f" {healthchecks[0]} "
    assert "/healthz/" in healthchecks[0]


def test_dockerfile_installs_the_project_without_test_extras(dockerfile):
    runs = [arguments for keyword, arguments in dockerfile if keyword == "RUN"]
    installs = [run for run in runs if "pip install" in run]
    assert any(re.search(r"pip install (?:\S+ )*\.(?:\s|$)", run) for run in installs), installs
    assert not any("[test]" in run or "-e " in run for run in installs), installs


def test_dockerfile_collects_static_with_throwaway_secrets(dockerfile, runtime):
    env_lines = " ".join(arguments for keyword, arguments in runtime if keyword == "ENV")
    assert "DJANGO_SETTINGS_MODULE=wegweiser.settings.production" in env_lines
    runs = [arguments for keyword, arguments in runtime if keyword == "RUN"]
    collect = [run for run in runs if "manage.py collectstatic --noinput" in run]
    assert len(collect) == 1
    words = shlex.split(collect[0])
    assert any(word.startswith("SECRET_KEY=") for word in words)
    assert any(word.startswith("ALLOWED_HOSTS=") for word in words)
    # The throw-away values never become part of the image's environment.
    for keyword, arguments in dockerfile:
        if keyword in {"ENV", "ARG"}:
            assert "SECRET_KEY" not in arguments, (keyword, arguments)
            assert "ALLOWED_HOSTS" not in arguments, (keyword, arguments)


def test_image_and_compose_set_the_settings_module_explicitly(compose, runtime):
    # manage.py defaults to the dev settings, wegweiser/wsgi.py and wegweiser/celery.py (run
    # first, via wegweiser/__init__.py) to production - see test_check_deploy.py. Which one a
    # container starts with must never be left to a default.
    env_lines = " ".join(arguments for keyword, arguments in runtime if keyword == "ENV")
    assert "DJANGO_SETTINGS_MODULE=wegweiser.settings.production" in env_lines
    assert compose["x-app-env"]["DJANGO_SETTINGS_MODULE"] == "wegweiser.settings.production"


def test_dockerfile_runs_the_checkout_in_app(runtime):
    # wegweiser/settings/base.py finds templates/, static/ and locales/ relative to its own
    # file, so the code must be imported from /app, not from the copy pip put into site-packages.
    env_lines = " ".join(arguments for keyword, arguments in runtime if keyword == "ENV")
    assert "PYTHONPATH=/app" in env_lines
    assert ("WORKDIR", "/app") in runtime
    assert ("ENTRYPOINT", '["/app/docker/entrypoint.sh"]') in runtime
    assert (DOCKER_DIR / "entrypoint.sh").is_file()


def test_dockerignore_keeps_local_state_out_of_the_image():
    ignored = {
        line.strip()
        for line in (PROJECT_ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".git", ".venv", "*.sqlite3", ".env", "media", "staticfiles"} <= ignored
    # What the image needs must not be ignored.
    for needed in ("wegweiser", "cms", "funding", "partners", "search", "translations",
                   "templates", "static", "locales", "docker", "manage.py"):
        assert needed not in ignored
