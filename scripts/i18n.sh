#!/usr/bin/env bash
# Refresh the Vietnamese catalogue: collect every msgid, fill the translations kept in
# scripts/translations/*_vi.py, compile the .mo. Serialised with flock, because the
# catalogue is one file that several people (or sessions) may refresh at once.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
exec 9>var/i18n.lock
flock 9
DEBUG=true $PY manage.py makemessages -l vi --no-obsolete --ignore=.venv --ignore=var --ignore=tests >/dev/null
$PY scripts/fill_translations.py scripts/translations/*_vi.py
$PY scripts/compile_messages.py
