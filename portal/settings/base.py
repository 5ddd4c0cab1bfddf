"""
Settings shared by every environment.

Production-safe by default: DEBUG is off and the secret key and allowed hosts
come only from the environment. Every other setting has a default that works
on one machine, and an environment variable to change it when the portal
grows (see the README's table).
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from portal.settings.environment import env, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Runtime data (the SQLite file, the search index, uploaded media, demo
# logins) lives in one git-ignored folder so a clean checkout stays clean.
VAR_DIR = Path(env.get("PORTAL_VAR_DIR", BASE_DIR / "var"))

DEBUG = False
SECRET_KEY = env.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "network",
    "network.partners",
    "network.governance",
    "best_practice",
    "events",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "crispy_forms",
    "crispy_forms_gds",
    "rest_framework",
    "csp",
    "django_mfa",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.sites.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Holds anyone who owes a second factor at the set-up or code page
    # (portal/mfa.py); it needs request.user, so it comes after the above.
    "django_mfa.middleware.MfaMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.sessions.SessionLifetimeMiddleware",
    "portal.middleware.PrivateResponseMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a refused sign-in into the lockout page; django-axes asks to be
    # last so that it sees the outcome of every other layer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.navigation",
            ],
        },
    },
]

# Each gunicorn worker keeps its connection between requests: opening one
# (on SQLite too, where Django sets the connection up anew) cost about a
# millisecond and a half of every request. A connection found broken is
# opened again before the request uses it.
DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        conn_max_age=int(env.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache is only needed with several application servers.
if "REDIS_URL" in env:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sessions: a signed-in session ends after SESSION_IDLE_TIMEOUT without a
# request, and SESSION_LIFETIME after signing in whatever happens
# (portal/sessions.py). The cookie lasts no longer than the session.
SESSION_IDLE_TIMEOUT = 60 * int(env.get("SESSION_IDLE_MINUTES", "30"))
SESSION_LIFETIME = 60 * 60 * int(env.get("SESSION_LIFETIME_HOURS", "12"))
SESSION_COOKIE_AGE = SESSION_LIFETIME
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# django-axes first: it refuses a locked-out username and address before any
# password is checked, on the admin's sign-in and the portal's alike.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "account:sign-in"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
STATIC_ROOT = Path(env.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Where `manage.py backup` writes by default: best on another disk.
BACKUP_DIR = Path(env.get("BACKUP_DIR", VAR_DIR / "backups"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Network Portal <noreply@localhost>")

# Response headers (docs/security.md). Django's SecurityMiddleware sends
# nosniff, the referrer policy and the opener policy; portal/middleware.py
# the Content-Security-Policy and the Permissions-Policy.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The public site: every script, style, font and image from this host, no
# inline script or style. A template that truly needs an inline script
# gives it nonce="{{ request.csp_nonce }}"; no template does today.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# The Wagtail admin writes inline scripts and styles and builds images from
# blob: and data: addresses, and its preview panel frames the site itself,
# so its pages get this looser policy instead. Editors sign in with a
# second factor, and everything still comes from this host.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    }
}
# Browser features the portal never uses, switched off for every page and
# anything framed in one.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
    # Failed and locked-out sign-ins are logged at WARNING (username, address
    # and browser; never the password) whatever LOG_LEVEL says.
    "loggers": {"axes": {"level": "WARNING"}},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Wagtail
WAGTAIL_SITE_NAME = "Network Portal"
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_FRONTEND_LOGIN_URL = "/account/sign-in/"
# Avatars are uploaded or left blank: a Gravatar address would tell another
# host which editors are signed in, and from where.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Editors' browsers would otherwise ask releases.wagtail.org for the latest
# version; upgrades follow the pins in pyproject.toml instead.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Restricted guidance is opened by who someone is, never by a shared password
# that can be forwarded: only login and group restrictions are offered.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Search: a Whoosh index on this machine, outside MEDIA_ROOT and STATIC_ROOT
# (docs/search-backend.md). SEARCH_BACKEND picks another backend by setting
# alone: "wagtail.search.backends.database", or an Elasticsearch/OpenSearch
# backend such as "wagtail.search.backends.elasticsearch8" with SEARCH_URL.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": env.get("SEARCH_BACKEND", "search.backends.whoosh")}
}
if WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends.whoosh":
    WAGTAILSEARCH_BACKENDS["default"].update(
        PATH=env.get("SEARCH_INDEX_PATH", str(VAR_DIR / "search-index")),
        LANGUAGE="en",
    )
elif "SEARCH_URL" in env:
    WAGTAILSEARCH_BACKENDS["default"]["URLS"] = env_list("SEARCH_URL")
TAGGIT_CASE_INSENSITIVE = True

# Second factor (django-mfa): an authenticator app, with recovery codes for
# a lost phone, for everyone who can open the Wagtail admin (portal/mfa.py).
MFA_REQUIRED = "portal.mfa.requires_second_factor"
MFA_FACTORS = ["totp", "recovery_codes"]
MFA_ISSUER_NAME = WAGTAIL_SITE_NAME
MFA_BASE_TEMPLATE = "base.html"
# Someone who cannot pass the second factor can still sign out.
MFA_EXEMPT_PATHS = ["/account/sign-out/", "/admin/logout/"]
# Keys that encrypt the authenticator apps' secrets in the database, newest
# first (portal/mfa.py). Required in production; dev.py and test.py set their
# own.
MFA_SECRET_ENCRYPTION_KEYS = env_list("MFA_SECRET_ENCRYPTION_KEYS")

# Repeated failed sign-ins (django-axes), on /admin/login/ and
# /account/sign-in/ alike: after AXES_FAILURE_LIMIT wrong passwords for one
# username from one address, even the right one is refused for the cool-off.
AXES_FAILURE_LIMIT = int(env.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/locked_out.html"
# Its log names the username and address tried, for whoever looks into an
# attack; passwords are always masked (django-axes hides these two as well
# unless told otherwise).
AXES_SENSITIVE_PARAMETERS = []
# The address is REMOTE_ADDR, as for the partner forms' limits
# (network/partners/ratelimit.py): a proxy in front must set it.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Generated demo passwords, kept out of git (see `manage.py load_demo`).
DEMO_LOGINS_FILE = VAR_DIR / "demo-logins.txt"

# Best-practice review reminders and moderation e-mails.
# Owners hear this many days before a practice's review is due.
PRACTICE_REVIEW_REMINDER_DAYS = int(env.get("PRACTICE_REVIEW_REMINDER_DAYS", "30"))
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env.get(
    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL
)
# Moderation e-mails are plain text (templates/network/admin/notifications/).
WAGTAILADMIN_NOTIFICATION_USE_HTML = False
# Refuses protectively marked document titles and file names at upload, and
# files whose contents are not what their extension says (portal/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "best_practice.wagtail_hooks.PracticeDocumentForm"

# Uploads. Documents are office formats people read, never web pages,
# scripts or archives that a browser or a desktop would open by running them.
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "odp",
    "csv",
    "txt",
]
UPLOAD_MAX_MB = int(env.get("UPLOAD_MAX_MB", "20"))
WAGTAILDOCS_MAX_UPLOAD_SIZE = UPLOAD_MAX_MB * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOAD_MAX_MB * 1024 * 1024
# A small file can decode to an enormous image (a "decompression bomb");
# 40 megapixels is well above any photograph or diagram the pages show.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents go through Wagtail's serve view (above), which checks privacy;
# only PDFs open in the browser, everything else downloads as an attachment.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
