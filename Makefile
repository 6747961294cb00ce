# Wegweiser: `make run` serves the site with demo content, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed

.PHONY: install run test lint messages clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) compile_catalogues
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

test: install
	.ci/system-packages
	$(BIN)/ruff check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) compile_catalogues
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Extract UI strings into locales/ (run after changing templates or Python strings).
messages: install
	$(MANAGE) makemessages --ignore ".venv" --ignore "content" -l de -l en -l ar -l fa -l ru -l uk -l tr -l vi

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
