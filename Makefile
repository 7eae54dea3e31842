# Two entry points for a fresh machine: `make demo` and `make test`. No prompts anywhere.
# `make test-postgres` runs the same suite on PostgreSQL.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
PYTEST_ARGS ?=

BIN := $(VENV)/bin
VPY := $(BIN)/python
# Reinstall only when the dependency list changes; re-runs reuse the venv as it is.
STAMP := $(VENV)/.installed-stamp

.PHONY: demo serve test test-postgres browser lint format venv

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

# Browser tests drive Debian's chromium (Playwright's own download is not used); CJK fonts so
# screenshots show the Chinese UI rather than boxes. Installed here when missing, as .ci/run does.
test: $(STAMP) browser
	$(VPY) -m pytest $(PYTEST_ARGS)

# The same suite on PostgreSQL: the server DATABASE_URL names, else a throwaway cluster that
# .ci/with-postgres makes (installing Debian's postgresql when missing) and removes afterwards.
test-postgres: $(STAMP) browser
	.ci/with-postgres $(VPY) -m pytest $(PYTEST_ARGS)

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "make test: chromium is missing; installing chromium and fonts-noto-cjk with apt-get"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	  else echo "make test: not root and no sudo: run 'apt-get install chromium fonts-noto-cjk' as root" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null || { \
	    echo "make test: could not install chromium; run 'apt-get install chromium fonts-noto-cjk' as root" >&2; exit 1; }; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
