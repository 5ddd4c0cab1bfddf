"""Home page, standard pages, navigation, sign-in, sitemap and error pages."""

import re

from django.urls import reverse

from wagtail.models import Site

import pytest

from portal.models import PortalSettings
from portal.visibility import PARTNERS_GROUP
from tests.conftest import restrict
from tests.signing_in import sign_in_with_second_factor


@pytest.mark.django_db
def test_home_page_lists_the_national_network_and_empty_sections(client, tree):
    html = client.get("/").content.decode()
    assert "National Network" in html
    assert "No best practice has been published yet" in html
    assert "No events are scheduled at the moment" in html


@pytest.mark.django_db
def test_header_navigation_shows_the_sections_in_order(client, tree):
    response = client.get("/")
    titles = [item["title"] for item in response.context["primary_navigation"]]
    assert titles == ["Networks", "Members"]


@pytest.mark.django_db
def test_navigation_marks_the_current_section(client, tree):
    response = client.get(tree.leeds.url)
    active = [
        item["title"]
        for item in response.context["primary_navigation"]
        if item["active"]
    ]
    assert active == ["Networks"]


@pytest.mark.django_db
def test_menus_leave_out_restricted_sections(client, tree, personas):
    restrict(tree.directory, PARTNERS_GROUP)
    response = client.get("/")
    assert [i["title"] for i in response.context["primary_navigation"]] == ["Networks"]
    client.force_login(personas["partner"])
    response = client.get("/")
    assert [i["title"] for i in response.context["primary_navigation"]] == [
        "Networks",
        "Members",
    ]


@pytest.mark.django_db
def test_breadcrumbs_lead_from_home_to_the_page(client, tree):
    crumbs = client.get(tree.leeds.url).context["breadcrumbs"]
    # "Home", as in the trails of views outside the page tree (WCAG 3.2.4).
    assert [c["title"] for c in crumbs] == [
        "Home",
        "Networks",
        "National Network",
        "West Yorkshire",
        "Leeds forum",
    ]


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in_for_restricted_pages(client, tree):
    response = client.get(tree.partners_page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/?next=")


@pytest.mark.django_db
def test_a_partner_signs_in_and_reads_the_partners_page(client, tree, personas):
    response = client.post(
        reverse("account:sign-in"),
        {
            "username": "partner",
            "password": "correct horse battery staple",
            "next": tree.partners_page.url,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == tree.partners_page.url
    page = client.get(tree.partners_page.url)
    assert page.status_code == 200
    assert "Partners only" in page.content.decode()


@pytest.mark.django_db
def test_a_partner_cannot_open_police_only_pages(client, tree, personas):
    client.force_login(personas["partner"])
    assert client.get(tree.police_page.url).status_code == 302
    client.force_login(personas["police"])
    assert client.get(tree.police_page.url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [{}, {"username": "partner"}, {"username": "partner", "password": "wrong"}],
)
def test_a_failed_sign_in_explains_what_to_do(client, tree, personas, data):
    response = client.post(reverse("account:sign-in"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "<title>Error: Sign in" in html
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_signing_out_needs_a_post_and_ends_the_session(client, tree, personas):
    client.force_login(personas["partner"])
    client.post(reverse("account:sign-out"))
    assert client.get(tree.partners_page.url).status_code == 302


@pytest.mark.django_db
def test_sitemap_lists_only_pages_the_visitor_may_open(client, tree, personas):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/west-yorkshire/" in xml
    for slug in ("partner-briefing", "police-guidance", "members-notice"):
        assert f"/{slug}/" not in xml
    client.force_login(personas["partner"])
    xml = client.get("/sitemap.xml").content.decode()
    assert "/partner-briefing/" in xml and "/police-guidance/" not in xml


@pytest.mark.django_db
def test_footer_links_to_the_accessibility_statement_and_privacy_notice(client, tree):
    html = client.get("/").content.decode()
    assert 'href="/accessibility-statement/"' in html
    assert 'href="/privacy-notice/"' in html


def footer(client):
    html = client.get("/").content.decode()
    return re.search(r"<footer.*</footer>", html, re.S).group()


@pytest.mark.django_db
def test_footer_links_only_the_chosen_pages_the_visitor_may_open(
    client, tree, personas
):
    PortalSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        contact_email="portal-team@example.org",
        accessibility_statement=tree.directory,
        privacy_notice=tree.partners_page,
    )
    shown = footer(client)
    assert f'href="{tree.directory.url}"' in shown
    # The restricted notice is neither linked nor named to a visitor.
    assert "Partner briefing" not in shown
    assert 'href="/privacy-notice/"' not in shown
    assert 'href="mailto:portal-team@example.org"' in shown

    client.force_login(personas["partner"])
    assert "Partner briefing" in footer(client)

    tree.directory.specific.unpublish()
    client.logout()
    shown = footer(client)
    assert f'href="{tree.directory.url}"' not in shown
    assert "govuk-footer__link" in shown  # the mailbox is still there


@pytest.mark.django_db
def test_unknown_addresses_get_the_sites_own_404(client, tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_server_errors_get_the_sites_own_500_page(client, tree):
    from portal.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@pytest.mark.django_db
def test_pages_load_nothing_from_other_hosts(client, tree):
    html = client.get("/").content.decode()
    for attribute in ('src="http', 'src="//', 'href="//'):
        assert attribute not in html
    assert '<link rel="stylesheet" href="/static/' in html


@pytest.mark.django_db
def test_shared_password_restrictions_are_not_offered_to_editors(
    client, admin_user, tree
):
    sign_in_with_second_factor(client, admin_user)
    response = client.get(f"/admin/pages/{tree.leeds.pk}/privacy/")
    html = response.json()["html"]
    assert 'value="login"' in html and 'value="groups"' in html
    assert 'value="password"' not in html
