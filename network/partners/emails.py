"""The e-mails of the account journey, all plain text."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def _send(to, subject, template, context):
    send_mail(
        subject=subject,
        message=render_to_string(f"partners/emails/{template}", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=to if isinstance(to, list) else [to],
    )


def send_confirm_address(account_request, confirm_url, valid_days):
    _send(
        account_request.email,
        "Confirm your e-mail address for Network Portal",
        "confirm_address.txt",
        {
            "account_request": account_request,
            "confirm_url": confirm_url,
            "valid_days": valid_days,
        },
    )


def send_already_registered(email, name, sign_in_url, reset_url):
    """Answer a request from an address that already has an account."""
    _send(
        email,
        "You already have a Network Portal account",
        "already_registered.txt",
        {"name": name, "sign_in_url": sign_in_url, "reset_url": reset_url},
    )


def send_new_request(coordinators, account_request, review_url):
    _send(
        [user.email for user in coordinators],
        f"Account request from {account_request.name}",
        "new_request.txt",
        {"account_request": account_request, "review_url": review_url},
    )


def send_approved(account_request, set_password_url, networks, not_yet, valid_days):
    _send(
        account_request.email,
        "Your Network Portal account is ready",
        "approved.txt",
        {
            "account_request": account_request,
            "set_password_url": set_password_url,
            "networks": networks,
            "not_yet": not_yet,
            "valid_days": valid_days,
            "username": account_request.user.get_username(),
        },
    )


def send_declined(account_request):
    _send(
        account_request.email,
        "Your request for a Network Portal account",
        "declined.txt",
        {"account_request": account_request},
    )
