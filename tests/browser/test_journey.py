"""
A visitor's journey through the demo portal in Debian's Chromium.

Home → Networks → national network → West Yorkshire → Leeds forum, then the
partners-only briefing: sent to sign in as an anonymous visitor, shown the
page once signed in as a partner. Every page visited is checked with axe
(WCAG 2.2 AA rules), must not scroll sideways at 320 px, and is saved as a
full-page screenshot at 1280 px and 375 px in tests/screenshots/.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import (
    DESKTOP,
    FOCUS_STYLES_JS,
    SCREENSHOTS,
    PageChecks,
)

pytestmark = pytest.mark.browser

PARTNERS_PATH = "/partner-briefing-referral-pathways/"
PARTNERS_TITLE = "Partner briefing: referral pathways"


def test_visitor_journey(live_server, demo_logins, page):
    page.set_default_timeout(10_000)
    page.set_viewport_size(DESKTOP)
    check = PageChecks(page)
    url = live_server.url

    # Home page; the first Tab press lands on a visibly focused skip link.
    page.goto(f"{url}/")
    expect(page).to_have_title(re.compile("Network Portal"))
    skip_link = page.get_by_role("link", name="Skip to main content")
    unfocused = skip_link.evaluate(FOCUS_STYLES_JS)
    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    box = skip_link.bounding_box()
    assert box and box["width"] > 1 and box["height"] > 1, f"skip link box: {box}"
    focused = skip_link.evaluate(FOCUS_STYLES_JS)
    assert focused != unfocused, f"focus does not change the skip link: {focused}"
    page.screenshot(path=SCREENSHOTS / "00-home-skip-link-focused-1280.png")
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()
    check("home")

    # Follow the links a visitor would click, down to a district forum.
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Networks"
    ).click()
    expect(page).to_have_url(f"{url}/networks/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Networks")
    check("networks")

    main = page.get_by_role("main")
    steps = [
        (
            "National Anti-Trafficking and Modern Slavery Network",
            "/networks/national-network/",
            "national-network",
        ),
        (
            "West Yorkshire Anti-Trafficking and Modern Slavery Network",
            "/networks/national-network/west-yorkshire/",
            "west-yorkshire",
        ),
        (
            "Leeds Anti-Trafficking Strategy Forum",
            "/networks/national-network/west-yorkshire/leeds/",
            "leeds-forum",
        ),
    ]
    for title, path, name in steps:
        main.get_by_role("link", name=title, exact=True).click()
        expect(page).to_have_url(f"{url}{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        check(name)

    # Anonymous visitors are sent to sign in for the partners-only page...
    page.goto(f"{url}{PARTNERS_PATH}")
    expect(page).to_have_url(re.compile(re.escape(f"{url}/account/sign-in/?next=")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    expect(page.get_by_text(PARTNERS_TITLE)).to_have_count(0)
    check("sign-in")

    # ...and shown it once signed in as a partner.
    page.get_by_label("Username").fill("partner")
    page.get_by_label("Password").fill(demo_logins["partner"])
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{url}{PARTNERS_PATH}")
    expect(page.get_by_role("heading", level=1)).to_have_text(PARTNERS_TITLE)
    expect(main.get_by_text("Partners only", exact=True)).to_be_visible()
    expect(page.get_by_text("Signed in as Pat Partner")).to_be_visible()
    check("partner-briefing-signed-in")

    check.assert_none()
