"""danvan settings: everything that differs between machines comes from environment variables.

SQLite (WAL mode) is the default database, so that a fresh checkout runs with no set-up;
``DATABASE_URL=postgres://...`` switches to PostgreSQL (psycopg 3).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "danvan-insecure-development-key-change-me-in-production"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# A refused CSRF check is a page in the layout that says the typed text is kept as a draft.
CSRF_FAILURE_VIEW = "danvan.core.views.errors.csrf_failure"
if env_bool("DJANGO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated); the
# client address of login throttling comes from there (``core.views.auth.client_address``).
DANVAN_TRUSTED_PROXIES = env_list("DANVAN_TRUSTED_PROXIES")
# DJANGO_HTTPS=1: the site is served over HTTPS (directly or by the proxy): secure cookies, HSTS,
# redirect of plain HTTP. Each can still be set on its own.
HTTPS = env_bool("DJANGO_HTTPS", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", HTTPS)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", HTTPS)
# HSTS is sent only on HTTPS responses (SecurityMiddleware); one year by default under HTTPS.
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", HTTPS)
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "django_tasks_db",
    "danvan.core",
    "danvan.places",
    "danvan.orgs",
    "danvan.documents",
    "danvan.reports",
    "danvan.practices",
    "danvan.meetings",
    "danvan.awards",
    "danvan.reader",
    "danvan.community",
    "danvan.voice",
    "danvan.democracy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "danvan.democracy.portal_cache.PortalCacheMiddleware",  # cached public portal pages, before sessions
    "django.contrib.sessions.middleware.SessionMiddleware",
    "danvan.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "danvan.core.middleware.SessionIdleMiddleware",
    "danvan.orgs.middleware.ScopeSnapshotMiddleware",  # a read-only request resolves its scope once
    "danvan.core.middleware.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "danvan.urls"
WSGI_APPLICATION = "danvan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "danvan" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "danvan.orgs.context_processors.shell",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        }
    )
else:
    # Several checkouts on one machine can test against one server: DANVAN_TEST_DB names the test database.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("DANVAN_TEST_DB", "test_danvan")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

# --- Cache: shared by every process and app server (login throttling counts across all of them):
# Redis when configured, otherwise the database cache (its table is made by core's migrations).
if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "danvan_cache"}}

# --- Background tasks (Django's task framework) ---------------------------------------------
# Inline ("immediate") unless DANVAN_TASKS=db, where django-tasks-db stores tasks and
# ``manage.py db_worker`` runs them.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if os.environ.get("DANVAN_TASKS", "immediate") == "db"
        else "django.tasks.backends.immediate.ImmediateBackend"
    }
}

# --- Auth -----------------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
# Failed sign-ins (core.domain.login_throttle), each counted for LOGIN_FAILURE_WINDOW seconds:
# LOGIN_FAILURE_LIMIT for one account from one client, LOGIN_FAILURE_CLIENT_LIMIT for one client over
# every account, LOGIN_FAILURE_ACCOUNT_LIMIT for one account over every client.
LOGIN_FAILURE_LIMIT = int(os.environ.get("DANVAN_LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_CLIENT_LIMIT = int(os.environ.get("DANVAN_LOGIN_FAILURE_CLIENT_LIMIT", "30"))
LOGIN_FAILURE_ACCOUNT_LIMIT = int(os.environ.get("DANVAN_LOGIN_FAILURE_ACCOUNT_LIMIT", "100"))
LOGIN_FAILURE_WINDOW = int(os.environ.get("DANVAN_LOGIN_FAILURE_WINDOW", "900"))
# Sessions: a working day at most (SESSION_COOKIE_AGE), signed out after DANVAN_SESSION_IDLE seconds
# without a request (core.middleware.SessionIdleMiddleware), ended when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("DANVAN_SESSION_MAX_AGE", str(10 * 3600)))
DANVAN_SESSION_IDLE = int(os.environ.get("DANVAN_SESSION_IDLE", str(30 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("DANVAN_SESSION_EXPIRE_AT_BROWSER_CLOSE", True)

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["danvan.formats"]

# --- Static files: our own, htmx from django-htmx, the rest from npm (node_modules) ---------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "danvan" / "static"]
NODE_MODULES = BASE_DIR / "node_modules"
for _prefix, _folder in (("bootstrap", "bootstrap/dist"), ("bootstrap-icons", "bootstrap-icons/font"),
                         ("chart.js", "chart.js/dist"), ("tinos", "@fontsource/tinos/files"),  # tinos: the PDF font
                         ("tinymce", "tinymce"), ("tinymce-i18n", "tinymce-i18n/langs8")):  # the rich-text editor
    if (NODE_MODULES / _folder).is_dir():
        STATICFILES_DIRS.append((f"vendor/{_prefix}", NODE_MODULES / _folder))
# Folder of pg_dump/pg_restore for manage.py backup/restore (else the server's version, then PATH).
DANVAN_PG_BIN = os.environ.get("DANVAN_PG_BIN", "")
# The PDF font (Tinos) merged per style from its npm subsets, cached here (danvan/documents/rendering/fonts.py).
DANVAN_FONT_CACHE = os.environ.get("DANVAN_FONT_CACHE", "")
MEDIA_URL = "/media/"  # never routed: files are served only by scoped views (danvan.core.files)
MEDIA_ROOT = Path(os.environ.get("DANVAN_MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded and generated files: stored under random names, read only through ``danvan.core.files.serve``.
# With DANVAN_X_ACCEL_PREFIX (e.g. "/_protected/", an nginx ``internal`` location aliasing MEDIA_ROOT)
# the view answers with X-Accel-Redirect and nginx streams the file.
STORAGES = {
    "default": {"BACKEND": "danvan.core.files.ProtectedStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DANVAN_X_ACCEL_PREFIX = os.environ.get("DANVAN_X_ACCEL_PREFIX", "")
DANVAN_MAX_UPLOAD_MB = int(os.environ.get("DANVAN_MAX_UPLOAD_MB", "10"))
DANVAN_IMPORT_MAX_MB = int(os.environ.get("DANVAN_IMPORT_MAX_MB", "20"))
DANVAN_IMPORT_MAX_ROWS = int(os.environ.get("DANVAN_IMPORT_MAX_ROWS", "50000"))
# Exports of at most this many rows are written at once; longer ones run as a background job (core.lists).
DANVAN_EXPORT_INLINE_MAX = int(os.environ.get("DANVAN_EXPORT_INLINE_MAX", "2000"))
# A running job whose heartbeat is older than this is taken as dead (its worker was killed).
DANVAN_JOB_STALE_SECONDS = int(os.environ.get("DANVAN_JOB_STALE_SECONDS", "300"))

# --- Content security: nothing from outside this server -------------------------------------
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# --- Email (Django 6.1 MAILERS): SMTP when EMAIL_HOST is set, else printed to the console ----
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "danvan@localhost")
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "25")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

DANVAN = {
    # Items per page in HTML lists and API lists (API clients may ask for fewer).
    "PAGE_SIZE": 50,
}
