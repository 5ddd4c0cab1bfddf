"""The demo has domains, waiting requests and a coordinator to decide them."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from network.models import NetworkPage, OrganisationPage
from network.partners.demo import load_partner_accounts
from network.partners.models import AccountRequest, OrganisationEmailDomain
from portal.demo import DemoLoader
from tests.signing_in import sign_in_with_second_factor


def test_demo_requests_wait_for_the_demo_coordinator(client, db):
    call_command("load_demo", skip_index=True, stdout=io.StringIO())
    assert OrganisationEmailDomain.objects.filter(
        domain="leeds.gov.uk", organisation__slug="leeds-city-council"
    ).exists()
    statuses = dict(AccountRequest.objects.values_list("name", "status"))
    assert statuses == {
        "Priya Sharma": "pending",
        "Lee Harper": "pending",
        "Dana Okafor": "held",
    }
    # The demo partner has a home in My portal.
    partner = get_user_model().objects.get(username="partner")
    assert partner.partner_profile.organisation.slug == "quillfield-night-shelter"
    coordinator = get_user_model().objects.get(username="wy-coordinator")
    sign_in_with_second_factor(client, coordinator)
    assert "Account requests (3)" in client.get("/admin/").content.decode()
    held = AccountRequest.objects.get(name="Dana Okafor")
    page = client.get(f"/admin/account-requests/{held.pk}/").content.decode()
    assert "northwold-volunteers.example.net is not listed" in page

    # Loading again adds nothing.
    loader = DemoLoader()
    load_partner_accounts(
        loader,
        {network.slug: network for network in NetworkPage.objects.all()},
        {
            organisation.slug: organisation
            for organisation in OrganisationPage.objects.all()
        },
    )
    assert loader.created == 0
