# doithoai — everything a developer or CI needs, from a fresh clone.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/doithoai
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: backup restore run worker test test-sqlite test-postgres test-browser bench lint format migrate demo messages check-deploy clean help

help:
	@echo "make run    — install, migrate SQLite, load demo data, serve on http://$(HOST):$(PORT)"
	@echo "make test   — install and run the whole suite (SQLite, PostgreSQL when reachable, browser)"
	@echo "make worker — the background worker alone (make run starts one)"
	@echo "make bench  — benchmarks"
	@echo "make lint   — ruff check and format check"
	@echo "make backup — back up the database and uploaded files to var/backups/"
	@echo "make restore FILE=… — restore such a backup (replaces the database and the files)"

$(VENV)/.installed: requirements/base.txt requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.txt
	touch $@

var:
	mkdir -p var

migrate: $(VENV)/.installed var
	DEBUG=true $(PY) manage.py migrate --noinput

demo: migrate
	DEBUG=true $(PY) manage.py load_demo

run: demo
	@echo "doithoai: http://$(HOST):$(PORT)/  (tài khoản demo: xem README.md)"
	HOST=$(HOST) PORT=$(PORT) bash scripts/run.sh

worker: migrate
	DEBUG=true $(PY) manage.py worker --no-reload

test: $(VENV)/.installed var
	bash scripts/test.sh

test-sqlite: $(VENV)/.installed var
	DEBUG=true $(PY) -m pytest -m "not browser"

test-postgres: $(VENV)/.installed var
	DEBUG=true DATABASE_URL=$(PG_URL) $(PY) -m pytest -m "not browser"

test-browser: $(VENV)/.installed var
	DEBUG=true $(PY) -m pytest -m browser

bench: $(VENV)/.installed var
	DEBUG=true $(PY) bench/run.py

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.installed
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

messages: $(VENV)/.installed var
	bash scripts/i18n.sh

check-deploy: $(VENV)/.installed
	DEBUG=false SECRET_KEY=check-deploy-$$RANDOM$$RANDOM$$RANDOM$$RANDOM-not-a-real-secret-0123456789abcdef \
	  ALLOWED_HOSTS=doithoai.example.vn $(PY) manage.py check --deploy --fail-level WARNING

backup: migrate
	DEBUG=true $(PY) manage.py backup

# make restore FILE=var/backups/doithoai-20261124-101500.tar
restore: $(VENV)/.installed var
	@test -n "$(FILE)" || { echo "Cho biết tệp sao lưu: make restore FILE=var/backups/doithoai-….tar"; exit 2; }
	DEBUG=true $(PY) manage.py restore "$(FILE)" --yes

clean:
	rm -rf var/static
