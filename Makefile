# Two entry points for a fresh machine: `make demo` and `make test`. No prompts anywhere.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
PYTEST_ARGS ?=

BIN := $(VENV)/bin
VPY := $(BIN)/python
# Reinstall only when the dependency list changes; re-runs reuse the venv as it is.
STAMP := $(VENV)/.installed-stamp

.PHONY: demo serve test lint format venv

venv: $(STAMP)

$(VPY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(VPY)
	$(VPY) -m pip install --quiet --disable-pip-version-check '.[dev]'
	@touch $(STAMP)

# DEBUG is off by default (production's setting); the demo on a laptop asks for it explicitly.
demo: export DJANGO_DEBUG=1
demo: $(STAMP)
	$(VPY) manage.py migrate --noinput
	$(VPY) manage.py demo_setup
	@# The background worker (bulk-import parsing) runs beside the server and stops with it.
	$(VPY) manage.py db_worker --no-reload & trap 'kill $$! 2>/dev/null' EXIT; \
	$(VPY) manage.py runserver 127.0.0.1:$(PORT)

# Production: DEBUG off, DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS from the environment (the app
# refuses to start without a real key), gunicorn workers plus the task worker; stops together.
serve: export QBANK_WARM_UP=1
serve: $(STAMP)
	$(VPY) manage.py check --deploy --fail-level ERROR
	$(VPY) manage.py migrate --noinput
	$(VPY) manage.py collectstatic --noinput -v 0
	$(VPY) manage.py db_worker --no-reload --interval 1 & trap 'kill $$! 2>/dev/null' EXIT; \
	$(BIN)/gunicorn config.wsgi -c gunicorn.conf.py

test: $(STAMP)
	$(VPY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
