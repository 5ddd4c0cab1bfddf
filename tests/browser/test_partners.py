"""
Partner accounts in Debian's Chromium: the request form sent with a personal
address and gaps (which passes axe's WCAG 2.2 AA rules and 320 px reflow),
the demo coordinator's first visit to the admin (setting up two-step sign-in)
and "Account requests" screens. All are saved as screenshots in
tests/screenshots/.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import DESKTOP, SCREENSHOTS, PageChecks
from tests.signing_in import totp_code

pytestmark = pytest.mark.browser


def test_request_form_errors_and_approval_screen(live_server, demo_logins, page):
    page.set_default_timeout(10_000)
    page.set_viewport_size(DESKTOP)
    check = PageChecks(page)
    url = live_server.url

    page.goto(f"{url}/")
    page.get_by_role("link", name="Request an account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Request an account")
    page.get_by_label("Full name").fill("Sam Reid")
    page.get_by_label("Work email address").fill("sam.reid@gmail.com")
    page.get_by_role("button", name="Send request").click()
    expect(page).to_have_title(re.compile(r"^Error: Request an account"))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Use your work email address.")
    expect(summary).to_contain_text("Choose at least one network to join.")
    # The summary's links take keyboard users to the field.
    summary.get_by_role("link", name=re.compile("Use your work email")).click()
    expect(page.get_by_label("Work email address")).to_be_focused()
    check("partners-request-errors")

    # The demo coordinator signs in and opens the waiting requests.
    page.goto(f"{url}/admin/login/")
    page.get_by_label("Username").fill("wy-coordinator")
    page.get_by_label("Password").fill(demo_logins["wy-coordinator"])
    page.get_by_role("button", name="Sign in").click()
    # The first time, the admin waits for an authenticator app to be set up.
    # The whole set-up is done here as a person does it, the code computed
    # from the key the page shows, the way the app on a phone would.
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-step sign-in")
    check("mfa-set-up-required")
    page.get_by_role("link", name="Set up an authenticator app").click()
    page.get_by_label("Six-digit code from the app").fill("000000")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page).to_have_title(re.compile(r"^Error: Set up an authenticator app"))
    check("mfa-set-up-wrong-code")
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator(".mfa-secret-key").inner_text()
    page.get_by_label("Six-digit code from the app").fill(totp_code(secret))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery codes")
    expect(page.locator(".mfa-recovery-codes li")).to_have_count(10)
    check("mfa-recovery-codes")
    page.get_by_role("link", name="Continue to the editing screens").click()
    # The admin scrolls inside its own frame: a tall window shows it whole.
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.goto(f"{url}/admin/account-requests/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Account requests")
    expect(page.get_by_role("link", name="Priya Sharma")).to_be_visible()
    page.screenshot(
        path=SCREENSHOTS / "partners-admin-requests-1280.png", full_page=True
    )

    page.get_by_role("link", name="Lee Harper").click()
    expect(page.get_by_role("button", name=re.compile("^Approve"))).to_be_visible()
    page.screenshot(
        path=SCREENSHOTS / "partners-admin-approval-1280.png", full_page=True
    )
    page.get_by_role("button", name=re.compile("^Approve")).click()
    expect(page.get_by_text("has an account")).to_be_visible()

    # A partner's own page, signed in on the public site.
    page.context.clear_cookies()
    page.set_viewport_size(DESKTOP)
    page.goto(f"{url}/account/sign-in/")
    page.get_by_label("Username").fill("partner")
    page.get_by_label("Password").fill(demo_logins["partner"])
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="My portal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My portal")
    expect(
        page.get_by_role("link", name="Quillfield Night Shelter", exact=True)
    ).to_be_visible()
    check("partners-my-portal")

    check.assert_none()
