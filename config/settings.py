"""Settings for doithoai: one file, every deployment-specific value from the environment.

Defaults are safe for `make run` on a laptop (DEBUG on, SQLite in the repository);
production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str
from config.several_machines import cache_from_url, storage_from_env

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
_DEV_SECRET = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105 - only with DEBUG on
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The public address of the site, printed in documents (QR codes on invitations), where
# no request is at hand to tell it.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "dialogue.core",
    "dialogue.organisation",
    "dialogue.workcalendar",
    "dialogue.staff",
    "dialogue.plans",
    "dialogue.petitions",
    "dialogue.proceedings",
    "dialogue.conclusions",
    "dialogue.followup",
    "dialogue.reminders",
    "dialogue.statistics",
    "dialogue.dossier",
    "dialogue.portal",
    "dialogue.api",
    "dialogue.open311",
    "dialogue.privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Renews a signed-in person's session at most every few minutes (runs after the view).
    "dialogue.core.middleware.SessionRenewalMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Two-step verification: after messages (it leaves one) and before every view.
    "dialogue.organisation.middleware.TwoFactorMiddleware",
    # Content-Security-Policy and Permissions-Policy (docs/accounts.md).
    "dialogue.core.security.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "dialogue.core.middleware.RequestContextMiddleware",
    # Axes must be last: it turns a locked-out login into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dialogue.staff.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite in the repository is the embedded default; production uses PostgreSQL
# through psycopg 3, e.g. DATABASE_URL=postgres://user@127.0.0.1:5432/doithoai
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))}
# Some indexes carry INCLUDE columns so that PostgreSQL answers from the index alone
# (petition groups' open answers, the daily figures); SQLite builds them without those
# columns, which is what its warning says on every command.
SILENCED_SYSTEM_CHECKS = ["models.W040"] if DATABASES["default"]["ENGINE"].endswith("sqlite3") else []
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while another process writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file too, not shared-cache memory: its table locks ignore the busy
    # timeout, so concurrency tests would see errors production never shows.
    # One file per test process, so two runs at once do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")}
# A read replica (PostgreSQL streaming replica) for the heavy reads of statistics and
# reports: DATABASE_REPLICA_URL names it; STATISTICS_DATABASE says which alias those reads
# use ("replica" when one is configured). `dialogue.core.routers.ReplicaRouter` routes the
# reads made inside `reading_statistics()`; every write and every other read stays on the
# primary. Under pytest a "replica" alias mirroring the test database always exists, so
# the replica path is tested on this machine (tests/test_replica.py).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL or "pytest" in sys.modules:
    replica = (
        dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))
        if DATABASE_REPLICA_URL
        else {**DATABASES["default"]}
    )
    if replica["ENGINE"] == "django.db.backends.sqlite3":
        replica["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {})}
    replica["TEST"] = {"MIRROR": "default"}
    DATABASES["replica"] = replica
DATABASE_ROUTERS = ["dialogue.core.routers.ReplicaRouter"]
STATISTICS_DATABASE = env_str("STATISTICS_DATABASE", "replica" if DATABASE_REPLICA_URL else "default")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts ---------------------------------------------------------------
AUTH_USER_MODEL = "organisation.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "portal:home"

# Sessions end after a working day of inactivity and when the browser closes. Activity
# renews the session at most every SESSION_RENEW_SECONDS (dialogue.core.middleware), so
# that reading a page writes nothing.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_RENEW_SECONDS = env_int("SESSION_RENEW_SECONDS", 5 * 60)
if not 0 <= SESSION_RENEW_SECONDS < SESSION_COOKIE_AGE:
    raise ImproperlyConfigured("SESSION_RENEW_SECONDS must be shorter than SESSION_COOKIE_AGE")
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Login throttling (django-axes): lock a username from one address after repeated failures.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env_int("PROXY_COUNT", 0)

# --- Accounts and security headers ------------------------------------------------------
# Two-step sign-in (TOTP) is open to everyone; people holding one of these roles must use
# it (comma-separated Role values: admin, secretariat, synthesis, mttq, agency, chair,
# supervisor). Default: nobody when DEBUG is on, system administrators in production.
TWO_FACTOR_REQUIRED_ROLES = env_list("TWO_FACTOR_REQUIRED_ROLES", [] if DEBUG else ["admin"])
# Seconds between the password step and the code step before signing in starts again.
TWO_FACTOR_PENDING_SECONDS = env_int("TWO_FACTOR_PENDING_SECONDS", 300)
# Wrong codes for one account per hour, from any address, before codes are refused for the
# hour (django-axes also counts each wrong code as a failed sign-in per name and address).
TWO_FACTOR_FAILURES_PER_HOUR = env_int("TWO_FACTOR_FAILURES_PER_HOUR", 20)
# Password reset by e-mail: requests per client address, e-mails per address typed.
PASSWORD_RESET_PER_IP_HOUR = env_int("PASSWORD_RESET_PER_IP_HOUR", 10)
PASSWORD_RESET_PER_ADDRESS_HOUR = env_int("PASSWORD_RESET_PER_ADDRESS_HOUR", 3)
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 60 * 60)
# Nothing inline: scripts and styles come from static files (dialogue/core/security.py).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# The check-in page scans invitations' QR codes with the camera; nothing else needs a device.
PERMISSIONS_POLICY = (
    "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "accelerometer=(), gyroscope=(), magnetometer=(), display-capture=(), browsing-topics=()"
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Background work ------------------------------------------------------
# Tasks are rows in the database, claimed by `manage.py db_worker` (django-tasks with
# the django-tasks-db backend); `make run` starts one worker beside the web server.
# TASKS_BACKEND=immediate runs a task inside the request that queues it (tests only).
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
# Follow-up (issue 6): a recommendation to the higher level is answered within this many
# working days; a satisfaction link sent to a petitioner works for this many days.
ESCALATION_ANSWER_WORKING_DAYS = env_int("ESCALATION_ANSWER_WORKING_DAYS", 15)
SATISFACTION_LINK_DAYS = env_int("SATISFACTION_LINK_DAYS", 60)

TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND]
    }
}

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

# --- Static and uploaded files ------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Several machines -----------------------------------------------------------------
# Nothing requests or workers must share lives in one process's memory: sessions, rate
# limits, login failures, tasks and scheduled runs are rows of the database. The cache
# holds only what can be recomputed (the working-day calendar, 5 minutes); with several
# processes or machines name a shared one (db:// or redis://) so that a change of the
# calendar is seen by all at once. Uploaded files live in MEDIA_ROOT, which every web and
# worker machine must share, or in another storage class (docs/deployment.md).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CACHES = {
    "default": cache_from_url(
        env_str("CACHE_URL", "") or "locmem://", key_prefix=env_str("CACHE_KEY_PREFIX", "doithoai")
    )
}
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(STATIC_ROOT)))
STORAGES["default"] = storage_from_env(
    env_str("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
    env_str("MEDIA_STORAGE_OPTIONS", ""),
)

# --- E-mail -----------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "doithoai <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- Statistics at national scale ---------------------------------------------------
# The worker counts the dashboard's figures per day and province every
# STATISTICS_REFRESH_MINUTES into a snapshot that the dashboard of the country and of a
# province reads; a snapshot older than STATISTICS_SUMMARY_MAX_AGE_MINUTES is not used
# (the dashboard counts live). Below STATISTICS_SUMMARY_MIN_PETITIONS petitions there is
# no snapshot at all: counting live is fast enough. See dialogue/statistics/summary.py.
STATISTICS_REFRESH_MINUTES = env_int("STATISTICS_REFRESH_MINUTES", 60)
STATISTICS_SUMMARY_MAX_AGE_MINUTES = env_int("STATISTICS_SUMMARY_MAX_AGE_MINUTES", 180)
STATISTICS_SUMMARY_MIN_PETITIONS = env_int("STATISTICS_SUMMARY_MIN_PETITIONS", 200_000)
if not 0 < STATISTICS_REFRESH_MINUTES <= 1440 or STATISTICS_SUMMARY_MAX_AGE_MINUTES < STATISTICS_REFRESH_MINUTES:
    raise ImproperlyConfigured(
        "STATISTICS_REFRESH_MINUTES must be 1 to 1440 and not above STATISTICS_SUMMARY_MAX_AGE_MINUTES"
    )

# --- Reminders and SMS --------------------------------------------------------
# `manage.py worker` (a db_worker with a scheduler) scans every REMINDERS_SCAN_MINUTES
# for directives, petition groups and recommendations to the higher level that are due,
# and reminds the people acting for the responsible unit: N working days before, on the
# due date, and at each listed number of working days late. See docs/reminders.md.
REMINDERS_BEFORE_WORKING_DAYS = env_int("REMINDERS_BEFORE_WORKING_DAYS", 3)
try:
    REMINDERS_OVERDUE_WORKING_DAYS = sorted(
        {int(d) for d in env_list("REMINDERS_OVERDUE_WORKING_DAYS", ["1", "5", "10"])}
    )
except ValueError as exc:
    raise ImproperlyConfigured("REMINDERS_OVERDUE_WORKING_DAYS must be whole numbers separated by commas") from exc
if REMINDERS_BEFORE_WORKING_DAYS < 0 or any(d < 1 for d in REMINDERS_OVERDUE_WORKING_DAYS):
    raise ImproperlyConfigured("Reminder working days must be positive")
REMINDERS_SCAN_MINUTES = env_int("REMINDERS_SCAN_MINUTES", 15)
# New reminders are made on working days between these local hours (no SMS at night).
REMINDERS_SEND_FROM_HOUR = env_int("REMINDERS_SEND_FROM_HOUR", 7)
REMINDERS_SEND_UNTIL_HOUR = env_int("REMINDERS_SEND_UNTIL_HOUR", 20)
# The synthesis board's daily digest of what is late, on working days from this local time.
REMINDERS_DIGEST_TIME = env_str("REMINDERS_DIGEST_TIME", "07:00")
if not (
    0 < REMINDERS_SCAN_MINUTES <= 1440
    and 0 <= REMINDERS_SEND_FROM_HOUR < REMINDERS_SEND_UNTIL_HOUR <= 24
    and len(REMINDERS_DIGEST_TIME.split(":")) == 2
    and all(p.isdigit() for p in REMINDERS_DIGEST_TIME.split(":"))
    and int(REMINDERS_DIGEST_TIME.split(":")[0]) < 24
    and int(REMINDERS_DIGEST_TIME.split(":")[1]) < 60
):
    raise ImproperlyConfigured("Check REMINDERS_SCAN_MINUTES, REMINDERS_SEND_FROM/UNTIL_HOUR and REMINDERS_DIGEST_TIME")
# A message left "sending" by a worker that died is taken again after this many seconds.
REMINDERS_CLAIM_TIMEOUT_SECONDS = env_int("REMINDERS_CLAIM_TIMEOUT_SECONDS", 300)
# A message that could not be delivered is tried again (5, 10, 15 ... minutes later) this many times.
REMINDERS_MAX_ATTEMPTS = env_int("REMINDERS_MAX_ATTEMPTS", 5)
REMINDERS_SMS = env_bool("REMINDERS_SMS", True)
# A chase letter (công văn đôn đốc) asks for a report within this many working days.
REMINDERS_CHASE_REPORT_WORKING_DAYS = env_int("REMINDERS_CHASE_REPORT_WORKING_DAYS", 5)
# SMS gateway: a dotted path to a class with send_messages(messages) (dialogue.reminders.sms).
# The default writes each message to the log; plug a real gateway in by naming its class.
SMS_BACKEND = env_str("SMS_BACKEND", "dialogue.reminders.sms.LoggingBackend")
SMS_SENDER = env_str("SMS_SENDER", "DOITHOAI")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))

# --- Public portal ------------------------------------------------------------------
# Law 72/2025/QH15 art. 43: a commune announces its dialogue at least 7 days before it.
PORTAL_ANNOUNCE_MIN_DAYS = env_int("PORTAL_ANNOUNCE_MIN_DAYS", 7)
# Submissions and tracking look-ups allowed per client address and per telephone number.
PORTAL_SUBMIT_PER_IP_HOUR = env_int("PORTAL_SUBMIT_PER_IP_HOUR", 10)
PORTAL_SUBMIT_PER_PHONE_DAY = env_int("PORTAL_SUBMIT_PER_PHONE_DAY", 5)
PORTAL_TRACK_PER_IP_HOUR = env_int("PORTAL_TRACK_PER_IP_HOUR", 30)
# How many proxies in front of the application set X-Forwarded-For (0: use REMOTE_ADDR).
# Shared with django-axes (AXES_IPWARE_PROXY_COUNT above).

# --- REST API and Open311 -------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["dialogue.api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "dialogue.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "dialogue.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "doithoai API",
    "DESCRIPTION": "API cho các hệ thống của cơ quan: đơn vị, hội nghị, kiến nghị, phân công, trả lời, chỉ đạo.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set shared by several fields (check --deploy warns otherwise).
    "ENUM_NAME_OVERRIDES": {
        "DirectiveStatusEnum": "dialogue.conclusions.models.DirectiveStatus",
        "JurisdictionLevelEnum": "dialogue.petitions.models.JurisdictionLevel",
        "UnitLevelEnum": "dialogue.organisation.models.Level",
        "UnitStatusEnum": "dialogue.organisation.models.UnitStatus",
        "PetitionStatusEnum": "dialogue.petitions.models.PetitionStatus",
        "GroupStatusEnum": "dialogue.petitions.models.GroupStatus",
        "FollowUpStatusEnum": "dialogue.petitions.models.FollowUpStatus",
        "AnswerStatusEnum": "dialogue.petitions.models.AnswerStatus",
        "ConferenceStatusEnum": "dialogue.plans.models.ConferenceStatus",
    },
}
API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 365)
# Requests per minute one API key may make (0: no limit).
API_RATE_PER_MINUTE = env_int("API_RATE_PER_MINUTE", 600)
# Open311 GeoReport v2 (docs/open311.md): limits per key and per client address.
OPEN311_POST_PER_KEY_HOUR = env_int("OPEN311_POST_PER_KEY_HOUR", 300)
OPEN311_POST_PER_IP_HOUR = env_int("OPEN311_POST_PER_IP_HOUR", 600)
OPEN311_LIST_PER_IP_HOUR = env_int("OPEN311_LIST_PER_IP_HOUR", 120)
OPEN311_READ_PER_IP_HOUR = env_int("OPEN311_READ_PER_IP_HOUR", 600)
OPEN311_ENDPOINT_TYPE = env_str("OPEN311_ENDPOINT_TYPE", "production")
OPEN311_CONTACT = env_str("OPEN311_CONTACT", "")
# Wrong telephone numbers tried against one tracking code per hour before it is locked for the hour.
PORTAL_TRACK_PER_CODE_HOUR = env_int("PORTAL_TRACK_PER_CODE_HOUR", 5)
