"""
The funding register: amounts are positive and within the fund unless a
coordinator flags the award with a reason; a bad entry is refused with a
message and changes nothing; totals by fund, network and financial year.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from network.governance.factories import AwardFactory, FundFactory, FundingPageFactory
from network.governance.models import Award, Fund
from tests.signing_in import sign_in_with_second_factor

ADD_AWARD = "/admin/snippets/governance/award/add/"
ADD_FUND = "/admin/snippets/governance/fund/add/"


@pytest.fixture
def fund(tree):
    fund = FundFactory(
        name="Safer Communities Fund",
        network=tree.west_yorkshire,
        total=Decimal("5000"),
    )
    AwardFactory(fund=fund, recipient=tree.charity, amount=Decimal("4000"))
    return fund


def award_form(fund, recipient, **fields):
    data = {
        "fund": fund.pk,
        "recipient": recipient.pk,
        "amount": "500",
        "purpose": "Interpreting for survivors",
        "awarded_on": "2017-10-02",
        "project_end": "",
        "outcome_report": "",
        "over_fund_reason": "",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"amount": "-50"}, "The amount must be more than £0."),
        ({"amount": "0"}, "The amount must be more than £0."),
        ({"amount": "abc"}, "Enter a number."),
        (
            {"amount": "1000.01"},
            "This is more than the £1,000 left in Safer Communities Fund",
        ),
        (
            {"amount": "2000", "over_fund": "on"},
            "Say why this award may go beyond the fund",
        ),
    ],
)
def test_a_bad_award_is_refused_in_the_admin_and_nothing_is_saved(
    client, tree, fund, coordinator, fields, message
):
    sign_in_with_second_factor(client, coordinator)
    before = list(Award.objects.values_list("pk", "amount"))
    response = client.post(ADD_AWARD, award_form(fund, tree.council, **fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(Award.objects.values_list("pk", "amount")) == before


def test_an_award_within_the_fund_or_flagged_with_a_reason_is_saved(
    client, tree, fund, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    response = client.post(ADD_AWARD, award_form(fund, tree.council, amount="1000"))
    assert response.status_code == 302
    response = client.post(
        ADD_AWARD,
        award_form(
            fund,
            tree.police_force,
            amount="750",
            over_fund="on",
            over_fund_reason="The Commissioner added £750 in March.",
        ),
    )
    assert response.status_code == 302
    assert fund.awarded() == Decimal("5750")


def test_editing_an_award_counts_it_once_against_the_fund(tree, fund):
    award = fund.awards.get()
    award.amount = Decimal("5000")
    award.full_clean()
    award.save()
    assert fund.awarded() == Decimal("5000")


def test_saving_past_the_fund_without_the_admin_is_refused_too(tree, fund):
    with pytest.raises(ValidationError, match="left in Safer Communities Fund"):
        Award(
            fund=fund,
            recipient=tree.council,
            amount=Decimal("1500"),
            purpose="Posters",
            awarded_on=datetime.date(2017, 11, 1),
        ).save()
    assert fund.awards.count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"total": "-1"}, "The total must be more than £0."),
        (
            {"end_date": "2016-01-01"},
            "The end date must be on or after the start date.",
        ),
    ],
)
def test_a_bad_fund_is_refused(client, tree, coordinator, fields, message):
    sign_in_with_second_factor(client, coordinator)
    data = {
        "name": "Awareness fund",
        "funder": "Transformation Programme",
        "network": tree.leeds.pk,
        "total": "1000",
        "start_date": "2017-04-01",
        "end_date": "2018-03-31",
    }
    data.update(fields)
    response = client.post(ADD_FUND, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Fund.objects.filter(name="Awareness fund").exists()


def test_coordinators_keep_only_their_networks_register(
    client, tree, fund, north_east_coordinator
):
    sign_in_with_second_factor(client, north_east_coordinator)
    listing = client.get("/admin/snippets/governance/award/")
    assert listing.status_code == 200
    assert list(listing.context["object_list"]) == []
    award = fund.awards.get()
    edit = client.get(f"/admin/snippets/governance/award/edit/{award.pk}/")
    assert edit.status_code in (403, 404)
    # Another network's fund is not offered, so an award to it is refused.
    response = client.post(ADD_AWARD, award_form(fund, tree.council, amount="10"))
    assert response.status_code == 200
    assert fund.awards.count() == 1
    form = client.get(ADD_FUND).context["form"]
    assert set(form.fields["network"].queryset) == {tree.north_east}


def test_the_public_page_totals_by_fund_network_and_financial_year(client, tree, fund):
    other = FundFactory(name="Forum fund", network=tree.leeds, total=Decimal("900"))
    AwardFactory(
        fund=other,
        recipient=tree.council,
        amount=Decimal("300.50"),
        awarded_on=datetime.date(2018, 3, 31),
    )
    AwardFactory(
        fund=other,
        recipient=tree.council,
        amount=Decimal("200"),
        awarded_on=datetime.date(2018, 4, 1),
    )
    page = FundingPageFactory(parent=tree.west_yorkshire)
    response = client.get(page.url)
    assert response.status_code == 200
    context = response.context
    assert context["total_awarded"] == Decimal("4500.50")
    assert {fund.name: fund.awarded_sum for fund in context["funds"]} == {
        "Safer Communities Fund": Decimal("4000"),
        "Forum fund": Decimal("500.50"),
    }
    assert context["by_year"] == [
        ("2018–19", Decimal("200"), 1),
        ("2017–18", Decimal("4300.50"), 2),
    ]
    assert {title: amount for title, amount, _ in context["by_network"]} == {
        "West Yorkshire": Decimal("4000"),
        "Leeds forum": Decimal("500.50"),
    }
    html = response.content.decode()
    assert "£4,500.50" in html and "£4,300.50" in html
