"""
A morning's traffic on the portal, for `benchmarks/load.py`.

Front-line staff and partners opening the portal at the start of a shift:
three in four arrive without signing in and look things up (the home page,
the library and its filters, practices, search and its suggestions, events,
calendar feeds); one in four is a partner who signs in and reads restricted
guidance as well. load.py runs it against gunicorn with LOAD_TARGETS naming
a JSON file of addresses read from the corpus, and LOAD_THINK_TIME the
seconds ("low,high") each person waits between pages.

Every response is checked for its status and for text the page must show,
so a wrong page (an error page, a sign-in form, an empty search) counts as
a failure rather than as a fast answer. Requests are named by page kind,
which is how locust's statistics group them; kinds only a signed-in partner
loads say "(signed in)".
"""

import json
import os
import random
import re
from pathlib import Path
from urllib.parse import quote, urlencode

from locust import HttpUser, between, task

TARGETS = json.loads(Path(os.environ["LOAD_TARGETS"]).read_text())
THINK_TIME = [float(value) for value in os.environ["LOAD_THINK_TIME"].split(",")]
SIGN_IN = "/account/sign-in/"
SIGN_OUT = "/account/sign-out/"
# What shows that a page is the sign-in form (or sends someone to it).
SIGN_IN_FORM = 'name="password"'
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SEARCH_RESULTS = 'id="results-heading"'
SEARCH_UNAVAILABLE = 'id="search-unavailable-title"'
FILTERS_APPLIED = "Clear filters and search"
FORM_ERRORS = "govuk-error-summary"
CALENDAR = "BEGIN:VCALENDAR"


def problem_with(response, status, marker, refuse):
    """Return what is wrong with `response`, or None when it is as expected."""
    if response.status_code != status:
        return f"status {response.status_code}, expected {status}"
    if marker and marker not in response.text:
        return f"the response does not contain {marker!r}"
    if refuse and refuse in response.text:
        return f"the response contains {refuse!r}"
    return None


def csrf_token(text):
    """Return the page's CSRF token; without one, the POST fails and counts."""
    found = CSRF_TOKEN.search(text)
    return found.group(1) if found else ""


class Reader(HttpUser):
    """What everyone does: look guidance, events and dates up."""

    abstract = True
    wait_time = between(*THINK_TIME)

    def page(self, kind, path, marker, refuse=None):
        """GET `path` as `kind`; return its text, or None when it failed."""
        with self.client.get(
            path, name=kind, catch_response=True, allow_redirects=False
        ) as response:
            problem = problem_with(response, 200, marker, refuse)
            if problem:
                response.failure(problem)
                return None
            return response.text

    @task(10)
    def home(self):
        target = TARGETS["home"]
        self.page("home", target["path"], target["marker"])

    @task(8)
    def library(self):
        target = TARGETS["library"]
        self.page("library", target["path"], target["marker"], refuse=FORM_ERRORS)

    @task(10)
    def library_filtered(self):
        query = urlencode(random.choice(TARGETS["library_filters"]))
        self.page(
            "library with filters",
            f"{TARGETS['library']['path']}?{query}",
            FILTERS_APPLIED,
            refuse=FORM_ERRORS,
        )

    @task(15)
    def practice(self):
        target = random.choice(TARGETS["practices"])
        self.page("practice", target["path"], target["marker"])

    @task(15)
    def search(self):
        query = quote(random.choice(TARGETS["searches"]))
        self.page(
            "search", f"/search/?q={query}", SEARCH_RESULTS, refuse=SEARCH_UNAVAILABLE
        )

    @task(10)
    def suggestions(self):
        # As the search box asks while a word is typed: each longer start.
        word = random.choice(TARGETS["suggestions"])
        for length in range(max(3, len(word) - 1), len(word) + 1):
            with self.client.get(
                f"/search/suggest/?q={quote(word[:length])}",
                name="search suggestions",
                catch_response=True,
            ) as response:
                problem = problem_with(response, 200, None, None)
                if not problem and not response.json().get("available"):
                    problem = "the search index was unavailable"
                if problem:
                    response.failure(problem)

    @task(6)
    def events(self):
        target = TARGETS["events"]
        self.page("events", target["path"], target["marker"])

    @task(6)
    def event(self):
        target = random.choice(TARGETS["event_pages"])
        self.page("event", target["path"], target["marker"])

    @task(2)
    def calendar(self):
        self.page("iCal, every event", "/events/feed.ics", CALENDAR)

    @task(2)
    def network_calendar(self):
        path = random.choice(TARGETS["network_feeds"])
        self.page("iCal, a network's events", path, CALENDAR)


class Visitor(Reader):
    """Someone who does not sign in; now and then opens the sign-in page."""

    weight = 3

    @task(2)
    def sign_in_page(self):
        self.page("sign-in page", SIGN_IN, SIGN_IN_FORM)


class Partner(Reader):
    """A partner who signs in first and reads restricted guidance too."""

    weight = 1

    def on_start(self):
        self.sign_in()

    def sign_in(self):
        """Open the sign-in form, sign in, and land on a restricted page."""
        text = self.page("sign-in page", SIGN_IN, SIGN_IN_FORM)
        if text is None:
            return
        target = random.choice(TARGETS["restricted"])
        credentials = TARGETS["sign_in"]
        with self.client.post(
            SIGN_IN,
            data={
                "username": credentials["username"],
                "password": credentials["password"],
                "csrfmiddlewaretoken": csrf_token(text),
                "next": target["path"],
            },
            name="sign in",
            catch_response=True,
            allow_redirects=False,
        ) as response:
            problem = problem_with(response, 302, None, None)
            if not problem and response.headers["Location"] != target["path"]:
                problem = (
                    f"sent to {response.headers['Location']}, not the page asked for"
                )
            if problem:
                response.failure(problem)
                return
        self.read_restricted(target)

    def read_restricted(self, target):
        return self.page(
            "restricted page (signed in)",
            target["path"],
            target["marker"],
            refuse=SIGN_IN_FORM,
        )

    @task(8)
    def restricted(self):
        self.read_restricted(random.choice(TARGETS["restricted"]))

    @task(1)
    def sign_in_again(self):
        """Sign out (as at the end of a shift) and back in."""
        text = self.read_restricted(random.choice(TARGETS["restricted"]))
        if text is None:
            return
        with self.client.post(
            SIGN_OUT,
            data={"csrfmiddlewaretoken": csrf_token(text)},
            name="sign out (signed in)",
            catch_response=True,
            allow_redirects=False,
        ) as response:
            problem = problem_with(response, 302, None, None)
            if problem:
                response.failure(problem)
                return
        self.sign_in()
