"""Forms of the portal's own pages, in the GOV.UK Design System's markup."""

from django.contrib.auth.forms import AuthenticationForm

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout


class SignInForm(AuthenticationForm):
    """Django's sign-in form with GOV.UK labels, hints and error messages."""

    error_messages = {
        "invalid_login": (
            "Enter a correct username and password. Both are case-sensitive."
        ),
        "inactive": "This account is closed. Ask your network coordinator.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Username"
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.helper = FormHelper()
        # The template draws the <form> so it can add the `next` field.
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("username", field_width=20),
            Field.text("password", field_width=20),
            Button("submit", "Sign in"),
        )
