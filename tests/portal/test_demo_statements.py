"""
The demo's privacy notice and accessibility statement, as a visitor reads
them, say what the portal really does: each retention period is the one the
code that erases the data uses, read here from the same constants.
"""

import re

from django.utils.html import strip_tags

import pytest

from events.models.training import name_retention_months
from events.registration import RETENTION_MONTHS
from network.partners.accounts import CONFIRM_MAX_AGE, DECLINED_KEPT_DAYS
from portal.demo import DemoLoader
from search.models import FAILED_SEARCH_KEPT_DAYS


@pytest.fixture
def statement_pages(db):
    """The demo's home page and standard pages, linked from the footer."""
    loader = DemoLoader()
    home = loader.load_home()
    loader.load_settings(home, loader.load_standard_pages(home))


def read(client, path):
    """Return the page's main text with the markup removed, as one line."""
    response = client.get(path)
    assert response.status_code == 200
    main = re.search(r"<main.*</main>", response.content.decode(), re.S).group()
    return " ".join(strip_tags(main).split())


def test_privacy_notice_states_the_retention_periods_the_code_uses(
    client, statement_pages
):
    notice = read(client, "/privacy-notice/")
    for promise in [
        # events.registration.erase_past_registrations
        f"erased {RETENTION_MONTHS} months after the event ends",
        # events.training.erase_expired_names
        f"erased {name_retention_months()} months after the session",
        # search.models.FailedSearch.purge
        f"deleted after {FAILED_SEARCH_KEPT_DAYS} days",
        "Not who searched",
        # network.partners.accounts.purge_requests
        f"when the confirmation link expires, after {CONFIRM_MAX_AGE // 86400} days",
        f"declined request is deleted {DECLINED_KEPT_DAYS} days after the decision",
        # Sign-in lockout and cookies.
        "the username tried and the IP address, for a limited time",
        "Passwords are never recorded",
        "do not use analytics or advertising cookies",
    ]:
        assert promise in notice


def test_accessibility_statement_says_how_the_portal_is_tested(client, statement_pages):
    statement = read(client, "/accessibility-statement/")
    for claim in [
        "WCAG) version 2.2 at level AA",
        "axe-core checker against WCAG 2.0, 2.1 and 2.2 at levels A and AA",
        "no page scrolls sideways on a screen 320 pixels wide",
        "using only a keyboard can search the portal, open a result and "
        "register for an event",
        "email accessibility@network-portal.example.org",
    ]:
        assert claim in statement
