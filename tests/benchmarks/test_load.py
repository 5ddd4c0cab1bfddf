"""
The load test's command line and how it records its results.

The load itself needs a 10,000-page corpus and minutes of traffic, so it is
never run here (`make load` runs it); these check what a person running it
relies on: a mistyped option is refused before anything is built, and
`--record` changes only the results in benchmarks/README.md.
"""

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"


@pytest.fixture
def load(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("load")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--duration", "five minutes", "is not a time such as 30s or 5m"),
        ("--duration", "0s", "is not a time such as 30s or 5m"),
        ("--think-time", "5", "give two numbers of seconds"),
    ],
)
def test_bad_options_are_refused_before_anything_is_built(option, value, message):
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "load.py"), option, value, "--size", "7"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert f"{option}: " in result.stderr
    assert message in result.stderr
    assert not (BENCHMARKS / "output" / "load-7").exists()


@pytest.mark.parametrize(
    ("duration", "seconds"), [("30s", 30), ("45", 45), ("5m", 300), ("1h30m", 5400)]
)
def test_durations_are_read_as_locust_reads_them(load, duration, seconds):
    assert load.DURATION.match(duration)
    assert load.seconds(duration) == seconds


def test_record_replaces_only_the_results_in_the_readme(load, monkeypatch, tmp_path):
    readme = tmp_path / "README.md"
    original = (BENCHMARKS / "README.md").read_text()
    readme.write_text(original)
    monkeypatch.setattr(load, "README", readme)
    before, rest = original.split(load.README_START)
    after = rest.split(load.README_END)[1]

    load.record("| page kind | p95 ms |\n| home | 42 |\n")
    load.record("| page kind | p95 ms |\n| home | 37 |\n")

    written = readme.read_text()
    assert written.startswith(before + load.README_START)
    assert written.endswith(load.README_END + after)
    assert "| home | 37 |" in written
    assert "| home | 42 |" not in written
    assert "to be filled by the 5-minute run" not in written


def test_public_page_kinds_over_the_target_are_shown_in_bold(load):
    figures = [
        {
            "kind": "search",
            "method": "GET",
            "requests": 90,
            "failures": 0,
            "rps": 1.5,
            "p50": 60,
            "p95": 140,
            "p99": 200,
        },
        {
            "kind": "home",
            "method": "GET",
            "requests": 120,
            "failures": 0,
            "rps": 2.0,
            "p50": 20,
            "p95": 45,
            "p99": 70,
        },
        {
            "kind": "sign in",
            "method": "POST",
            "requests": 10,
            "failures": 0,
            "rps": 0.2,
            "p50": 400,
            "p95": 600,
            "p99": 650,
        },
    ]
    lines = load.table(figures).splitlines()
    assert "| search | 90 | 0 | 1.5 | 60 | **140** | 200 |" in lines
    assert "| home | 120 | 0 | 2.0 | 20 | 45 | 70 |" in lines
    # Signing in is not a public page: slower, and not held to the target.
    assert "| sign in (POST) | 10 | 0 | 0.2 | 400 | 600 | 650 |" in lines
