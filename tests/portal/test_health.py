"""The health check: 200 when the database and cache answer, 503 when not."""

import json
import subprocess
import sys

from django.conf import settings

import pytest

from tests.portal.environments import production_environment

# Nothing listens on port 1: connecting fails at once, as with a stopped
# server, without waiting for a timeout.
UNREACHABLE_DATABASE = "postgres://portal@127.0.0.1:1/portal"
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


def health_in_subprocess(tmp_path, **environment):
    """Ask /healthz of a portal with production settings and `environment`."""
    env = production_environment(
        ALLOWED_HOSTS="portal.example.org",
        SEARCH_INDEX_PATH=tmp_path / "search-index",
        **environment,
    )
    code = (
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "r = Client().get('/healthz', HTTP_HOST='portal.example.org', secure=True)\n"
        "print(json.dumps({'status': r.status_code, 'body': r.json(),"
        " 'cache_control': r.get('Cache-Control')}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.django_db
def test_health_check_answers_ok_when_database_cache_and_search_answer(
    client, search_index, tree
):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "search": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_an_unbuilt_search_index_is_reported_without_failing_the_check(
    client, missing_search_index
):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["checks"]["search"] == "unavailable"


@pytest.mark.django_db
def test_the_health_check_only_reads(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_an_unreachable_database_answers_503_with_nothing_sensitive(tmp_path):
    outcome = health_in_subprocess(tmp_path, DATABASE_URL=UNREACHABLE_DATABASE)
    assert outcome["status"] == 503
    assert outcome["body"] == {
        "status": "unavailable",
        "checks": {"database": "unavailable", "cache": "ok", "search": "unavailable"},
    }
    assert "no-store" in outcome["cache_control"]


def test_an_unreachable_cache_answers_503(tmp_path):
    outcome = health_in_subprocess(
        tmp_path,
        DATABASE_URL=f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        REDIS_URL=UNREACHABLE_REDIS,
    )
    assert outcome["status"] == 503
    assert outcome["body"]["status"] == "unavailable"
    assert outcome["body"]["checks"]["database"] == "ok"
    assert outcome["body"]["checks"]["cache"] == "unavailable"
