"""Merge translations from a Python dict file into locale/vi/LC_MESSAGES/django.po.

Usage: python scripts/fill_translations.py FILE.py [...]; each file defines T or TRANSLATIONS (msgid or
(context, msgid) -> msgstr) and optionally PLURALS (msgid -> [forms]). Prints what is
still untranslated. Vietnamese has one plural form.
"""

import runpy
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"

T, PLURALS = {}, {}
for path in sys.argv[1:]:
    data = runpy.run_path(path)
    T.update(data.get("T", {}))
    T.update(data.get("TRANSLATIONS", {}))
    PLURALS.update(data.get("PLURALS", {}))

po = polib.pofile(str(PO))
po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
po.metadata["Language"] = "vi"
po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
missing = []
for entry in po:
    key = (entry.msgctxt, entry.msgid) if entry.msgctxt else entry.msgid
    if entry.msgid_plural:
        if entry.msgid in PLURALS:
            entry.msgstr_plural = dict(enumerate(PLURALS[entry.msgid]))
        elif "fuzzy" in entry.flags:
            # msgmerge's guess for a plural is never shipped either.
            entry.msgstr_plural = {0: ""}
    elif key in T:
        entry.msgstr = T[key]
    elif "fuzzy" in entry.flags:
        # msgmerge's guess from a similar msgid ("Export to Excel" → "Nhập từ Excel") is
        # never shipped: the entry stays untranslated until a file gives its Vietnamese.
        entry.msgstr = ""
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    if not entry.translated():
        missing.append(key)
po.save()
for key in missing:
    print("UNTRANSLATED:", key)
print(f"{len(po)} entries, {len(missing)} untranslated")
