"""Settings for Retirement Loss Check. Every value that differs between machines comes from the
environment, read in one block here; the defaults are the safe ones (DEBUG off, localhost, SQLite).
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# ---- Environment (the only place it is read) --------------------------------------------------
DEVELOPMENT_SECRET_KEY = "development-only-secret-key-never-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
# Earlier keys, comma-separated, while DJANGO_SECRET_KEY is rotated: sessions signed with them
# still open (Django's SECRET_KEY_FALLBACKS), so a rotation ends no journey. Remove them once
# the idle timeout has passed since the rotation.
SECRET_KEY_FALLBACKS = [
    key.strip()
    for key in os.environ.get("DJANGO_SECRET_KEY_FALLBACKS", "").split(",")
    if key.strip()
]
DEBUG = os.environ.get("DJANGO_DEBUG", "").strip().lower() in {"1", "true", "yes", "on"}
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]
# Many app servers share one store (Redis or Valkey): sessions, the rate limit and the PDF cache.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
DATABASE_URL = os.environ.get(
    "DATABASE_URL", "" if REDIS_URL else f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
)
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "30"))
# How often each app process deletes the sessions past their idle timeout (interview/platform/sweeper.py).
SESSION_SWEEP_SECONDS = float(os.environ.get("SESSION_SWEEP_SECONDS", "60"))
# Behind a TLS-terminating proxy in production: redirect plain HTTP unless told otherwise.
SECURE_SSL_REDIRECT = os.environ.get(
    "DJANGO_SECURE_SSL_REDIRECT", "" if DEBUG else "1"
).strip().lower() in {"1", "true", "yes", "on"}
SECURE_COOKIES = os.environ.get("DJANGO_SECURE_COOKIES", "" if DEBUG else "1").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}
STATIC_MANIFEST = os.environ.get("DJANGO_STATIC_MANIFEST", "").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}
RATE_LIMIT_PER_MINUTE = int(os.environ.get("RATE_LIMIT_PER_MINUTE", "60"))
# Addresses or networks of our own proxies, comma-separated: X-Forwarded-For is believed only
# from them (default: from nobody).
TRUSTED_PROXIES = [
    entry.strip() for entry in os.environ.get("TRUSTED_PROXIES", "").split(",") if entry.strip()
]
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO")
# HSTS for every subdomain, and asking browsers to preload it, commit the whole parent domain to
# HTTPS for a year, beyond this site: only when the operator says so (issue 18, finding 13).
HSTS_INCLUDE_SUBDOMAINS = os.environ.get("DJANGO_HSTS_INCLUDE_SUBDOMAINS", "").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}
HSTS_PRELOAD = os.environ.get("DJANGO_HSTS_PRELOAD", "").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}
# -----------------------------------------------------------------------------------------------

# Refuse to run in production with the published development key: sessions would be forgeable.
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (production mode)."
    )
# The same for a fallback: anyone could sign a session that a fallback key opens.
if not DEBUG and DEVELOPMENT_SECRET_KEY in SECRET_KEY_FALLBACKS:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY_FALLBACKS must not hold the development key in production mode."
    )
# A typo in a proxy address must stop the app, not silently trust or distrust the proxy.
try:
    [ipaddress.ip_network(entry, strict=False) for entry in TRUSTED_PROXIES]
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from None
# With the shared store nothing uses a database: a DATABASE_URL beside it would be kept for nothing.
if REDIS_URL and DATABASE_URL:
    raise ImproperlyConfigured(
        "Set REDIS_URL or DATABASE_URL, not both: with REDIS_URL no database is used."
    )
# A wildcard host would let any Host header through (cache poisoning, password-reset style tricks).
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must list host names, not '*'.")
# The preload list takes only sites that cover their subdomains: preload alone is a mistake.
if HSTS_PRELOAD and not HSTS_INCLUDE_SUBDOMAINS:
    raise ImproperlyConfigured(
        "DJANGO_HSTS_PRELOAD needs DJANGO_HSTS_INCLUDE_SUBDOMAINS: preloading covers subdomains."
    )

INSTALLED_APPS = [
    "django.contrib.sessions",
    "csp",
    "django.contrib.staticfiles",
    "formtools",
    "crispy_forms",
    "interview",
]

MIDDLEWARE = [
    "interview.platform.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "interview.platform.middleware.CrossOriginResourcePolicyMiddleware",  # outside WhiteNoise: static too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "interview.platform.middleware.PermissionsPolicyMiddleware",
    "interview.platform.middleware.NoStoreMiddleware",
    "interview.platform.middleware.MethodNotAllowedMiddleware",
    "interview.platform.ratelimit.RateLimitMiddleware",
    "interview.platform.middleware.ForeignSessionCookieMiddleware",
    "interview.platform.sessions.SessionMiddleware",  # Django's, touching expiry without a rewrite
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "interview.platform.context_processors.privacy",
            ],
        },
    },
]

# With REDIS_URL: no database at all (Django's dummy backend refuses any query), because
# sessions, the rate limit and the PDF cache all live in the store. Without it: SQLite or
# DATABASE_URL holds the sessions and the rate-limit table, and no PDF is kept between requests
# (a worker's memory is out of reach of "Delete my answers" in another: interview/platform/pdf_cache.py).
DATABASES = (
    {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)} if DATABASE_URL else {}
)
if DATABASES and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock at BEGIN: a session save reads then writes in one transaction
    # (interview/platform/sessions.py), and a deferred one would fail "database is locked" under load.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    # Write-ahead log: readers never wait for the writer, and a commit needs no fsync of the
    # whole file (NORMAL is safe with WAL: a power cut loses at most the last commits, never
    # the file). A session write per answer cost ~3 ms before (make bench).
    # secure_delete: a deleted or rewritten session is overwritten with zeros, not left readable
    # in free space; the sweeper then empties the log too (interview/platform/sweeper.py, issue 18).
    DATABASES["default"]["OPTIONS"]["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "rlc",
            "TIMEOUT": SESSION_IDLE_MINUTES * 60,
            # A store that stops answering fails a request in seconds, not a worker timeout.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }

# Answers live only in the server-side session, and only while the user is active: in the store
# the session key expires with the idle timeout, so answers disappear on their own. Either way a
# request writes back only the keys it changed, over what is stored now (issue 13, finding 6).
SESSION_ENGINE = "interview.platform.sessions_cache" if REDIS_URL else "interview.platform.sessions"
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
# Off: a request that changes nothing must not write back its older copy of the answers;
# interview.platform.sessions.SessionMiddleware pushes the idle expiry forward instead.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True  # scripts never need the session id
SESSION_COOKIE_SAMESITE = "Lax"  # no cross-site POSTs carry the session
CSRF_COOKIE_HTTPONLY = True  # forms carry the token; no script reads the cookie
# A product page, not Django's bare 403.
CSRF_FAILURE_VIEW = "interview.platform.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"  # never framed: no clickjacking of the delete button
SECURE_CONTENT_TYPE_NOSNIFF = True  # browsers must not guess a script out of a download
SECURE_REFERRER_POLICY = "same-origin"  # no page address leaks to other sites
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # the proxy terminates TLS
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # load balancers probe over plain HTTP
SESSION_COOKIE_SECURE = SECURE_COOKIES  # the session id never travels over plain HTTP
CSRF_COOKIE_SECURE = SECURE_COOKIES
# The language chosen with the switch is remembered for a year; it holds "es" or "en", no answers.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_HTTPONLY = True  # no script reads it
LANGUAGE_COOKIE_SAMESITE = "Lax"  # as the session: a link from another site keeps the language
SECURE_HSTS_SECONDS = 0 if DEBUG else 365 * 24 * 3600  # browsers remember: HTTPS only
# Subdomains and preloading: the operator's opt-in (the environment block); check --deploy's
# reminders of them (W005, W021) are silenced while they are off, since off is the choice.
SECURE_HSTS_INCLUDE_SUBDOMAINS = HSTS_INCLUDE_SUBDOMAINS and not DEBUG
SECURE_HSTS_PRELOAD = HSTS_PRELOAD and not DEBUG
SILENCED_SYSTEM_CHECKS = [
    check
    for check, on in (("security.W005", HSTS_INCLUDE_SUBDOMAINS), ("security.W021", HSTS_PRELOAD))
    if not on
]
# Other sites may not load our pages, files or PDFs into theirs (Spectre-style reads):
# interview.platform.middleware.CrossOriginResourcePolicyMiddleware; nginx's own pages send it too.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# A strict policy: only our own files; no inline script or style, no framing, no plugins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

LANGUAGE_CODE = "en-us"
# Each language named in its own words: the switch on every page offers it so (issue 22).
# LocaleMiddleware picks one from the language cookie, else Accept-Language (es, es-US, es-MX).
LANGUAGES = [("en", "English"), ("es", "Español")]
# The pages' catalog, then the law's (made from rules/law/*.toml by `manage.py law --messages`).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "rules" / "law" / "locale"]
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Compressed, content-hashed files served by WhiteNoise outside debug mode (after collectstatic).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST  # tests and `make run` serve straight from static/

CRISPY_ALLOWED_TEMPLATE_PACKS = ("uswds",)
CRISPY_TEMPLATE_PACK = "uswds"

# Tax data is never logged: JSON lines with request id, method, path, status and duration only.
# Django's own request logger is silenced because its messages can carry the query string.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "interview.platform.logging.JsonLineFormatter"}},
    # A client's mistakes (django.security.*) become warnings without the client's text.
    "filters": {"client_faults": {"()": "interview.platform.logging.ClientFaultFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["client_faults"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "rlc.access": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django.request": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "weasyprint": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "fontTools": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}

# Where the rate limit counts (interview/platform/ratelimit.py): "cache" is one expiring hash per client in
# the shared store; "database" is one row per client in the interview_ratewindow table.
RATE_LIMIT_STORE = "cache" if REDIS_URL else "database"

DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024  # answers are small; refuse huge bodies early
