"""Django settings for the qbank-quiz project.

Everything that differs between a laptop demo and a production intranet comes from the
environment. The defaults are production's (DEBUG off, a secret key required); `make demo` sets
DJANGO_DEBUG=1 and the test suite runs with config.settings_test.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# Off unless asked for: a server that forgot the variable must not show tracebacks to trainees.
DEBUG = env_bool("DJANGO_DEBUG", False)
# The dev key is only acceptable with DEBUG on; production must set DJANGO_SECRET_KEY. Without
# one the settings still load, so tools that sign nothing (parse_paper on a fresh machine) run;
# serving refuses to start (config.wsgi/asgi) and `check`, `runserver` and `migrate` fail.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-insecure-key-change-me" if DEBUG else "")  # checks.py
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "qbank",
    "importers",
    "quizzes",
    "practice",
    "people",
    "axes",
    # Background work (bulk-import parsing): Django 6's tasks API, backported for 5.2, with the
    # database as the queue so no broker is needed; `manage.py db_worker` runs the tasks.
    "django_tasks",
    "django_tasks_db",
    "config",  # project-wide commands (demo_setup)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions (reads the language choice), before common (may redirect on it).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After auth: an account with a generated password goes to the password change first.
    "people.middleware.ForcePasswordChangeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

# HTML is compressed here unless a front server does it (DJANGO_GZIP=0): the 100-question exam
# page is 187 KB, 24 KB gzipped. BREACH needs a secret in a compressed body next to text the
# attacker controls: the only secret in our pages is the CSRF token, which Django masks afresh
# on every response (nothing stable to guess byte by byte), and GZipMiddleware pads each
# response with random bytes (Django >= 4.2); session cookies travel in headers, never
# compressed. Answer keys never reach a running attempt's page (tests/quizzes).
if env_bool("DJANGO_GZIP", True):
    MIDDLEWARE.insert(1, "django.middleware.gzip.GZipMiddleware")
# A server (DEBUG off) serves collected static files itself through whitenoise, ahead of the rest
# (and of gzip: it sends its own precompressed copies); runserver and the tests use the finders.
SERVE_STATIC = not DEBUG and not env_bool("DJANGO_PLAIN_STATIC", False)
if SERVE_STATIC:
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

# Everything from this host, nothing inline, no plugins, no framing; img data: for the admin's icons.
CONTENT_SECURITY_POLICY = os.environ.get(
    "DJANGO_CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)
SECURE_CONTENT_TYPE_NOSNIFF = True  # Django's default, stated: every response says nosniff

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
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.navigation.navigation",
                "practice.note_words.note_words",
            ],
        },
    },
]

# SQLite is the embedded default. WAL lets readers run during a write; IMMEDIATE takes the
# write lock at BEGIN so two writers queue instead of failing with "database is locked" when a
# read transaction tries to upgrade; config.sqlite queues them on a file lock (woken in turn)
# rather than SQLite's busy handler (sleeps of up to 100 ms between tries).
SQLITE_DATABASE = {
    "ENGINE": "config.sqlite",  # django.db.backends.sqlite3, its writers queued (config/sqlite)
    "NAME": BASE_DIR / "db.sqlite3",
    "OPTIONS": {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    },
    # Kept open between requests: opening one (Django registers its SQL functions, the pragmas
    # above run) cost ~1.5 ms of CPU, a third of an autosave, and closing the last one checkpoints
    # the WAL. One connection per gunicorn worker thread.
    "CONN_MAX_AGE": 600,
}
DATABASE_URL = os.environ.get("DATABASE_URL", "")
DATABASES = {
    # Kept open too. No health check: it is a `SELECT 1` round trip at the start of every request
    # (an autosave's fifth statement); a connection that broke fails one request and is replaced.
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=600) if DATABASE_URL else SQLITE_DATABASE
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): five failures for one username from one address lock that
# pair out for 15 minutes; the attempts are kept in the database, so every process sees them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, the signed-in user read by plain SQL (~0.6 ms less on every request).
    "people.backends.UserBackend",
    # Only for sessions signed in before UserBackend existed (never reached by a login).
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind a reverse proxy, how many proxies of ours append to X-Forwarded-For (nginx: 1). With 0
# (no proxy) the header is ignored and the socket address counts: a client could forge it.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "landing"  # each role to its own page (qbank.views.landing)
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# Everything is served from this host: the intranets we deploy to have no internet.
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
# whitenoise serves STATIC_ROOT from the app processes (`make serve` runs collectstatic first),
# with compressed copies and hashed names cached for a year; DEBUG keeps runserver's finders.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if SERVE_STATIC
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# Papers of a few MB are common (docx with pictures); 20 MB caps a single file.
IMPORT_MAX_FILE_BYTES = 20 * 1024 * 1024
# One bulk upload (/imports/new/, zips unpacked): at most this many files and bytes in all.
# The front web server must allow a request this large (nginx: client_max_body_size 200m).
IMPORT_MAX_FILES = 200
IMPORT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_FILE_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_FILE_BYTES
# Django answers 400 past this many files in one request; above IMPORT_MAX_FILES so that an
# upload a little over the limit gets our message naming the files left out instead.
DATA_UPLOAD_MAX_NUMBER_FILES = 2 * IMPORT_MAX_FILES
# A file "parsing" for longer than this lost its worker (killed, machine restarted): it is
# queued again, up to IMPORT_PARSE_MAX_ATTEMPTS claims in all, then marked failed.
IMPORT_PARSE_TIMEOUT_SECONDS = int(os.environ.get("IMPORT_PARSE_TIMEOUT_SECONDS", "600"))
IMPORT_PARSE_MAX_ATTEMPTS = int(os.environ.get("IMPORT_PARSE_MAX_ATTEMPTS", "3"))
# A publish claimed longer ago than this whose worker died may be asked for again.
IMPORT_PUBLISH_TIMEOUT_SECONDS = int(os.environ.get("IMPORT_PUBLISH_TIMEOUT_SECONDS", "1800"))

# Redis, when REDIS_URL is set, holds the cache and the sessions (shared by every app process,
# no session row written per login in the database); without it, the database and local memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Django's database sessions, read by plain SQL (~0.9 ms less on every request).
SESSION_ENGINE = "config.session_store"
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
