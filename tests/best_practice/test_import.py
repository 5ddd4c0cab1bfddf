"""
`manage.py import_practices`: all or nothing, errors by row and field,
idempotent on external_id, drafts or published, and never a traceback.
"""

import csv
import io
import json
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from best_practice.importer import COLUMNS
from best_practice.models import BestPracticePage

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"


def row(**values):
    """A valid row for the `tree` fixture, changed by `values`."""
    base = {
        "external_id": "ne-001",
        "network": "leeds",
        "title": "Car wash welfare visits",
        "summary": "Joint visits to hand car washes.",
        "problem": "Workers were not asked about pay.",
        "aim": "",
        "what_was_done": "- Visit together.\n- Speak to workers alone.",
        "evaluation": "",
        "resources": "",
        "contact_role": "Coordinator",
        "contact_email": "coordinator@example.org",
        "organisations": "leeds-council",
        "partners": "safe-harbour-trust",
        "outcome": "Did not work",
        "evidence_stage": "local",
        "handling": "public",
        "themes": "victim-identification;Partnership",
        "exploitation_types": "labour-exploitation",
        "sectors": "car-washes",
        "audiences": "",
        "tags": "car washes;joint visits",
        "start_date": "2019-04-01",
        "end_date": "",
        "area": "Leeds",
        "last_reviewed": "15/03/2024",
    }
    base.update(values)
    return base


def write_csv(folder, rows, name="practices.csv", columns=COLUMNS):
    path = folder / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(path, *args):
    """Run the command; return (stdout, stderr, CommandError message or None)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_practices", str(path), *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), str(error)
    return out.getvalue(), err.getvalue(), None


def test_imports_a_good_file_as_drafts(tree, tmp_path):
    out, err, failure = run(write_csv(tmp_path, [row()]))
    assert failure is None and err == ""
    assert "1 practices added and 0 updated, saved as drafts" in out
    practice = BestPracticePage.objects.get(external_id="ne-001")
    assert not practice.live
    assert practice.get_parent().pk == tree.leeds.pk
    assert practice.slug == "car-wash-welfare-visits"
    assert practice.outcome == "did_not_work"
    assert practice.last_reviewed.isoformat() == "2024-03-15"
    assert practice.next_review_due.isoformat() == "2025-03-15"
    assert practice.what_was_done == (
        "<ul><li>Visit together.</li><li>Speak to workers alone.</li></ul>"
    )
    assert list(practice.contributing_organisations.all()) == [tree.council]
    assert sorted(practice.themes.values_list("slug", flat=True)) == [
        "partnership",
        "victim-identification",
    ]
    assert sorted(practice.tags.names()) == ["car washes", "joint visits"]
    assert practice.url_path == f"{tree.leeds.url_path}car-wash-welfare-visits/"


def test_publish_makes_practices_live_and_applies_markings(client, tree, tmp_path):
    path = write_csv(
        tmp_path,
        [row(), row(external_id="ne-002", title="Police only", handling="police")],
    )
    run(path, "--publish")
    public = BestPracticePage.objects.get(external_id="ne-001")
    police = BestPracticePage.objects.get(external_id="ne-002")
    assert public.live and police.live
    assert client.get(public.url).status_code == 200
    restriction = police.view_restrictions.get()
    assert [group.name for group in restriction.groups.all()] == ["Police"]
    assert client.get(police.url).status_code != 200
    tree.leeds.refresh_from_db()
    assert tree.leeds.numchild == 2
    from wagtail.models import Page

    assert Page.find_problems() == ([], [], [], [], [])


def test_reimport_updates_and_never_duplicates(tree, tmp_path):
    run(write_csv(tmp_path, [row()]), "--publish")
    changed = row(title="Car wash visits, second year", outcome="worked")
    out, _, failure = run(write_csv(tmp_path, [changed]), "--publish")
    assert failure is None
    assert "0 practices added and 1 updated" in out
    practice = BestPracticePage.objects.get(external_id="ne-001")
    assert BestPracticePage.objects.count() == 1
    assert practice.title == "Car wash visits, second year"
    assert practice.outcome == "worked"
    assert practice.live_revision is not None


def test_reimport_without_publish_keeps_the_live_version(tree, tmp_path):
    run(write_csv(tmp_path, [row()]), "--publish")
    run(write_csv(tmp_path, [row(title="A draft title")]))
    practice = BestPracticePage.objects.get(external_id="ne-001")
    assert practice.title == "Car wash welfare visits"
    assert practice.has_unpublished_changes
    assert practice.get_latest_revision_as_object().title == "A draft title"


def test_a_bad_file_imports_nothing_and_reports_rows_and_fields(tree, tmp_path):
    rows = [
        row(),
        row(external_id="ne-002", network="atlantis"),
        row(external_id="ne-003", start_date="31/02/2024", outcome="brilliant"),
        row(external_id="ne-004", organisations="nobody", themes="astrology"),
        row(external_id="ne-005", summary="OFFICIAL-SENSITIVE notes"),
        row(external_id="ne-001", handling=""),
        row(external_id="ne-007", contact_email="not an email"),
    ]
    out, err, failure = run(write_csv(tmp_path, rows))
    assert BestPracticePage.objects.count() == 0
    assert "6 of 7 rows are invalid, so nothing was imported" in failure
    lines = err.splitlines()
    assert "row 3, network: no network has the slug “atlantis”." in lines
    assert any(line.startswith("row 4, start_date: “31/02/2024”") for line in lines)
    assert any(
        line.startswith("row 4, outcome: “brilliant” is not one of") for line in lines
    )
    assert "row 5, organisations: no organisation has the slug “nobody”." in lines
    assert any(line.startswith("row 5, themes: “astrology”") for line in lines)
    assert any(
        line.startswith("row 6, summary: Remove the protective marking")
        for line in lines
    )
    assert any(
        line.startswith("row 7, external_id: “ne-001” is used again") for line in lines
    )
    assert "row 7, handling: required: public, partners or police." in lines
    assert any(line.startswith("row 8, contact_email:") for line in lines)


def test_skip_invalid_imports_the_good_rows(tree, tmp_path):
    rows = [row(), row(external_id="ne-002", network="atlantis")]
    out, err, failure = run(write_csv(tmp_path, rows), "--skip-invalid")
    assert failure is None
    assert "1 practices added" in out and "1 invalid rows skipped" in out
    assert "row 3, network" in err
    assert list(BestPracticePage.objects.values_list("external_id", flat=True)) == [
        "ne-001"
    ]


def test_dry_run_checks_without_importing(tree, tmp_path):
    out, _, failure = run(write_csv(tmp_path, [row()]), "--dry-run")
    assert failure is None and "valid (dry run)" in out
    assert not BestPracticePage.objects.exists()


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"external_id,title\r\nx,y\r\n", "missing column(s): network"),
        (b"", "is empty"),
        ("title\n\u00e9t\u00e9".encode("latin-1"), "is not UTF-8 text"),
        (b'"unterminated\n', "not valid CSV"),
    ],
)
def test_unreadable_csv_gets_a_clear_message(tree, tmp_path, content, expected):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    _, _, failure = run(path)
    assert expected in failure


def test_missing_file_folder_and_unknown_format(tree, tmp_path):
    assert "no such file" in run(tmp_path / "nothing.csv")[2]
    assert "is a folder" in run(tmp_path, "--format", "csv")[2]
    other = tmp_path / "practices.xlsx"
    other.write_bytes(b"PK")
    assert "say whether this is CSV or JSON" in run(other)[2]


def test_unknown_columns_are_refused(tree, tmp_path):
    path = write_csv(tmp_path, [row()], columns=[*COLUMNS, "colour"])
    assert "unknown column(s): colour" in run(path)[2]


def test_json_with_lists_imports_and_bad_json_is_explained(tree, tmp_path):
    item = row(themes=["victim-identification"], tags=["car washes"])
    path = tmp_path / "practices.json"
    path.write_text(json.dumps({"practices": [item]}), encoding="utf-8")
    out, _, failure = run(path, "--publish")
    assert failure is None and "1 practices added" in out
    practice = BestPracticePage.objects.get(external_id="ne-001")
    assert list(practice.tags.names()) == ["car washes"]
    path.write_text('[{"external_id": "x",}]', encoding="utf-8")
    assert "line 1 column" in run(path)[2]


def test_progress_is_reported_every_500_rows(tree, tmp_path):
    rows = [row(external_id=f"ne-{n}", title=f"Practice {n}") for n in range(501)]
    out, _, failure = run(write_csv(tmp_path, rows))
    assert failure is None
    assert "Checked 500 of 501 rows…" in out
    assert "Imported 500 of 501 new practices…" in out
    assert BestPracticePage.objects.filter(slug="practice-500").exists()


@pytest.mark.parametrize("name", ["practices.csv", "practices.json"])
def test_the_documented_samples_import(db, name):
    call_command("load_demo", skip_index=True, stdout=io.StringIO())
    before = BestPracticePage.objects.count()
    out, err, failure = run(SAMPLES / name, "--publish")
    assert failure is None, err
    assert BestPracticePage.objects.count() > before
    out, err, failure = run(SAMPLES / name, "--publish")
    assert "0 practices added" in out
