# make install:       .venv with runtime + dev + PostgreSQL dependencies (what the tests need)
# make run:           serve the site at http://127.0.0.1:$(PORT) on SQLite; installs the
#                     runtime dependencies only (`pip install -e .`), quietly
# make run-errors:    the same with debug off, to see the styled 404, 400, 403 and 500 pages
# make test:          ruff + the whole pytest suite (SQLite), every layer, in parallel
# make quick:         ruff + the suite without the browser and the slow tests (while working)
# make docs:          rewrite the tables in docs/ from the code (vocabulary, rules, law)
# make translations:  list the Spanish texts (rules/content/es/) whose English changed since
# make test-postgres: the tests that touch the database, on PostgreSQL (DATABASE_URL, or a
#                     local server that scripts/postgres-up.sh installs and starts; needs root/sudo)
# make loadtest:      gunicorn with production settings on 127.0.0.1, driven by wrk
# make bench:         CPU per page as a multiple of a bare view (goals in tests/budgets.py),
#                     throughput as a ratio to /healthz, queries and bytes
# make audit:         Lighthouse (accessibility, best practices, SEO) on four pages
# make faults:        results, API, tables and /healthz timed against a hanging, refused or broken database
# make slowclients:   50 slow connections beside a normal visitor, with and without nginx
# make cluster:       two gunicorn instances on one PostgreSQL behind nginx: journey, editor, kill
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# pytest-xdist workers: one per CPU by default (`make test JOBS=1` runs in one process).
JOBS ?= auto

.PHONY: install run run-errors docs translations messages test quick test-postgres lint loadtest bench audit faults slowclients cluster nginx clean

# Two stamps: what running needs, and that plus the development tools. A dev install
# covers running too, so `make run` after `make test` installs nothing.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing what the site needs to run into $(VENV) (first time only)..."
	@$(BIN)/pip install --quiet -e .
	@touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,postgres]'
	touch $@ $(RUN_STAMP)

install: $(DEV_STAMP)

run: $(RUN_STAMP)
	@DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput --verbosity 0
	@DJANGO_DEBUG=1 DJANGO_RUNSERVER_HIDE_WARNING=true exec $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production error pages (404, 400, 403, 500) on a development checkout: debug off,
# plus /boom/, /denied/ and /suspicious/, which fail on purpose (tests/production/).
run-errors: $(RUN_STAMP)
	@DJANGO_DEV=1 $(BIN)/python manage.py migrate --noinput --verbosity 0
	@DJANGO_DEV=1 DJANGO_RUNSERVER_HIDE_WARNING=true exec $(BIN)/python manage.py \
	  runserver 127.0.0.1:$(PORT) --settings tests.production.settings_errors

# The tables in docs/ from the code (tests/test_docs.py checks they agree).
docs: $(RUN_STAMP)
	$(BIN)/python -m scripts.docs

# The Spanish texts whose English changed since they were translated (scripts/translations.py).
translations: $(RUN_STAMP)
	$(BIN)/python -m scripts.translations

# The translations: the law's words for makemessages, then locale/es/LC_MESSAGES/django.po
# updated (new messages empty, to translate) and compiled to django.mo (committed).
messages: $(RUN_STAMP)
	DJANGO_DEV=1 $(BIN)/python -m scripts.law_messages
	DJANGO_DEV=1 $(BIN)/python -m scripts.page_messages
	DJANGO_DEV=1 $(BIN)/python manage.py makemessages -l es --no-location --no-obsolete \
		--ignore=.venv --ignore=tests --ignore=staticfiles --ignore=docs --ignore=deploy
	DJANGO_DEV=1 $(BIN)/python manage.py compilemessages -l es --ignore=.venv

lint: install
	$(BIN)/ruff check .

test: install
	$(BIN)/ruff check .
	DJANGO_DEV=1 $(BIN)/python -m pytest -n $(JOBS)

quick: install
	$(BIN)/ruff check .
	DJANGO_DEV=1 $(BIN)/python -m pytest -n $(JOBS) -m "not browser and not slow"

test-postgres: install
	@url="$${DATABASE_URL:-}"; \
	case "$$url" in postgres*) ;; *) url=$$(scripts/postgres-up.sh) ;; esac; \
	echo "Running the tests that touch the database on PostgreSQL ($${url##*@})"; \
	DJANGO_DEV=1 DATABASE_URL="$$url" $(BIN)/python -m pytest -n $(JOBS) -m "database and not browser"

wrk:
	@command -v wrk >/dev/null || { \
	  echo "installing wrk (Debian package)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null || \
	    { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; \
	  else sudo apt-get install -y -qq wrk >/dev/null; fi; }

nginx:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { \
	  echo "installing nginx (Debian package)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq nginx >/dev/null || \
	    { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }; \
	  else sudo apt-get install -y -qq nginx >/dev/null; fi; }

loadtest: install wrk
	$(BIN)/python -m scripts.loadtest

bench: install wrk
	$(BIN)/python -m scripts.bench

faults: install
	$(BIN)/python -m scripts.faults

slowclients: install wrk nginx
	$(BIN)/python -m scripts.slowclients

cluster: install wrk nginx
	@url="$${DATABASE_URL:-}"; \
	case "$$url" in postgres*) ;; *) url=$$(scripts/postgres-up.sh) ;; esac; \
	DATABASE_URL="$$url" $(BIN)/python -m scripts.cluster

audit: install
	$(BIN)/python -m scripts.audit

clean:
	rm -rf $(VENV) staticfiles *.egg-info
