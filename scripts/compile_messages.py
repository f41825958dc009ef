"""Compile locale/*/LC_MESSAGES/*.po to .mo with polib, so no system gettext is needed.

The .mo files are committed: `make run` on a fresh machine needs only Python.
"""

from pathlib import Path

import polib

root = Path(__file__).resolve().parent.parent / "locale"
for po_path in root.glob("*/LC_MESSAGES/*.po"):
    po = polib.pofile(str(po_path))
    po.save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"{po_path.relative_to(root.parent)}: {po.percent_translated()}% translated")
