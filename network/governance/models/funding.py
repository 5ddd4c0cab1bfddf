"""
The funding register: funds a network administers (such as a commissioner's
community safety fund) and the awards made from them to member
organisations, with the public summary page that totals them.
"""

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Sum

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from network.governance.money import pounds
from portal.models import BasePage
from portal.visibility import filter_visible_related

MONEY = {"max_digits": 12, "decimal_places": 2}


class Fund(models.Model):
    """A pot of money a network administers, with its total and period."""

    name = models.CharField(
        max_length=200, help_text="For example 'Safer Communities Fund'."
    )
    funder = models.CharField(
        max_length=200,
        help_text="Who provides the money, for example 'Police and Crime Commissioner'.",
    )
    network = models.ForeignKey(
        "network.NetworkPage",
        on_delete=models.PROTECT,
        related_name="funds",
        help_text="The network that administers the fund and reports on it.",
    )
    total = models.DecimalField(
        "total available (£)",
        **MONEY,
        help_text="In pounds, for example 50000 or 1000.00.",
    )
    start_date = models.DateField(help_text="When the fund opens.")
    end_date = models.DateField(help_text="When the money must be spent by.")

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("funder")]),
        FieldPanel("network"),
        FieldPanel("total"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta:
        ordering = ["-start_date", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.total is not None and self.total <= 0:
            errors["total"] = "The total must be more than £0."
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date must be on or after the start date."
        if errors:
            raise ValidationError(errors)

    def awarded(self, exclude=None):
        """Return the sum of this fund's awards (leaving out award `exclude`)."""
        awards = Award.objects.filter(fund_id=self.pk)
        if exclude is not None and exclude.pk:
            awards = awards.exclude(pk=exclude.pk)
        return awards.aggregate(sum=Sum("amount"))["sum"] or Decimal(0)

    def remaining(self, exclude=None):
        return self.total - self.awarded(exclude)


class Award(models.Model):
    """A grant from a fund to a member organisation, and what came of it."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="awards")
    recipient = models.ForeignKey(
        "network.OrganisationPage",
        on_delete=models.PROTECT,
        related_name="awards",
        help_text="The organisation receiving the money, from the members directory.",
    )
    amount = models.DecimalField(
        "amount (£)", **MONEY, help_text="In pounds, for example 4500."
    )
    purpose = models.CharField(
        max_length=300, help_text="What the money is for, in a sentence."
    )
    awarded_on = models.DateField(
        help_text="The day the award was agreed. It counts in that financial year."
    )
    project_end = models.DateField(
        null=True, blank=True, help_text="When the funded work should finish."
    )
    outcome_report = models.TextField(
        blank=True,
        help_text="What the money achieved, once the organisation has reported.",
    )
    over_fund = models.BooleanField(
        "allow beyond the fund's total",
        default=False,
        help_text=(
            "Tick only when the award may take the fund past its total, for "
            "example when extra money has been agreed, and say why below."
        ),
    )
    over_fund_reason = models.TextField(
        "reason for going beyond the total",
        blank=True,
        max_length=500,
    )

    panels = [
        FieldPanel("fund"),
        FieldRowPanel([FieldPanel("recipient"), FieldPanel("amount")]),
        FieldPanel("purpose"),
        FieldRowPanel([FieldPanel("awarded_on"), FieldPanel("project_end")]),
        FieldPanel("outcome_report"),
        MultiFieldPanel(
            [FieldPanel("over_fund"), FieldPanel("over_fund_reason")],
            heading="Beyond the fund's total",
        ),
    ]

    class Meta:
        ordering = ["-awarded_on", "pk"]

    def __str__(self):
        return f"{pounds(self.amount)} to {self.recipient} from {self.fund}"

    def save(self, *args, **kwargs):
        # Check the fund's remaining total again with the fund row locked, so
        # that two awards saved at once cannot both take the last of it.
        with transaction.atomic():
            if self.fund_id:
                Fund.objects.select_for_update().filter(pk=self.fund_id).first()
            self.clean()
            super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.amount is not None and self.amount <= 0:
            errors["amount"] = "The amount must be more than £0."
        if self.over_fund and not self.over_fund_reason.strip():
            errors["over_fund_reason"] = (
                "Say why this award may go beyond the fund's total."
            )
        if (
            not errors
            and self.fund_id
            and self.amount is not None
            and not self.over_fund
        ):
            remaining = self.fund.remaining(exclude=self)
            if self.amount > remaining:
                errors["amount"] = (
                    f"This is more than the {pounds(max(remaining, 0))} left in "
                    f"{self.fund} (total {pounds(self.fund.total)}). Lower the "
                    "amount, or tick “allow beyond the fund's total” and give a reason."
                )
        if errors:
            raise ValidationError(errors)


class FundingPage(BasePage):
    """
    The public summary of the funding register of the network above it and
    the networks below that: funds, awards and totals by financial year.
    """

    intro = models.TextField(
        blank=True,
        max_length=600,
        help_text="A sentence or two on how organisations can apply.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["network.NetworkPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "funding register page"

    def get_context(self, request, *args, **kwargs):
        from events.training import financial_year, financial_year_label

        context = super().get_context(request, *args, **kwargs)
        network = self.get_parent().specific
        funds = list(
            visible_funds(request, network).annotate(awarded_sum=Sum("awards__amount"))
        )
        awards = list(
            visible_awards(request, network).select_related("fund", "recipient")
        )
        by_year = defaultdict(lambda: [Decimal(0), 0])
        by_network = defaultdict(lambda: [Decimal(0), 0])
        for award in awards:
            year = by_year[financial_year(award.awarded_on)]
            year[0] += award.amount
            year[1] += 1
        network_titles = {fund.pk: fund.network.title for fund in funds}
        for award in awards:
            row = by_network[network_titles.get(award.fund_id, "")]
            row[0] += award.amount
            row[1] += 1
        context.update(
            network=network,
            funds=funds,
            awards=awards,
            total_awarded=sum((award.amount for award in awards), Decimal(0)),
            by_year=[
                (financial_year_label(year), amount, count)
                for year, (amount, count) in sorted(by_year.items(), reverse=True)
            ],
            by_network=sorted(
                (title, amount, count) for title, (amount, count) in by_network.items()
            ),
        )
        return context


def visible_funds(request, network):
    """The funds of `network` and the networks below it that the request may see."""
    funds = Fund.objects.filter(network__path__startswith=network.path).select_related(
        "network"
    )
    return filter_visible_related(request, funds, "network__")


def visible_awards(request, network):
    """Awards from those funds to organisations whose page the request may see."""
    awards = Award.objects.filter(fund__in=visible_funds(request, network))
    return filter_visible_related(request, awards, "recipient__")
