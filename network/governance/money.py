"""Sums of money as the register and reports write them."""

from decimal import Decimal


def pounds(amount):
    """Return '£36,343' for whole pounds and '£1,234.50' otherwise."""
    amount = Decimal(amount or 0)
    if amount == amount.to_integral_value():
        return f"£{amount:,.0f}"
    return f"£{amount:,.2f}"
