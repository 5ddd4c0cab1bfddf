"""
Governance in Debian's Chromium: the West Yorkshire network page with its
meetings and action plans, the funding register, and the period report as a
coordinator sees it, on screen and printed as a panel paper. Every page
passes axe's WCAG 2.2 AA rules and 320 px reflow; screenshots are saved in
tests/screenshots/ (governance-*.png and the numbered ones).
"""

from django.contrib.auth import get_user_model

import pytest
from playwright.sync_api import expect

from tests.browser.checks import DESKTOP, SCREENSHOTS, PageChecks
from tests.signing_in import enrol_authenticator, totp_code

pytestmark = pytest.mark.browser

WEST_YORKSHIRE = "/networks/national-network/west-yorkshire/"


def test_network_governance_and_the_printed_period_report(
    live_server, demo_logins, page
):
    page.set_default_timeout(10_000)
    page.set_viewport_size(DESKTOP)
    check = PageChecks(page)
    url = live_server.url

    page.goto(f"{url}{WEST_YORKSHIRE}")
    expect(page.locator("#plan-rollup")).to_contain_text(
        "5 district forums, 25 actions"
    )
    check("governance-network-page")

    page.goto(f"{url}{WEST_YORKSHIRE}funding/")
    expect(page.get_by_text("£36,343").first).to_be_visible()
    check("governance-funding")

    # Sign in as the West Yorkshire coordinator for the full report: a
    # password, then the code from the authenticator app set up earlier.
    secret = enrol_authenticator(
        get_user_model().objects.get(username="wy-coordinator")
    )
    page.goto(f"{url}/account/sign-in/?next=/reports/period/")
    page.get_by_label("Username").fill("wy-coordinator")
    page.get_by_label("Password").fill(demo_logins["wy-coordinator"])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    check("mfa-enter-code")
    page.get_by_label("Six-digit code").fill(totp_code(secret))
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Network", exact=True).select_option(
        label="\u2003West Yorkshire Anti-Trafficking and Modern Slavery Network"
    )
    page.get_by_label("Period", exact=True).select_option(
        label="Financial year 2017–18"
    )
    page.get_by_role("button", name="Show the report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "West Yorkshire Anti-Trafficking and Modern Slavery Network"
    )
    expect(
        page.get_by_role("table", name="Funding awarded by network: the figures")
    ).to_contain_text("£37,343")
    check("governance-period-report")

    # Printed: no header, form or links; charts and tables on the page.
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Show the report")).to_be_hidden()
    page.screenshot(
        path=SCREENSHOTS / "governance-period-report-print.png", full_page=True
    )
    page.pdf(path=SCREENSHOTS / "governance-period-report.pdf", format="A4")
    page.emulate_media(media="screen")

    # A period that makes no sense gets a message, not a report.
    page.get_by_label("Period", exact=True).select_option(label="Chosen dates")
    page.get_by_label("From").fill("2018-04-01")
    page.get_by_label("To").fill("2018-03-01")
    page.get_by_role("button", name="Show the report").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The end date must be on or after the start date."
    )
    check("governance-period-report-errors")

    check.assert_none()
