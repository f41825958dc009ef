"""gunicorn for doithoai: `gunicorn -c deploy/gunicorn.conf.py config.wsgi`.

Every value can be changed from the environment (the systemd unit reads /etc/doithoai/env):

    GUNICORN_BIND       127.0.0.1:8000  where nginx reaches the application (or unix:/run/doithoai/web.sock)
    GUNICORN_WORKERS    2 × cores + 1   processes; each holds at most one database connection
    GUNICORN_THREADS    1               threads per process (keep 1: one connection per request)
    GUNICORN_TIMEOUT    120             seconds before a silent worker is restarted (PDF rendering
                                        with LibreOffice and the Excel exports are the slow requests)
    GUNICORN_MAX_REQUESTS 2000          a worker is replaced after this many requests (0: never)
    GUNICORN_ACCESS_LOG -               access log ("-": standard output, i.e. the journal)
    GUNICORN_FORWARDED_ALLOW_IPS 127.0.0.1  proxies whose X-Forwarded-* gunicorn itself believes

The application decides the client address and the scheme from PROXY_COUNT and
BEHIND_TLS_PROXY (config/settings.py), not from gunicorn's view of them.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SystemExit(f"{name} must be an integer, got {raw!r}") from exc


wsgi_app = "config.wsgi:application"
bind = [part.strip() for part in os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",") if part.strip()]
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
threads = _int("GUNICORN_THREADS", 1)
worker_class = "sync" if threads == 1 else "gthread"
timeout = _int("GUNICORN_TIMEOUT", 120)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Behind nginx, which keeps connections to the application open (upstream keepalive).
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10 if max_requests else 0
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - gunicorn heartbeat files
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Header size limits as gunicorn's defaults; the body size is nginx's client_max_body_size.
limit_request_line = 8190
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The client address nginx saw, in the access log.
access_log_format = '%({x-forwarded-for}i)s %(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
proc_name = "doithoai-web"
