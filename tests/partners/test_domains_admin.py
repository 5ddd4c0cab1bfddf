"""Editors list an organisation's staff e-mail domains on its page in the admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from network.partners.models import OrganisationEmailDomain
from portal.factories import UserFactory
from tests.signing_in import sign_in_with_second_factor


def edit(client, organisation, domains):
    return client.post(
        f"/admin/pages/{organisation.pk}/edit/",
        nested_form_data(
            {
                "title": organisation.title,
                "slug": organisation.slug,
                "summary": "A member organisation.",
                "organisation_type": organisation.organisation_type,
                "email_domains": inline_formset([{"domain": d} for d in domains]),
                "action-publish": "publish",
            }
        ),
    )


def test_domains_are_added_on_the_organisation_page(client, tree):
    sign_in_with_second_factor(
        client, UserFactory(username="root", is_superuser=True, is_staff=True)
    )
    response = edit(client, tree.council, ["@Leeds.gov.uk"])
    assert response.status_code == 302
    assert list(
        OrganisationEmailDomain.objects.filter(organisation=tree.council).values_list(
            "domain", flat=True
        )
    ) == ["leeds.gov.uk"]


def test_personal_and_taken_domains_are_refused_with_a_reason(client, tree, domains):
    sign_in_with_second_factor(
        client, UserFactory(username="root", is_superuser=True, is_staff=True)
    )
    response = edit(client, tree.charity, ["gmail.com"])
    assert "personal mail service" in response.content.decode()
    response = edit(client, tree.charity, ["leeds.gov.uk"])
    assert "Another organisation already lists this domain." in (
        response.content.decode()
    )
    assert OrganisationEmailDomain.objects.get(domain="leeds.gov.uk").organisation == (
        tree.council
    )
    assert not OrganisationEmailDomain.objects.filter(domain="gmail.com").exists()
