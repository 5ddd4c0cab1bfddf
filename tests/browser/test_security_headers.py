"""
The portal works in Chromium under its own Content-Security-Policy.

The header is only worth having if the browser enforces it and nothing on
the site breaks: the pages below are opened anonymously and as an editor
(whose pages carry Wagtail's userbar), and Chromium must report no
violation while the site's scripts still run.
"""

import io

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from events.models import EventPage

pytestmark = pytest.mark.browser


def watch_for_violations(page):
    """Return the list that Chromium's CSP violation reports are added to."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return violations


def open_and_check(page, url, violations):
    page.goto(url)
    page.wait_for_load_state("load")
    # portal.js marks the page once GOV.UK Frontend has started.
    expect(page.locator("body.govuk-frontend-supported")).to_have_count(1)
    assert not violations, f"{url}:\n" + "\n".join(violations)


def test_public_pages_run_under_the_policy(live_server, demo_logins, page):
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    page.set_default_timeout(10_000)
    violations = watch_for_violations(page)
    url = live_server.url
    event = EventPage.objects.live().public().order_by("path").first()
    for path in (
        "/",
        "/best-practice/?theme=victim-identification",
        event.url,
        "/account/sign-in/",
        "/account/request/",
    ):
        open_and_check(page, f"{url}{path}", violations)

    # Search suggestions are fetched by script from the portal itself.
    open_and_check(page, f"{url}/search/?q=NRM", violations)
    field = page.get_by_role("main").get_by_role("combobox", name="Search the portal")
    field.fill("")
    field.press_sequentially("NR", delay=50)
    expect(page.get_by_role("listbox", name="Suggestions")).to_be_visible()
    assert not violations, "\n".join(violations)


def test_an_editors_pages_and_userbar_run_under_the_policy(
    live_server, demo_logins, page
):
    page.set_default_timeout(10_000)
    violations = watch_for_violations(page)
    url = live_server.url
    page.goto(f"{url}/account/sign-in/")
    page.get_by_label("Username").fill("wy-coordinator")
    page.get_by_label("Password").fill(demo_logins["wy-coordinator"])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as")).to_be_visible()

    open_and_check(page, f"{url}/networks/national-network/west-yorkshire/", violations)
    userbar = page.locator("wagtail-userbar")
    expect(userbar).to_have_count(1)
    userbar.locator("#wagtail-userbar-trigger").click()
    expect(userbar.get_by_role("menuitem").first).to_be_visible()
    assert not violations, "\n".join(violations)
