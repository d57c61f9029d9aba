# Retirement Loss Check — two commands: `make run` and `make test`.
# Everything else here is what those two call.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages the tests need: a browser for Playwright, pdftoppm for PDF page images,
# and the Pango stack WeasyPrint draws with.
APT_PACKAGES := chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core

.PHONY: run test setup system-deps lint format migrate serve bench load clean

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $(STAMP)

setup: $(STAMP)

# Installs the Debian packages only where one is missing (root on CI; sudo elsewhere).
system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

migrate: setup
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput

run: migrate
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py runserver $(HOST):$(PORT)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Tests run in production mode (DEBUG off) with a throwaway key.
TEST_ENV := DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-test-only-secret-key} DJANGO_DEBUG=0

test: setup system-deps lint
	$(TEST_ENV) $(PY) manage.py law --check
	$(TEST_ENV) $(PY) -m pytest

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts
