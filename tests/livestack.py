"""Real servers for the deployment, load and concurrency tests: gunicorn started with
deploy/gunicorn.conf.py, nginx with deploy/nginx/ rendered into a temporary directory,
both as the current user with their pid, logs and temporary files under that directory.

The servers run against the test database of the pytest run (a file SQLite database or
PostgreSQL), so the tests that use them commit their data (transactional tests)."""

from __future__ import annotations

import getpass
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests
from django.db import connection
from requests.adapters import HTTPAdapter

ROOT = Path(__file__).resolve().parent.parent
NGINX = os.environ.get("NGINX_PATH", "/usr/sbin/nginx")
SECRET = "deployment-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


_STATIC: list[Path] = []


def collected_static() -> Path:
    """`manage.py collectstatic` as production runs it (hashed and compressed names), once
    per process: pages rendered with DEBUG off need its manifest."""
    if not _STATIC:
        root = Path(tempfile.mkdtemp(prefix="doithoai-static-"))
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        env.update(DEBUG="false", SECRET_KEY=SECRET, STATIC_ROOT=str(root), DATABASE_URL=f"sqlite:///{root}/unused")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        _STATIC.append(root)
    return _STATIC[0]


def production_env(tmp: Path, **extra) -> dict:
    """The environment of a production machine (DEBUG off) for the test database."""
    inherited = {k: v for k, v in os.environ.items() if k not in ("TASKS_BACKEND", "DJANGO_SETTINGS_MODULE")}
    inherited.pop("PYTEST_CURRENT_TEST", None)
    return {
        **inherited,
        "DEBUG": "false",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "https://127.0.0.1",
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": extra.pop("STATIC_ROOT", None) or str(collected_static()),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return done.stdout


def _wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{url}: server exited {process.returncode}\n{_tail(log)}")
        try:
            browser().get(url, timeout=10, allow_redirects=False)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    raise AssertionError(f"{url}: no answer after {timeout} s\n{_tail(log)}")


def _tail(path: Path, chars: int = 4000) -> str:
    return path.read_text(errors="replace")[-chars:] if path.exists() else ""


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@dataclass
class Gunicorn:
    process: subprocess.Popen
    port: int
    access_log: Path
    error_log: Path
    env: dict = field(repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(p) for p in children.read_text().split()] if children.exists() else []


def start_gunicorn(tmp: Path, env: dict, *, workers: int = 2) -> Gunicorn:
    """gunicorn with deploy/gunicorn.conf.py on a free loopback port."""
    port = free_port()
    access_log, error_log = tmp / "gunicorn-access.log", tmp / "gunicorn-error.log"
    env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_ACCESS_LOG": str(access_log),
        "GUNICORN_ERROR_LOG": str(error_log),
    }
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Gunicorn(process=process, port=port, access_log=access_log, error_log=error_log, env=env)
    try:
        _wait_for(f"{server.url}/", process, error_log)
        deadline = time.monotonic() + 30
        while len(server.worker_pids()) < workers and time.monotonic() < deadline:
            time.sleep(0.1)
    except BaseException:
        stop(process)
        raise
    return server


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "cert.pem", directory / "key.pem"
    done = subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return cert, key


@dataclass
class Nginx:
    process: subprocess.Popen
    http_port: int
    https_port: int
    prefix: Path

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"


def nginx_config(prefix: Path, *, upstreams: list[str], static_root: Path) -> tuple[Path, int, int]:
    """The repository's configuration rendered for this machine, inside a main file that
    keeps pid, logs and temporary files under `prefix`."""
    sys.path.insert(0, str(ROOT / "deploy"))
    try:
        from render import render
    finally:
        sys.path.pop(0)
    for sub in ("logs", "tmp", "conf"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    cert, key = self_signed_certificate(prefix / "conf")
    http_port, https_port = free_port(), free_port()
    render(
        prefix / "conf",
        {
            "SERVER_NAME": "127.0.0.1 localhost",
            "UPSTREAMS": ",".join(upstreams),
            "STATIC_ROOT": str(static_root),
            "TLS_CERT": str(cert),
            "TLS_KEY": str(key),
            "HTTP_LISTEN": f"127.0.0.1:{http_port}",
            "HTTPS_LISTEN": f"127.0.0.1:{https_port}",
            "LOG_DIR": str(prefix / "logs"),
        },
    )
    temp = prefix / "tmp"
    main = prefix / "conf" / "nginx.conf"
    main.write_text(
        f"""
user {getpass.getuser()};
worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "logs" / "error.log"} warn;
daemon off;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {temp / "body"};
    proxy_temp_path {temp / "proxy"};
    fastcgi_temp_path {temp / "fastcgi"};
    uwsgi_temp_path {temp / "uwsgi"};
    scgi_temp_path {temp / "scgi"};
    access_log {prefix / "logs" / "access.log"};
    include {prefix / "conf" / "doithoai.conf"};
}}
""",
        encoding="utf-8",
    )
    return main, http_port, https_port


def nginx_available() -> bool:
    return Path(NGINX).exists() or shutil.which("nginx") is not None


def start_nginx(prefix: Path, *, upstreams: list[str], static_root: Path) -> Nginx:
    binary = NGINX if Path(NGINX).exists() else shutil.which("nginx")
    main, http_port, https_port = nginx_config(prefix, upstreams=upstreams, static_root=static_root)
    base = [binary, "-p", str(prefix), "-c", str(main), "-e", str(prefix / "logs" / "error.log")]
    checked = subprocess.run([*base, "-t"], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    log = prefix / "logs" / "error.log"
    process = subprocess.Popen(base, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Nginx(process=process, http_port=http_port, https_port=https_port, prefix=prefix)
    try:
        _wait_for(f"{server.url}/", process, log)
    except BaseException:
        stop(process)
        raise
    return server


class FromAddress(HTTPAdapter):
    """Connect from another loopback address (127.0.0.2, 127.0.0.3...): to the servers the
    requests come from different clients."""

    def __init__(self, address: str, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        return super().init_poolmanager(*args, **kwargs)


def browser(address: str = "127.0.0.1") -> requests.Session:
    session = requests.Session()
    # No proxy or CA bundle from the environment: the throw-away certificate, straight to loopback.
    session.trust_env = False
    session.verify = False
    adapter = FromAddress(address)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert found, f"no {name} in the page"
    return found.group(1)
