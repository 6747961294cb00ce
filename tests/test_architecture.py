"""Where an area lives, checked: imports point one way (the shell -> feature apps -> cms ->
cms.accounts), no import circle among the project's modules (imports inside functions
count), search imports no content app, and no source file grows past 450 lines."""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHELL = "wegweiser"
FEATURE_APPS = ("events", "feedback", "funding", "learning", "legal", "partners", "search",
                "translations")
PACKAGES = (SHELL, *FEATURE_APPS, "cms")
CONTENT = ("cms.models", "events", "funding", "learning", "partners")
MAX_LINES = 450


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts:
                continue
            name = ".".join(parts).removesuffix(".__init__")
            modules[name] = path
    return modules


MODULES = project_modules()


def _known(name: str) -> str | None:
    parts = name.split(".")
    while parts and ".".join(parts) not in MODULES:
        parts.pop()
    return ".".join(parts) or None


def imports_of(name: str) -> set[str]:
    """The project modules `name` imports, anywhere in it (functions included)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            submodules = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES]
            # `from pkg import module` imports the module; the package's own names otherwise.
            targets = submodules if len(submodules) == len(node.names) else [base, *submodules]
        else:
            continue
        found |= {known for target in targets if (known := _known(target)) and known != name}
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def layer(name: str) -> int:
    top = name.split(".")[0]
    if top == SHELL:
        return 3
    if top in FEATURE_APPS:
        return 2
    return 0 if name.startswith("cms.accounts") else 1


def test_imports_point_one_way():
    upward = sorted(f"{module} -> {target}" for module, targets in GRAPH.items()
                    for target in targets if layer(target) > layer(module))
    assert upward == []


def test_search_imports_no_content_app():
    found = sorted(f"{module} -> {target}" for module, targets in GRAPH.items()
                   if module.startswith("search") for target in targets
                   if target.startswith(CONTENT))
    assert found == []


def test_no_import_circle():
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            members = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                members.append(member)
                if member == node:
                    break
            if len(members) > 1:
                circles.append(sorted(members))

    for module in GRAPH:
        if module not in index:
            visit(module)
    assert circles == []


@pytest.mark.parametrize("folder", [*PACKAGES, "tests", "benchmarks"])
def test_no_source_file_over_450_lines(folder):
    long = {str(path.relative_to(ROOT)): lines for path in (ROOT / folder).rglob("*.py")
            if "migrations" not in path.parts
            and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_checks_see_the_project():
    """Guards the checks above against passing on an empty graph."""
    assert len(MODULES) > 100
    assert "cms.searchable" in GRAPH["search.engines.database"]
    assert "cms.models" in GRAPH["funding.models"]
    assert layer("search.views") > layer("cms.views") > layer("cms.accounts.models")
    counts = defaultdict(int)
    for module in GRAPH:
        counts[module.split(".")[0]] += 1
    assert all(counts[package] for package in PACKAGES)
