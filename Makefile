# make install: .venv with runtime + dev dependencies
# make run:     serve the site at http://127.0.0.1:$(PORT) on SQLite
# make test:    ruff + the whole pytest suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: install run test lint clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

run: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .

test: install
	$(BIN)/ruff check .
	DJANGO_DEV=1 $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) staticfiles *.egg-info
