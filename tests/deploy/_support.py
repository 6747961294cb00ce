"""Helpers for the deployment tests: the settings' environment variables, Compose-style
interpolation, the Dockerfile's instructions and running manage.py in a subprocess."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SETTINGS_DIR = PROJECT_ROOT / "wegweiser" / "settings"
COMPOSE_FILE = PROJECT_ROOT / "docker-compose.yml"
DOCKERFILE = PROJECT_ROOT / "Dockerfile"
DOCKER_DIR = PROJECT_ROOT / "docker"

# The typed readers in wegweiser/settings/env.py.
ENV_READERS = {"env_str", "env_bool", "env_int", "env_list", "env_required"}


def _reader_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name) and func.id in ENV_READERS:
        return func.id
    if isinstance(func, ast.Attribute) and func.attr in ENV_READERS:
        return func.attr
    return None


def _is_os_environ(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def settings_env_reads() -> tuple[dict[str, set[str]], list[str]]:
    """Every environment variable the settings modules read, found with `ast`.

    Returns ({name: {module file names}}, [calls whose name is not a string literal]).
    Besides the env_* readers this also picks up literal os.environ.get/os.getenv/
    os.environ[...] reads, so a setting that bypasses env.py is not missed. env.py itself
    only reads variables by parameter, which shows up as nothing here.
    """
    names: dict[str, set[str]] = {}
    dynamic: list[str] = []
    for path in sorted(SETTINGS_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            name_node = None
            if isinstance(node, ast.Call):
                func = node.func
                is_reader = _reader_name(node) is not None
                is_environ_get = (
                    isinstance(func, ast.Attribute)
                    and func.attr == "get"
                    and _is_os_environ(func.value)
                )
                is_getenv = (
                    isinstance(func, ast.Attribute)
                    and func.attr == "getenv"
                    and isinstance(func.value, ast.Name)
                    and func.value.id == "os"
                )
                if not (is_reader or is_environ_get or is_getenv) or not node.args:
                    continue
                name_node = node.args[0]
                if path.name == "env.py" and not is_reader:
                    continue  # the readers' own implementation: os.environ.get(name)
            elif isinstance(node, ast.Subscript) and _is_os_environ(node.value):
                name_node = node.slice
            else:
                continue
            if isinstance(name_node, ast.Constant) and isinstance(name_node.value, str):
                names.setdefault(name_node.value, set()).add(path.name)
            else:
                dynamic.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    return names, dynamic


# --- Compose -----------------------------------------------------------------------------

_VARIABLE = re.compile(
    r"\$(?:(?P<escaped>\$)"
    r"|\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?+])(?P<arg>[^}]*))?\}"
    r"|(?P<plain>[A-Za-z_][A-Za-z0-9_]*))"
)


class MissingVariable(Exception):
    """A required ${VAR:?message} variable is unset (Compose refuses to start)."""


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's variable substitution: $$, $VAR, ${VAR}, ${VAR:-x}, ${VAR-x}, ${VAR:?msg},
    ${VAR?msg}, ${VAR:+x}, ${VAR+x}. (No nesting; the compose file does not use it.)"""

    def replace(match: re.Match) -> str:
        if match.group("escaped"):
            return "$"
        name = match.group("braced") or match.group("plain")
        op, arg = match.group("op"), match.group("arg") or ""
        is_set = name in env
        is_nonempty = bool(env.get(name))
        present = is_nonempty if op and op.startswith(":") else is_set
        if op in (":-", "-"):
            return env[name] if present else arg
        if op in (":?", "?"):
            if not present:
                raise MissingVariable(f"{name}: {arg}")
            return env[name]
        if op in (":+", "+"):
            return arg if present else ""
        return env.get(name, "")

    return _VARIABLE.sub(replace, value)


def load_compose() -> dict:
    with COMPOSE_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def service_environment(service: dict) -> dict[str, str]:
    """A service's environment as a dict, whether written as a mapping or as a list."""
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        pairs = (item.split("=", 1) if "=" in item else (item, "") for item in environment)
        return {key: value for key, value in pairs}
    return {key: "" if value is None else str(value) for key, value in environment.items()}


# --- Dockerfile --------------------------------------------------------------------------


def dockerfile_instructions(text: str | None = None) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with comments dropped and continuations joined."""
    if text is None:
        text = DOCKERFILE.read_text(encoding="utf-8")
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue  # a comment inside a continued instruction
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        keyword, _, arguments = line.partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def final_stage(instructions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    starts = [index for index, (keyword, _) in enumerate(instructions) if keyword == "FROM"]
    return instructions[starts[-1] :]


# --- Subprocesses ------------------------------------------------------------------------


def clean_environment() -> dict[str, str]:
    """This process's environment without anything the settings read, and without the
    DJANGO_SETTINGS_MODULE that pytest-django set, so each test states its configuration."""
    names, _ = settings_env_reads()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in names and key != "DJANGO_SETTINGS_MODULE"
    }
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return env


def production_environment(tmp_path: Path) -> dict[str, str]:
    """What a deploy provides: production settings, a real secret, a throw-away database."""
    import secrets

    env = clean_environment()
    env.update(
        DJANGO_SETTINGS_MODULE="wegweiser.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="wegweiser.example.org",
        BASE_URL="https://wegweiser.example.org",
        CONTACT_EMAIL="kontakt@wegweiser.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "staticfiles"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    return env


def run_manage(*args: str, env: dict[str, str], timeout: int = 180):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
