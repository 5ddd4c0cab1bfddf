"""Browser-test fixtures: Debian's Chromium, the demo portal on a live server."""

import io
import os
import shutil

from django.core.management import call_command

import pytest

# Playwright's sync API runs an event loop in the test thread; Django then
# refuses ORM calls from it (SynchronousOnlyOperation) unless this is set.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium: Playwright's own browser download is not used."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Debian's Chromium is not installed (no `chromium` on PATH). "
            "Run `make browser` to install it, then run the browser tests again.",
            pytrace=False,
        )
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def demo_logins(transactional_db):
    """Load the demo portal; return the demo users' passwords by username."""
    from portal.demo import read_logins

    call_command("load_demo", skip_index=True, stdout=io.StringIO())
    return read_logins()


@pytest.fixture
def indexed_demo(demo_logins, search_index):
    """
    The demo portal with its search index built, as `load_demo` leaves it,
    in a folder of the test's own.
    """
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    return demo_logins
