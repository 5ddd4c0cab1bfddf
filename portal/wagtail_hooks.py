from django.urls import reverse

from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_step_sign_in(request):
    """A way from the admin's Account page to one's authenticator settings."""
    return {
        "url": reverse("mfa:security_settings"),
        "label": "Two-step sign-in",
        "help_text": "Your authenticator app and recovery codes.",
    }
