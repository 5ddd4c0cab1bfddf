"""
Every page type of the demo portal, and the states people meet on it, in
Debian's Chromium: as an anonymous visitor, as a partner and as a network
coordinator. Each page must pass axe's WCAG 2.0, 2.1 and 2.2 A and AA rules
and must not scroll sideways at 320 px (tests/browser/checks.py); all the
problems are collected and reported together at the end.

Then a keyboard-only walk: from the home page to a search result, and
through a visitor's registration for an event, with focus visible on every
control reached.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from portal.mfa import requires_second_factor
from tests.browser.checks import DESKTOP, FOCUS_STYLES_JS, SCREENSHOTS, PageChecks
from tests.signing_in import enrol_authenticator, totp_code

pytestmark = pytest.mark.browser

WEST_YORKSHIRE = "/networks/national-network/west-yorkshire/"
LEEDS = f"{WEST_YORKSHIRE}leeds/"
OPEN_EVENT = f"{WEST_YORKSHIRE}county-lines-roadshow/county-lines-halifax/"
OTHER_OPEN_EVENT = f"{WEST_YORKSHIRE}county-lines-roadshow/county-lines-dewsbury/"
FULL_EVENT = f"{LEEDS}supply-chains-breakfast/"
BEGUN_TRAINING = f"{WEST_YORKSHIRE}bradford/nrm-first-responders-bradford/"
PRACTICE = f"{WEST_YORKSHIRE}leeds/awareness-in-the-homelessness-sector/"


@dataclass(frozen=True)
class Visit:
    """A page to check: its address, and what a person does there first."""

    name: str
    path: str
    action: Callable | None = None
    status: int = 200


# What people do on a page before it is checked --------------------------------


def press(button):
    """Press the main button of the page's form (sent as it stands)."""

    def action(page):
        page.get_by_role("main").get_by_role("button", name=button).click()
        expect(page.get_by_role("alert").first).to_be_visible()

    return action


def sign_in_wrongly(page):
    page.get_by_label("Username").fill("partner")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


def request_with_a_personal_address(page):
    page.get_by_label("Full name").fill("Sam Reid")
    page.get_by_label("Work email address").fill("sam.reid@gmail.com")
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_role("alert")).to_contain_text("Use your work email address.")


def request_an_account(page):
    page.get_by_label("Full name").fill("Alex Morgan")
    page.get_by_label("Work email address").fill("alex.morgan@leeds.gov.uk")
    page.get_by_label("Organisation", exact=True).select_option(
        label="Leeds City Council"
    )
    page.get_by_label("Job title or role").fill("Safeguarding lead")
    page.get_by_role("checkbox", name=re.compile("^West Yorkshire")).check()
    page.get_by_label("Why you want an account").fill("To share our training.")
    page.get_by_role("button", name="Send request").click()
    expect(page).to_have_url(re.compile(r"/account/request/sent/$"))


def open_the_month_calendar(page):
    page.get_by_role("link", name="Month calendar").click()
    expect(page.get_by_role("table").first).to_be_visible()


def book_a_place(page):
    page.get_by_role("button", name="Book a place").click()
    expect(page.get_by_text("Your place is confirmed.")).to_be_visible()


# The pages, by who visits them ------------------------------------------------

ANONYMOUS = [
    Visit("home", "/"),
    Visit("networks", "/networks/"),
    Visit("national-network", "/networks/national-network/"),
    Visit("regional-network", WEST_YORKSHIRE),
    Visit("district-forum", LEEDS),
    Visit("roadshow-series", f"{WEST_YORKSHIRE}county-lines-roadshow/"),
    Visit("meeting", f"{LEEDS}forum-meeting-march-2018/"),
    Visit(
        "meeting-minutes",
        f"{WEST_YORKSHIRE}community-outcomes-meeting-january-2018/minutes/",
    ),
    Visit("funding-register", f"{WEST_YORKSHIRE}funding/"),
    Visit("members", "/members/"),
    Visit("organisation", "/members/leeds-city-council/"),
    Visit("library", "/best-practice/"),
    Visit(
        "library-filtered",
        "/best-practice/?theme=victim-identification&q=awareness",
    ),
    Visit("library-bad-filter", "/best-practice/?theme=no-such-theme"),
    Visit("practice", PRACTICE),
    Visit("practice-print", f"{PRACTICE}print/"),
    Visit("events", "/events/"),
    Visit("events-past", "/events/?show=past"),
    Visit("events-calendar", "/events/", open_the_month_calendar),
    Visit("event", OPEN_EVENT),
    Visit("event-full", FULL_EVENT),
    Visit("event-cancelled", f"{WEST_YORKSHIRE}bradford/bradford-forum-open-meeting/"),
    Visit("event-postponed", "/networks/national-network/national-conference/"),
    Visit("event-past", f"{LEEDS}homelessness-awareness-event-2018/"),
    Visit("registration-errors", f"{OPEN_EVENT}register/", press("Register")),
    Visit("registration-waiting-list-form", f"{FULL_EVENT}register/"),
    Visit("training", "/training/"),
    Visit("training-courses", "/training/courses/"),
    Visit("search-results", "/search/?q=NRM"),
    Visit("search-no-results", "/search/?q=zzqxv"),
    Visit("glossary", "/glossary/"),
    Visit("period-report-form", "/reports/period/"),
    Visit("about", "/about/"),
    Visit("accessibility-statement", "/accessibility-statement/"),
    Visit("privacy-notice", "/privacy-notice/"),
    Visit("sign-in", "/account/sign-in/"),
    Visit("sign-in-error", "/account/sign-in/", sign_in_wrongly),
    Visit(
        "account-request-errors", "/account/request/", request_with_a_personal_address
    ),
    Visit("account-request-sent", "/account/request/", request_an_account),
    Visit("confirm-link-broken", "/account/request/confirm/not-a-token/", status=400),
    Visit("set-password-link-broken", "/account/set-password/MQ/not-a-token/"),
    Visit("not-found", "/no-such-page/", status=404),
]

PARTNER = [
    Visit("home", "/"),
    Visit("my-portal", "/my-portal/"),
    Visit("restricted-page", "/partner-briefing-referral-pathways/"),
    Visit("restricted-event", f"{WEST_YORKSHIRE}kirklees/car-wash-checks-briefing/"),
    Visit(
        "restricted-practice",
        f"{WEST_YORKSHIRE}calderdale/partner-referral-pathway-for-gp-practices/",
    ),
    Visit("library", "/best-practice/"),
    Visit("search-results", "/search/?q=referral"),
    Visit("event-booked", OTHER_OPEN_EVENT, book_a_place),
    Visit("event-full", FULL_EVENT),
    Visit("my-calendar", "/events/my-calendar/"),
    Visit("adoption-errors", f"{PRACTICE}adopt/", press("Record adoption")),
    Visit("leave-organisation", "/my-portal/leave-organisation/"),
    Visit(
        "close-account-errors", "/my-portal/close-account/", press("Close my account")
    ),
]

COORDINATOR = [
    Visit("my-portal", "/my-portal/"),
    Visit("registrations", "/events/registrations/"),
    Visit("event-with-registrations", FULL_EVENT),
    Visit("attendance", f"{BEGUN_TRAINING}attendance/"),
    Visit("training", "/training/"),
    Visit("training-import-errors", "/training/import/", press("Import")),
    Visit(
        "period-report",
        "/reports/period/?network={west_yorkshire}&period=fy-2017",
    ),
    Visit(
        "period-report-errors",
        "/reports/period/?network={west_yorkshire}&period=dates",
    ),
]


def sign_in(page, base_url, username, password):
    """Sign in as a person would, with the authenticator's code if asked."""
    user = get_user_model().objects.get(username=username)
    secret = enrol_authenticator(user) if requires_second_factor(user) else None
    page.goto(f"{base_url}/account/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if secret:
        page.get_by_label("Six-digit code").fill(totp_code(secret))
        page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def visit_all(check, base_url, persona, visits, **values):
    """Open each page, do what a person does there, then run the checks."""
    page = check.page
    for visit in visits:
        response = page.goto(base_url + visit.path.format(**values))
        if response.status != visit.status:
            check.problems.append(
                f"{persona} {visit.name}: {page.url} answered {response.status}, "
                f"not {visit.status}"
            )
            continue
        if visit.action:
            visit.action(page)
        if page.get_by_role("heading", level=1).count() != 1:
            check.problems.append(f"{persona} {visit.name}: not one level-1 heading")
        check(f"{persona}-{visit.name}")


def dynamic_visits():
    """Pages only a link from an e-mail leads to, made from the demo's records."""
    from django.contrib.auth import get_user_model

    from events.models import Registration
    from network.partners.accounts import confirm_token, set_password_path
    from network.partners.models import AccountRequest

    registration = Registration.objects.filter(
        status=Registration.Status.CONFIRMED, event__end__gt=timezone.now()
    ).first()
    unconfirmed = AccountRequest.objects.filter(
        status=AccountRequest.Status.UNCONFIRMED
    ).first()
    visits = [
        Visit("cancel-registration", registration.cancel_url()),
        Visit(
            "set-password",
            set_password_path(get_user_model().objects.get(username="police")),
        ),
    ]
    if unconfirmed is not None:
        visits.append(
            Visit(
                "confirm-address",
                f"/account/request/confirm/{confirm_token(unconfirmed)}/",
            )
        )
    return visits


def test_every_page_type_and_state_passes_the_checks(
    live_server, indexed_demo, browser
):
    demo_logins = indexed_demo
    from events.models.training import NamedAttendee
    from network.models import NetworkPage

    url = live_server.url
    west_yorkshire = NetworkPage.objects.get(url_path__endswith="/west-yorkshire/")
    problems = []
    visited = 0

    def persona(name, visits, username=None, **values):
        nonlocal visited
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        page.set_default_timeout(10_000)
        if username:
            sign_in(page, url, username, demo_logins[username])
        check = PageChecks(page)
        visit_all(check, url, name, visits, **values)
        problems.extend(check.problems)
        visited += check.visited
        context.close()

    persona("anonymous", ANONYMOUS + dynamic_visits())
    persona("partner", PARTNER, username="partner")
    certificate = NamedAttendee.objects.filter(
        record__network__url_path__startswith=west_yorkshire.url_path
    ).first()
    coordinator = [
        *COORDINATOR,
        Visit("certificate", f"/events/certificates/{certificate.pk}/"),
    ]
    persona(
        "coordinator",
        coordinator,
        username="wy-coordinator",
        west_yorkshire=west_yorkshire.pk,
    )

    assert not problems, f"{len(problems)} problems on {visited} pages:\n\n" + (
        "\n\n".join(problems)
    )


# The keyboard-only walk ------------------------------------------------------

DESCRIBE_JS = """element => {
  const name = element.getAttribute("aria-label") || element.textContent.trim();
  return `${element.tagName.toLowerCase()} "${name.slice(0, 40)}"`;
}"""


def tab_to(page, target, *, backwards=False, limit=80):
    """
    Press Tab (or Shift+Tab) until `target` has focus, and check that every
    element focused on the way, the target too, looked different focused.
    """
    key = "Shift+Tab" if backwards else "Tab"
    wanted = target.element_handle()
    unfocused = target.evaluate(FOCUS_STYLES_JS)
    passed = []
    for _ in range(limit):
        page.keyboard.press(key)
        active = page.evaluate_handle("document.activeElement")
        if active.evaluate("(element, wanted) => element === wanted", wanted):
            break
        passed.append((active, active.evaluate(FOCUS_STYLES_JS)))
    else:
        pytest.fail(f"{limit} presses of {key} never reached {target}")
    focused = target.evaluate(FOCUS_STYLES_JS)
    # Focus has moved on from the elements passed, so they show their
    # unfocused look now.
    unseen = [
        element.evaluate(DESCRIBE_JS)
        for element, style in passed
        if element.evaluate(FOCUS_STYLES_JS) == style
    ]
    if focused == unfocused:
        unseen.append(target.evaluate(DESCRIBE_JS))
    assert not unseen, f"focus is not visible on: {', '.join(unseen)}"


def test_keyboard_only_search_and_registration(live_server, indexed_demo, page):
    page.set_default_timeout(10_000)
    page.set_viewport_size(DESKTOP)
    url = live_server.url
    keyboard = page.keyboard

    # From the home page to the header's search box; search for an acronym.
    page.goto(f"{url}/")
    tab_to(page, page.get_by_role("searchbox", name="Search the portal"))
    keyboard.type("NRM")
    keyboard.press("Enter")
    expect(page).to_have_url(f"{url}/search/?q=NRM")

    # On to the first result, and open it.
    first = page.locator(".portal-search-result").first.get_by_role("link").first
    title = first.inner_text()
    tab_to(page, first)
    page.screenshot(path=SCREENSHOTS / "keyboard-search-result-focused-1280.png")
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    # Register for an event as a visitor: tab to each field and type.
    page.goto(f"{url}{OPEN_EVENT}")
    tab_to(page, page.get_by_role("button", name="Register"))
    keyboard.press("Enter")
    expect(page).to_have_url(f"{url}{OPEN_EVENT}register/")
    for label, text in [
        ("Full name", "Robin Ellis"),
        ("Email address", "robin.ellis@example.org"),
        ("Job title or role", "Outreach worker"),
    ]:
        tab_to(page, page.get_by_label(label, exact=True))
        keyboard.type(text)
    consent = page.get_by_role("checkbox", name=re.compile("^I agree"))
    tab_to(page, consent)
    keyboard.press("Space")
    expect(consent).to_be_checked()
    # Back up to check a field, then on to the button.
    tab_to(page, page.get_by_label("Full name", exact=True), backwards=True)
    expect(page.get_by_label("Full name", exact=True)).to_have_value("Robin Ellis")
    tab_to(page, page.get_by_role("main").get_by_role("button", name="Register"))
    page.screenshot(path=SCREENSHOTS / "keyboard-registration-focused-1280.png")
    keyboard.press("Enter")

    expect(page).to_have_url(f"{url}{OPEN_EVENT}")
    expect(page.get_by_role("alert")).to_contain_text(
        "Your place is confirmed. We have sent the details to robin.ellis@example.org."
    )
