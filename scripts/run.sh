#!/usr/bin/env bash
# `make run`: the web server and one background worker (Excel imports, reminders, the
# daily digest: `manage.py worker` is db_worker with the scheduler of periodic jobs) side
# by side; stopping the server (Ctrl+C) stops the worker too.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DEBUG=${DEBUG:-true}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
# No autoreload: a reload would kill an import half-way (it would be started again, but later).
$PY manage.py worker --interval 1 --no-reload &
worker=$!
trap 'kill "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT INT TERM
$PY manage.py runserver "$HOST:$PORT"
