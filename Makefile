# Retirement Loss Check — two commands: `make run` and `make test`.
# Everything else here is what those two call.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages the tests need: a browser for Playwright, pdftoppm for PDF page images,
# the Pango stack WeasyPrint draws with, and the store and proxy of the cluster test (which
# `make serve` runs too: nginx in front of gunicorn), and PostgreSQL, which `make test` runs the
# database tests on as well. GNU gettext (msgmerge, msgfmt) makes and compiles the Spanish catalogs
# (makemessages, compilemessages, `manage.py law --messages`); the compiled .mo files are committed.
APT_PACKAGES := chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
	redis-server nginx postgresql gettext

.PHONY: run test setup system-deps lint format migrate serve bench load test-postgres clean check-planner
WORKERS ?= $(shell echo $$(( $$(nproc) * 2 + 1 )))

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
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
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
	@echo "The database tests again, on PostgreSQL:"
	@$(MAKE) --no-print-directory test-postgres PG_TESTS='-m "database and not browser"'

# The production configuration, locally (deploy/serve.py): nginx on $(HOST):$(PORT) reading whole
# requests in front of gunicorn (config/gunicorn.py) on a private loopback port, WhiteNoise
# (compressed, hashed), DEBUG off, plain HTTP (no TLS here: no HTTPS redirect, no Secure-only
# cookies unless you set DJANGO_SECURE_SSL_REDIRECT / DJANGO_SECURE_COOKIES). It migrates (not
# with REDIS_URL) and collects the static files first. Slow clients wait in nginx, not in a
# worker (issue 13, finding 2); any stop leaves nothing running (issue 18, finding 14).
serve: setup system-deps
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) exec $(PY) -m deploy.serve

# Figures as ratios against floors measured in the same run (never asserted in make test).
bench: setup system-deps
	$(PY) bench/run.py

# The Locust mix alone, against its own production server on 127.0.0.1 (bounded users and time).
load: setup
	BENCH_USERS=$${BENCH_USERS:-200} BENCH_SECONDS=$${BENCH_SECONDS:-60} $(PY) -c "import bench.run as b; \
	  import os; w=(os.cpu_count() or 1)*2+1; \
	  cm=b.served(workers=w); cm.__enter__(); r=b.load_test(int(os.environ['BENCH_USERS']), int(os.environ['BENCH_SECONDS']), f'http://{b.HOST}:{b.PORT}'); cm.__exit__(None,None,None); \
	  [print(f'{k}: {v}') for k,v in r.items()]"

# The planner's state tax saved (issue 21) against PolicyEngine-US, an independent calculator: it
# prints the README's comparison table. Heavy (PolicyEngine and its numpy/pandas), so never part
# of `make test`, and installed into a throwaway venv of its own, never the locked .venv.
PE_VENV ?= .venv-policyengine
PE_VERSION ?= 2.68.0
check-planner:
	test -x $(PE_VENV)/bin/python || $(PYTHON) -m venv $(PE_VENV)
	$(PE_VENV)/bin/python -m pip install --quiet --disable-pip-version-check policyengine-us==$(PE_VERSION)
	$(PE_VENV)/bin/python bench/policyengine_check.py

# The whole suite (or PG_TESTS: `make test` passes its database tests) against a PostgreSQL
# server of its own: Debian's, a new cluster in a temporary folder listening on a socket only,
# stopped and removed however the run ends (Ctrl-C included), the run bounded by PG_TIMEOUT s.
PG_TESTS ?=
PG_TIMEOUT ?= 1200
test-postgres: setup system-deps
	@BIN=$$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); \
	  DIR=$$(mktemp -d /tmp/rlc-postgres.XXXXXX); AS=; \
	  if [ "$$(id -u)" = 0 ]; then chown postgres "$$DIR"; AS="runuser -u postgres --"; fi; \
	  trap '$$AS $$BIN/pg_ctl -D "$$DIR/data" -m fast stop >/dev/null 2>&1; rm -rf "$$DIR"' EXIT; \
	  trap 'exit 130' INT TERM; \
	  $$AS $$BIN/initdb -D "$$DIR/data" -A trust -U postgres >/dev/null && \
	  $$AS $$BIN/pg_ctl -D "$$DIR/data" -o "-k $$DIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" -l "$$DIR/log" -w -t 60 start >/dev/null && \
	  $(TEST_ENV) DATABASE_URL="postgres://postgres@$${DIR//\//%2F}/postgres" \
	    timeout --foreground -k 10 $(PG_TIMEOUT) $(PY) -m pytest $(PG_TESTS)

clean:
	rm -rf $(VENV) $(PE_VENV) db.sqlite3 staticfiles test-artifacts
