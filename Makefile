# Network Portal: `make run` to try it, `make test` for every check.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
SHARED := ../shared
# apt-get needs root; use sudo where the shell is not root already.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=portal.settings.test
# pytest runs on every core; `make pytest TEST_WORKERS=0` runs in one process.
TEST_WORKERS ?= auto

.PHONY: help install run serve load-demo test lint format check-django check-deploy pytest conformance browser pg-client assets bench load clean

help: ## List the targets, one line each
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamps make a second run skip pip entirely until pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check '.[test]'
	@touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check '.[bench]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

var:
	@mkdir -p var/static

load-demo: install var ## Migrate and load the demo content (safe to repeat)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo

run: load-demo ## Set up everything and serve the demo portal on 127.0.0.1:8000
	@echo
	@echo "Network Portal:  http://$(HOST):$(PORT)/"
	@echo "Wagtail admin:   http://$(HOST):$(PORT)/admin/"
	@echo "Demo logins:     see the list above (kept in var/demo-logins.txt)"
	@echo "                 admin, wy-coordinator and wy-editor set up an authenticator app"
	@echo "                 (two-step sign-in) the first time they sign in"
	@echo
	$(MANAGE) runserver $(HOST):$(PORT)

browser: ## Install Debian's Chromium for the browser tests when it is missing
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The restore drill (tests/portal/test_backup.py) runs pg_dump and pg_restore
# when the tests run against PostgreSQL.
pg-client: ## Install PostgreSQL's client programs when DATABASE_URL is PostgreSQL and they are missing
	@case "$$DATABASE_URL" in postgres*) command -v pg_restore >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null; } ;; esac

lint: $(VENV)/.installed-test ## Check code style with ruff (lint and format)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test ## Format the code and fix what ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-django: $(VENV)/.installed-test var ## Run Django's system checks and look for missing migrations
	$(TEST_SETTINGS) $(MANAGE) check --fail-level WARNING
	$(TEST_SETTINGS) $(MANAGE) makemigrations --check --dry-run --noinput

# The production settings with a throwaway key: what a deployment must set is
# in the README; everything else must already pass Django's deployment checks.
check-deploy: $(VENV)/.installed-test var ## Run Django's deployment checks against the production settings
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	MFA_SECRET_ENCRYPTION_KEYS="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(32))')" \
	ALLOWED_HOSTS=portal.example.org \
	$(MANAGE) check --deploy --fail-level WARNING

pytest: $(VENV)/.installed-test browser pg-client var ## Run the pytest suite (browser tests included)
	$(BIN)/pytest --numprocesses $(TEST_WORKERS)

conformance: $(VENV)/.installed-test ## Run django-modelsearch's backend suite against the Whoosh backend (needs ../shared)
	@if [ -x $(SHARED)/conformance/run ] && [ -f search/backends/whoosh.py ]; then \
		.ci/conformance $(SHARED) $(BIN)/python; \
	else \
		echo "conformance: skipped, $(SHARED)/conformance is not on this machine"; \
	fi

test: lint check-django check-deploy pytest conformance ## Run every check: ruff, Django checks, deployment checks, migrations, pytest, conformance

assets: ## Rebuild the compiled CSS and JS from assets/ (needs Node and npm)
	npm ci --no-audit --no-fund
	npm run build

bench: $(VENV)/.installed-bench var ## Run the search benchmarks (slow; never run by CI)
	$(BIN)/python benchmarks/run.py

# `make load LOAD_ARGS="--duration 30s"` for a short trial; see benchmarks/README.md.
load: $(VENV)/.installed-bench var ## Load-test the portal under gunicorn for 5 minutes (slow; never run by CI)
	$(BIN)/python benchmarks/load.py $(LOAD_ARGS)

clean: ## Remove .venv and the local data in var/ (database, index, media, logins)
	rm -rf $(VENV) var
