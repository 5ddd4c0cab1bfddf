"""
The portal served as in production: gunicorn with deploy/gunicorn.conf.py on
a loopback port, portal.settings.production, WhiteNoise serving the output
of collectstatic, and Redis as the cache.
"""

import gzip
import http.client
import json
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache.backends.base import default_key_func
from django.db import connection

from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
)

import brotli
import pytest
import redis

from portal.backups import SQLiteDatabase
from tests.portal.environments import postgres_url, production_environment

GUNICORN = Path(sys.executable).with_name("gunicorn")
# A database of its own on the machine's Redis (test_settings.py uses 15).
REDIS_URL = "redis://127.0.0.1:6379/14"
# Where Wagtail caches the sites' root paths while rendering a page.
SITE_ROOT_PATHS_KEY = default_key_func(
    SITE_ROOT_PATHS_CACHE_KEY, "", SITE_ROOT_PATHS_CACHE_VERSION
)
HASHED_CSS = re.compile(r'href="(/static/portal/css/portal\.[0-9a-f]{12}\.css)"')
TEN_YEARS = 10 * 365 * 24 * 60 * 60


@dataclass
class Server:
    port: int
    access_log: Path
    static_root: Path

    def get(self, path, https=True, **headers):
        """GET `path`, through the TLS proxy unless `https` is false."""
        if https:
            # What nginx or Caddy adds in front of gunicorn.
            headers.setdefault("X-Forwarded-Proto", "https")
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            client.request("GET", path, headers=headers)
            response = client.getresponse()
            response.body = response.read()
            return response
        finally:
            client.close()

    def wait_for_log(self, line, timeout=10):
        """Return the access log once it has `line`: it is written after the reply."""
        deadline = time.monotonic() + timeout
        while line not in (log := self.access_log.read_text()):
            if time.monotonic() > deadline:
                pytest.fail(f"{line} is not in the access log:\n{log}")
            time.sleep(0.1)
        return log


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """The portal's static files as `collectstatic` prepares them in production."""
    root = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity=0"]
        # Only the portal's own files: the admin's thousand more take a
        # minute to compress and are served the same way.
        + [f"--ignore={name}" for name in ("admin", "wagtail*", "rest_framework")],
        cwd=settings.BASE_DIR,
        env=production_environment(ALLOWED_HOSTS="127.0.0.1", STATIC_ROOT=root),
        check=True,
        timeout=300,
    )
    return root


def served_database_url(folder):
    """Return the address at which another process can open the test database."""
    if connection.vendor == "sqlite":
        # The test database lives in this process's memory: serve a copy.
        path = folder / "served.sqlite3"
        SQLiteDatabase().dump(path)
        return f"sqlite:///{path}"
    return postgres_url(connection.settings_dict["NAME"])


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(process, port, error_log, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn stopped:\n{error_log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not listen within {timeout} s")


@pytest.fixture
def server(transactional_db, tree, static_root, tmp_path):
    """gunicorn serving the `tree` portal with one worker; stopped afterwards."""
    port = free_port()
    access_log = tmp_path / "access.log"
    error_log = tmp_path / "error.log"
    env = production_environment(
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=served_database_url(tmp_path),
        REDIS_URL=REDIS_URL,
        STATIC_ROOT=static_root,
        PORTAL_VAR_DIR=tmp_path,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY=1,
        GUNICORN_ACCESS_LOG=access_log,
        GUNICORN_ERROR_LOG=error_log,
    )
    process = subprocess.Popen(
        [GUNICORN, "--config", "deploy/gunicorn.conf.py"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_listening(process, port, error_log)
        yield Server(port, access_log, static_root)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_pages_and_hashed_static_files_are_served_as_in_production(server):
    home = server.get("/")
    assert home.status == 200
    stylesheet = HASHED_CSS.search(home.body.decode()).group(1)
    original = (server.static_root / stylesheet.removeprefix("/static/")).read_bytes()

    for encoding, decompress in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        response = server.get(stylesheet, **{"Accept-Encoding": encoding})
        assert response.status == 200
        assert response.getheader("Content-Encoding") == encoding
        assert decompress(response.body) == original
        cache_control = response.getheader("Cache-Control")
        assert f"max-age={TEN_YEARS}" in cache_control
        assert "immutable" in cache_control

    plain = server.get(stylesheet)
    assert plain.getheader("Content-Encoding") is None
    assert plain.body == original


def test_plain_http_is_redirected_except_for_the_health_check(server):
    home = server.get("/", https=False)
    assert home.status == 301
    assert home.getheader("Location") == f"https://127.0.0.1:{server.port}/"

    health = server.get("/healthz", https=False)
    assert health.status == 200
    assert json.loads(health.body)["status"] == "ok"
    assert "no-store" in health.getheader("Cache-Control")


def test_the_cache_is_the_redis_server_of_redis_url(server):
    redis_db = redis.Redis.from_url(REDIS_URL)
    redis_db.delete(SITE_ROOT_PATHS_KEY)
    assert server.get("/").status == 200
    assert redis_db.exists(SITE_ROOT_PATHS_KEY)


def test_the_access_log_leaves_out_what_was_searched(server):
    server.get(
        "/search/?q=amira+khan+car+wash",
        Referer="https://127.0.0.1/search/?q=brook+street+nail+bar",
    )
    log = server.wait_for_log('"GET /search/ HTTP/1.1"')
    assert "amira" not in log
    assert "nail" not in log
