"""Write the nginx configuration of doithoai with this installation's values.

    python deploy/render.py OUTPUT_DIR NAME=VALUE ...

renders deploy/nginx/doithoai.conf and deploy/nginx/doithoai-proxy.conf into OUTPUT_DIR,
replacing each @NAME@. Names and defaults:

    SERVER_NAME    (required)  the public host name, e.g. doithoai.example.vn
    UPSTREAMS      127.0.0.1:8000   web machines (gunicorn), separated by commas
    STATIC_ROOT    (required)  where `manage.py collectstatic` put the static files
    TLS_CERT, TLS_KEY (required)  certificate chain and private key
    HTTP_LISTEN    80          HTTPS_LISTEN 443   (an address:port works too)
    LOG_DIR        /var/log/nginx
    SNIPPETS_DIR   OUTPUT_DIR  where doithoai-proxy.conf is included from

A placeholder left without a value stops it (nothing is written).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "nginx"
FILES = ("doithoai.conf", "doithoai-proxy.conf")
DEFAULTS = {"UPSTREAMS": "127.0.0.1:8000", "HTTP_LISTEN": "80", "HTTPS_LISTEN": "443", "LOG_DIR": "/var/log/nginx"}
PLACEHOLDER = re.compile(r"@([A-Z_]+)@")


def render(output: Path, values: dict[str, str]) -> list[Path]:
    values = {**DEFAULTS, "SNIPPETS_DIR": str(output), **values}
    upstreams = [u.strip() for u in values.pop("UPSTREAMS").split(",") if u.strip()]
    if not upstreams:
        raise ValueError("UPSTREAMS names no web machine")
    values["UPSTREAM_SERVERS"] = "\n".join(f"    server {u} max_fails=3 fail_timeout=10s;" for u in upstreams)
    texts = {}
    for name in FILES:
        text = (HERE / name).read_text(encoding="utf-8")
        missing = sorted({m for m in PLACEHOLDER.findall(text) if m not in values})
        if missing:
            raise ValueError(f"{name}: no value for {', '.join(missing)}")
        texts[name] = PLACEHOLDER.sub(lambda m: values[m.group(1)], text)
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in texts.items():
        (output / name).write_text(text, encoding="utf-8")
        written.append(output / name)
    return written


def main(argv: list[str]) -> int:
    if len(argv) < 2 or any("=" not in a for a in argv[2:]):
        print(__doc__, file=sys.stderr)
        return 2
    values = dict(a.split("=", 1) for a in argv[2:])
    try:
        for path in render(Path(argv[1]), values):
            print(path)
    except ValueError as error:
        print(f"render.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
