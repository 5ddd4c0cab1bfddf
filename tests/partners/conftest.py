"""Fixtures for partner accounts: listed domains, coordinators, a request."""

import re

from django.core import mail
from django.core.cache import cache

import pytest

from network.partners.models import OrganisationEmailDomain
from portal.factories import UserFactory


@pytest.fixture(autouse=True)
def fresh_limits():
    """Each test starts with no attempts counted against it."""
    cache.clear()


@pytest.fixture
def domains(tree):
    """leeds.gov.uk is Leeds Council's; the force and the charity list theirs."""
    for organisation, domain in [
        (tree.council, "leeds.gov.uk"),
        (tree.police_force, "yorkshire.police.uk"),
        (tree.charity, "safeharbour.org.uk"),
    ]:
        OrganisationEmailDomain.objects.create(organisation=organisation, domain=domain)


def coordinator_of(network, username):
    return UserFactory(
        username=username,
        email=f"{username}@coordinators.example.org",
        groups=[network.coordinators_group],
    )


@pytest.fixture
def wy_coordinator(tree):
    """Coordinates West Yorkshire, and so its Leeds and Bradford forums."""
    return coordinator_of(tree.west_yorkshire, "cora")


@pytest.fixture
def ne_coordinator(tree):
    return coordinator_of(tree.north_east, "nell")


def request_data(tree, **changes):
    data = {
        "name": "Asha Patel",
        "email": "asha.patel@leeds.gov.uk",
        "organisation": tree.council.pk,
        "organisation_name": "",
        "role": "Community safety officer",
        "networks": [tree.leeds.pk],
        "reason": "I lead the council's work with the Leeds forum.",
    }
    data.update(changes)
    return data


def link_in(message, pattern):
    """Return the path of the first link in `message` that matches `pattern`."""
    found = re.search(r"https?://[^/\s]+(" + re.escape(pattern) + r"\S*)", message.body)
    assert found, f"No link matching {pattern!r} in:\n{message.body}"
    return found.group(1)


def send_and_confirm(client, tree, **changes):
    """Send the join form and confirm the address from the e-mailed link."""
    response = client.post("/account/request/", request_data(tree, **changes))
    assert response.status_code == 302, response.content.decode()
    confirm_path = link_in(mail.outbox[-1], "/account/request/confirm/")
    return client.post(confirm_path)
