"""
Searching the demo portal for an acronym on a phone, in Debian's Chromium.

A visitor types "NRM" into the header's search box at phone width: the
search page defines the term first, says it also searched for the words it
stands for, and lists results. Suggestions as you type work with the
keyboard alone. Pages are checked with axe (WCAG 2.2 AA), for sideways
scrolling at 320 px, and saved as screenshots in tests/screenshots/.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import MOBILE, SCREENSHOTS, PageChecks

pytestmark = pytest.mark.browser


def test_search_for_an_acronym_on_a_phone(live_server, indexed_demo, page):
    page.set_default_timeout(10_000)
    page.set_viewport_size(MOBILE)
    check = PageChecks(page)
    url = live_server.url

    page.goto(f"{url}/")
    box = page.get_by_role("searchbox", name="Search the portal")
    box.fill("NRM")
    box.press("Enter")

    expect(page).to_have_url(f"{url}/search/?q=NRM")
    expect(page).to_have_title(re.compile("Search: “NRM”"))
    main = page.get_by_role("main")
    expect(
        main.get_by_role("heading", name="NRM: National Referral Mechanism")
    ).to_be_visible()
    expect(
        main.get_by_text("Including results for “National Referral Mechanism”")
    ).to_be_visible()
    expect(
        main.get_by_role("heading", level=2, name=re.compile(r"\d+ results? for “NRM”"))
    ).to_be_visible()
    results = main.locator(".portal-search-result")
    assert results.count() >= 1
    page.screenshot(path=SCREENSHOTS / "search-nrm-phone-375.png", full_page=True)
    check("search-nrm")

    # Suggestions, with the keyboard only.
    field = main.get_by_role("combobox", name="Search the portal")
    field.fill("")
    field.press_sequentially("NR", delay=50)
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    first = listbox.get_by_role("option").first
    expect(first).to_contain_text("NRM (National Referral Mechanism)")
    field.press("ArrowDown")
    expect(field).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(first).to_have_attribute("aria-selected", "true")
    page.screenshot(path=SCREENSHOTS / "search-suggestions-phone-375.png")
    field.press("Escape")
    expect(listbox).to_be_hidden()
    field.press("ArrowDown")
    expect(listbox).to_be_hidden()

    field.press_sequentially("M", delay=50)
    expect(listbox).to_be_visible()
    field.press("ArrowDown")
    field.press("Enter")
    expect(page).to_have_url(f"{url}/glossary/#nrm")
    check("glossary")

    check.assert_none()
