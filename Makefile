# Wegweiser: `make run` serves the site with demo content, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed

.PHONY: install run test lint messages clean browser-deps system-deps

# The .mo catalogues are built, not committed: every target that runs the site needs them.
install: $(STAMP)
	$(MANAGE) compile_catalogues

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

test: install browser-deps
	$(BIN)/ruff check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Extract UI strings into locales/ (run after changing templates or Python strings).
messages: install
	$(MANAGE) makemessages --ignore ".venv" --ignore "content" -l de -l en -l ar -l fa -l ru -l uk -l tr -l vi

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles

# System programs the tests start (chromium, Java for the Nu HTML checker, npm, varnish, nginx,
# wrk) come from apt when missing (Playwright's own browser downloads do not work everywhere),
# then axe-core and vnu-jar from package-lock.json.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
NODE_STAMP := node_modules/.package-lock.json

browser-deps: system-deps $(NODE_STAMP)

system-deps:
	$(SUDO) .ci/system-packages

$(NODE_STAMP): package.json package-lock.json | system-deps
	npm ci --ignore-scripts --no-audit --no-fund
