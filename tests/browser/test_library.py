"""
An officer on a phone finds a practice in the library and prints it.

At 375 px: the library, a theme filter ticked by keyboard and applied, the
filtered list (kept in the address, no police-only practice for an
anonymous visitor), the practice page with its labels and review dates, and
its printable summary. Every page passes the checks of tests/browser/checks.py.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import MOBILE, PageChecks

pytestmark = pytest.mark.browser

PRACTICE_TITLE = "Spotting slavery through bank accounts"
POLICE_ONLY_TITLE = "Sharing intelligence with European agencies"


def test_library_filtered_on_a_phone_then_printed(live_server, demo_logins, page):
    page.set_default_timeout(10_000)
    check = PageChecks(page)
    url = live_server.url
    page.set_viewport_size(MOBILE)

    page.goto(f"{url}/best-practice/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Best practice")
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name=POLICE_ONLY_TITLE)).to_have_count(0)
    check("library")

    # Tick a theme with the keyboard, then apply the filters.
    theme = main.get_by_role("checkbox", name=re.compile("^Victim identification"))
    theme.focus()
    page.keyboard.press("Space")
    expect(theme).to_be_checked()
    main.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]theme=victim-identification"))
    expect(
        main.get_by_role("checkbox", name=re.compile("^Victim identification"))
    ).to_be_checked()
    expect(main.get_by_role("link", name=PRACTICE_TITLE)).to_be_visible()
    expect(main.get_by_role("link", name=POLICE_ONLY_TITLE)).to_have_count(0)
    check("library-filtered")

    # The practice: what happened, how sure they are, when it was reviewed.
    main.get_by_role("link", name=PRACTICE_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PRACTICE_TITLE)
    expect(main.get_by_text("Worked", exact=True).first).to_be_visible()
    expect(
        main.get_by_text(re.compile(r"Last reviewed .* · Next review due"))
    ).to_be_visible()
    check("practice")

    # The one-page summary for an officer on shift.
    main.get_by_role("link", name=re.compile("^Printable summary")).click()
    expect(page).to_have_url(re.compile(r"/print/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(PRACTICE_TITLE)
    page.emulate_media(media="print")
    expect(
        page.get_by_text(re.compile(r"Last reviewed .* · Next review due"))
    ).to_be_visible()
    page.emulate_media(media="screen")
    check("practice-print")

    check.assert_none()
