"""The demo library: enough varied practice to try every filter and marking."""

import io

from django.core.management import call_command

import pytest

from best_practice.demo_content import PRACTICES
from best_practice.models import BestPracticePage
from network.models import NetworkPage


@pytest.fixture
def loaded(db):
    call_command("load_demo", skip_index=True, stdout=io.StringIO())


def test_demo_has_at_least_twelve_practices_across_networks(loaded):
    practices = BestPracticePage.objects.all()
    assert practices.count() == len(PRACTICES) >= 12
    levels = {practice.get_parent().specific.level for practice in practices.specific()}
    assert levels == set(NetworkPage.Level.values)
    organisations = {
        slug
        for practice in practices
        for slug in practice.contributing_organisations.values_list("slug", flat=True)
    }
    assert len(organisations) >= 10


def test_demo_covers_every_outcome_and_evidence_stage(loaded):
    practices = BestPracticePage.objects.all()
    assert set(practices.values_list("outcome", flat=True)) == set(
        BestPracticePage.Outcome.values
    )
    assert set(practices.values_list("evidence_stage", flat=True)) == set(
        BestPracticePage.EvidenceStage.values
    )


def test_demo_has_one_partners_only_and_one_police_only_practice(loaded):
    marked = {
        practice.handling: practice
        for practice in BestPracticePage.objects.exclude(handling="public")
    }
    assert BestPracticePage.objects.exclude(handling="public").count() == 2
    for handling, group in (("partners", "Partners"), ("police", "Police")):
        restriction = marked[handling].view_restrictions.get()
        assert [g.name for g in restriction.groups.all()] == [group]
    assert not BestPracticePage.objects.get(
        slug="car-wash-welfare-checks"
    ).view_restrictions.exists()


def test_demo_practices_are_tagged_and_classified(loaded):
    for practice in BestPracticePage.objects.all():
        assert practice.tags.exists(), practice.slug
        assert practice.themes.exists(), practice.slug
        assert practice.live and practice.next_review_due
    detection = BestPracticePage.objects.get(
        slug="slavery-detection-with-financial-institutions"
    )
    assert list(detection.sectors.values_list("slug", flat=True)) == [
        "financial-services"
    ]
    assert detection.recognition.exists() and detection.partners.exists()


def test_loading_the_demo_twice_adds_no_practice(loaded):
    before = {
        (practice.slug, practice.get_parent().pk, practice.tags.count())
        for practice in BestPracticePage.objects.all()
    }
    call_command("load_demo", skip_index=True, stdout=io.StringIO())
    after = {
        (practice.slug, practice.get_parent().pk, practice.tags.count())
        for practice in BestPracticePage.objects.all()
    }
    assert after == before
