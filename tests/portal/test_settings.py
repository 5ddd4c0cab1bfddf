"""Settings: production-safe base, environment overrides, the search backend."""

import os
import subprocess
import sys

from django.conf import settings


def settings_value(module, expression, **environment):
    """Import a settings module in a fresh interpreter and return `expression`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "DATABASE_CONN_MAX_AGE",
            "SEARCH_BACKEND",
            "MFA_SECRET_ENCRYPTION_KEYS",
        }
    }
    env.update(environment)
    code = f"import {module} as s; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_base_settings_are_production_safe():
    result = settings_value(
        "portal.settings.base", "s.DEBUG, repr(s.SECRET_KEY), s.ALLOWED_HOSTS"
    )
    assert result.stdout.strip() == "False '' []"


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_value(
        "portal.settings.production", "s.DEBUG", ALLOWED_HOSTS="portal.example.org"
    )
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr


def test_production_refuses_to_start_without_a_key_for_authenticator_secrets():
    result = settings_value(
        "portal.settings.production",
        "s.DEBUG",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="portal.example.org",
    )
    assert result.returncode != 0
    assert "Set MFA_SECRET_ENCRYPTION_KEYS" in result.stderr


def test_production_reads_its_secrets_from_the_environment():
    result = settings_value(
        "portal.settings.production",
        "s.DEBUG, s.ALLOWED_HOSTS, s.SESSION_COOKIE_SECURE, "
        "s.MFA_SECRET_ENCRYPTION_KEYS",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="portal.example.org,www.portal.example.org",
        MFA_SECRET_ENCRYPTION_KEYS="new-key,old-key",
    )
    assert result.stdout.strip() == (
        "False ['portal.example.org', 'www.portal.example.org'] True "
        "['new-key', 'old-key']"
    )


def test_lockout_limits_come_from_the_environment():
    result = settings_value(
        "portal.settings.base",
        "s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds()",
        AXES_FAILURE_LIMIT="10",
        AXES_COOLOFF_MINUTES="15",
    )
    assert result.stdout.strip() == "10 900.0"


def test_database_url_switches_to_postgresql():
    result = settings_value(
        "portal.settings.base",
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']",
        DATABASE_URL="postgres://portal@db.internal:5432/portal",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql portal"


def test_sqlite_is_the_default_database():
    result = settings_value("portal.settings.base", "s.DATABASES['default']['ENGINE']")
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_redis_url_switches_the_cache():
    result = settings_value(
        "portal.settings.base",
        "s.CACHES['default']['BACKEND']",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


def test_the_redis_cache_works_against_a_real_server():
    from django.core.cache.backends.redis import RedisCache

    cache = RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": "portal-test"})
    cache.set("greeting", "hello", timeout=30)
    assert cache.get("greeting") == "hello"
    cache.delete("greeting")


def test_make_run_keeps_one_generated_key_for_authenticator_secrets(tmp_path):
    first = settings_value(
        "portal.settings.dev", "s.MFA_SECRET_ENCRYPTION_KEYS", PORTAL_VAR_DIR=tmp_path
    )
    again = settings_value(
        "portal.settings.dev", "s.MFA_SECRET_ENCRYPTION_KEYS", PORTAL_VAR_DIR=tmp_path
    )
    key_file = tmp_path / "mfa-secret-key.txt"
    assert first.stdout == again.stdout == f"['{key_file.read_text()}']\n"
    assert len(key_file.read_text()) >= 40
    assert key_file.stat().st_mode & 0o077 == 0


def test_servers_keep_their_database_connection_and_the_dev_server_does_not():
    database = 's.DATABASES["default"]'
    kept = settings_value(
        "portal.settings.base",
        f'{database}["CONN_MAX_AGE"], {database}["CONN_HEALTH_CHECKS"]',
    )
    assert kept.stdout.strip() == "60 True"
    dev = settings_value("portal.settings.dev", f'{database}["CONN_MAX_AGE"]')
    assert dev.stdout.strip() == "0"
    chosen = settings_value(
        "portal.settings.base",
        f'{database}["CONN_MAX_AGE"]',
        DATABASE_CONN_MAX_AGE="5",
    )
    assert chosen.stdout.strip() == "5"
