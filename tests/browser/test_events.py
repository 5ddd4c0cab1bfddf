"""
The events pages in Debian's Chromium: the /events/ month calendar (looked at
375 px wide), a roadshow stop, and the visitor registration form sent empty.
Every page passes axe's WCAG 2.2 AA rules and 320 px reflow, and is saved
as screenshots in tests/screenshots/.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import DESKTOP, MOBILE, SCREENSHOTS, PageChecks

pytestmark = pytest.mark.browser

STOP_PATH = (
    "/networks/national-network/west-yorkshire/county-lines-roadshow/"
    "county-lines-halifax/"
)


def test_events_calendar_event_and_registration_errors(live_server, demo_logins, page):
    page.set_default_timeout(10_000)
    page.set_viewport_size(DESKTOP)
    check = PageChecks(page)
    url = live_server.url

    # The month calendar is a table a phone can read.
    page.goto(f"{url}/events/")
    page.get_by_role("link", name="Month calendar").click()
    expect(page.get_by_role("table").first).to_be_visible()
    page.set_viewport_size(MOBILE)
    page.screenshot(path=SCREENSHOTS / "events-calendar-month-375.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    check("events-calendar")

    # A roadshow stop, then its registration form sent with nothing filled in.
    page.goto(f"{url}{STOP_PATH}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Halifax")
    check("event-page")

    page.get_by_role("button", name="Register").click()
    expect(page).to_have_url(f"{url}{STOP_PATH}register/")
    page.get_by_role("button", name="Register").click()
    expect(page).to_have_title(re.compile(r"^Error: Register for "))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Enter your full name.")
    expect(summary).to_contain_text("Agree to how your details are used")
    # The summary's links take keyboard users to the field.
    summary.get_by_role("link", name="Enter your full name.").click()
    expect(page.get_by_label("Full name")).to_be_focused()
    check("registration-errors")

    check.assert_none()


def test_training_totals_with_charts_and_tables(live_server, demo_logins, page):
    page.set_default_timeout(10_000)
    page.set_viewport_size(DESKTOP)
    check = PageChecks(page)
    page.goto(f"{live_server.url}/training/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training")
    expect(
        page.get_by_role("table", name="People trained by network: the figures")
    ).to_be_visible()
    check("training")
    page.get_by_label("Period").select_option(label="Financial year 2018–19")
    page.get_by_role("button", name="Apply filters").click()
    expect(
        page.get_by_role("heading", name="People trained by quarter")
    ).to_be_visible()
    check("training-2018-19")
    check.assert_none()
