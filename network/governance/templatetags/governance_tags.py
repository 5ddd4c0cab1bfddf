from django import template

from network.governance.money import pounds as format_pounds

register = template.Library()


@register.filter
def pounds(amount):
    """Write a sum of money as '£36,343' (or '£1,234.50' with pence)."""
    return format_pounds(amount)
