"""Django settings for xxgk, read from the XXGK_* environment (variables listed in the README).

XXGK_DATABASE_URL   sqlite:///path or postgresql://user@host:port/db (default: SQLite in the data dir)
XXGK_SECRET_KEY     secret key (default: generated once into <data dir>/secret_key)
XXGK_DEBUG          1/0 (default 0)
XXGK_ALLOWED_HOSTS  comma-separated host names (default 127.0.0.1,localhost)
XXGK_DATA_DIR       embedded database, secret key, collected static files (default ./var)
XXGK_HTTPS          1 behind HTTPS: secure cookies, trust X-Forwarded-Proto (default 0)
XXGK_CSRF_TRUSTED_ORIGINS  comma-separated origins such as https://xxgk.example.gov.cn
"""

from __future__ import annotations

import contextlib
import os

from xxgk.web.config import cache_settings, data_dir, env_bool, env_list, parse_database_url, secret_key

DATA_DIR = data_dir()
DEBUG = env_bool("XXGK_DEBUG")
SECRET_KEY = secret_key(DATA_DIR)
ALLOWED_HOSTS = env_list("XXGK_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("XXGK_CSRF_TRUSTED_ORIGINS", [])

DATABASES = {
    "default": parse_database_url(
        os.environ.get("XXGK_DATABASE_URL") or f"sqlite:///{DATA_DIR / 'xxgk.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "xxgk.web.orgs",
    "xxgk.web.audit",
    "xxgk.web.ui",
    "xxgk.web.calendar",
    "xxgk.web.applications",
    "xxgk.web.consultations",
    "xxgk.web.remedies",
    "xxgk.web.publishing",
    "xxgk.web.annual",
    "xxgk.web.rollup",
    "xxgk.web.portal",
    "xxgk.web.api",
    "xxgk.web.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "xxgk.web.ui.middleware.MethodNotAllowedPage",
]

ROOT_URLCONF = "xxgk.web.urls"
WSGI_APPLICATION = "xxgk.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "xxgk.web.ui.context.navigation",
            ],
        },
    }
]

AUTH_USER_MODEL = "orgs.User"
LOGIN_URL = "ui:login"
LOGIN_REDIRECT_URL = "ui:dashboard"
LOGOUT_REDIRECT_URL = "ui:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_AGE = 8 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

if env_bool("XXGK_HTTPS"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
with contextlib.suppress(OSError):  # whitenoise warns about a missing STATIC_ROOT on every start
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Whitenoise serves straight from the apps' static/ folders, so the embedded demo needs no
# collectstatic step; a production deployment may still run collectstatic into STATIC_ROOT.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Outgoing mail (reminders, notices): the console backend prints instead of sending; a
# deployment sets XXGK_EMAIL_BACKEND (and Django's EMAIL_HOST etc.) to send for real.
EMAIL_BACKEND = os.environ.get("XXGK_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("XXGK_EMAIL_FROM", "xxgk@localhost")

# Uploaded files (application attachments, submitted reports, publication attachments).
MEDIA_ROOT = DATA_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_error_without_stack": {"()": "xxgk.web.ui.logging_filters.ClientErrorWithoutStack"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["client_error_without_stack"]}},
    "root": {"handlers": ["console"], "level": "INFO" if DEBUG else "WARNING"},
}

# Shared by every worker when Redis is configured (XXGK_REDIS_URL or a redis:// broker URL).
CACHES = cache_settings()

# REST API rate limits (requests/period; period s, min, h or day): per token when one is
# presented, else per client IP. Counted in Django's cache (per process unless a shared cache
# is configured).
XXGK_API_RATE_ANON = os.environ.get("XXGK_API_RATE_ANON", "120/min")
# The client address used by every throttle (API, public form, tracking look-ups, log-in lockout):
# behind reverse proxies, the header they append to (e.g. X-Forwarded-For) and how many proxies do;
# unset, REMOTE_ADDR.
XXGK_TRUSTED_PROXY_HEADER = os.environ.get("XXGK_TRUSTED_PROXY_HEADER", "")
XXGK_TRUSTED_PROXIES = int(os.environ.get("XXGK_TRUSTED_PROXIES", "1"))
XXGK_API_RATE_TOKEN = os.environ.get("XXGK_API_RATE_TOKEN", "600/min")

# Background jobs: with XXGK_CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0) they go to Celery
# workers (`xxgk worker`); without it (the embedded default) they run in-process, at once. The
# variable is read by xxgk.web.jobs.celery_app, which `xxgk extract --workers celery` uses without Django.
