"""The join form, the coordinator's decision forms and the member's own forms."""

from django import forms
from django.contrib.auth.forms import SetPasswordForm

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout

from events.forms import VisitorRegistrationForm
from network.models import NetworkPage, OrganisationPage
from network.partners.domains import domain_of, is_personal
from portal.visibility import visible_pages

EMAIL_INVALID = "Enter an email address in the correct format, like name@example.org."


def _indented(network):
    indent = "\u2003" * {"national": 0, "regional": 1, "district": 2}[network.level]
    return f"{indent}{network.title}"


def _gds_helper(*fields, submit):
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(*fields, Button("submit", submit))
    return helper


class AccountRequestForm(forms.Form):
    """Anyone's request for a partner account."""

    # Named as on the event registration form, with the same messages.
    name = VisitorRegistrationForm.base_fields["name"]
    email = forms.EmailField(
        label="Work email address",
        max_length=254,
        help_text=(
            "The address your organisation gave you. We send a link to it to "
            "check it is yours."
        ),
        error_messages={
            "required": "Enter your work email address.",
            "invalid": EMAIL_INVALID,
        },
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        required=False,
        queryset=OrganisationPage.objects.none(),
        empty_label="Not listed",
        help_text="Choose your organisation, or type its name below if it is not listed.",
        error_messages={"invalid_choice": "Choose an organisation from the list."},
    )
    organisation_name = forms.CharField(
        label="Organisation name (if not listed)",
        required=False,
        max_length=200,
    )
    role = forms.CharField(
        label="Job title or role",
        max_length=150,
        error_messages={"required": "Enter your job title or role."},
    )
    police_staff = forms.BooleanField(
        label="I am a police officer or member of police staff",
        required=False,
        help_text="Police-only guidance is opened to police staff once a coordinator checks.",
    )
    networks = forms.ModelMultipleChoiceField(
        label="Networks you want to join",
        queryset=NetworkPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose at least one network to join.",
            "invalid_choice": "Choose networks from the list.",
            "invalid_pk_value": "Choose networks from the list.",
        },
    )
    reason = forms.CharField(
        label="Why you want an account",
        max_length=1000,
        widget=forms.Textarea,
        help_text="For example the work you do against trafficking and slavery.",
        error_messages={
            "required": "Tell the coordinators why you want an account.",
            "max_length": "Why you want an account must be 1,000 characters or fewer.",
        },
    )

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = visible_pages(
            request, OrganisationPage.objects.all()
        ).order_by("title")
        self.fields["networks"].queryset = visible_pages(
            request, NetworkPage.objects.all()
        ).order_by("path")
        self.fields["networks"].label_from_instance = _indented
        self.helper = _gds_helper(
            Field.text("name", field_width=20),
            Field.text("email", field_width=20),
            Field.select("organisation"),
            Field.text("organisation_name", field_width=20),
            Field.text("role", field_width=20),
            Field.checkbox("police_staff"),
            Field.checkboxes("networks", legend_size="s"),
            Field.textarea("reason", rows=5),
            submit="Send request",
        )

    clean_name = VisitorRegistrationForm.clean_name

    def clean_email(self):
        email = self.cleaned_data["email"]
        domain = domain_of(email)
        if is_personal(domain):
            raise forms.ValidationError(
                f"Use your work email address. Addresses at {domain} are personal, "
                "so they cannot show which organisation you work for."
            )
        return email

    def clean(self):
        data = super().clean()
        if not data.get("organisation"):
            name = data.get("organisation_name", "")
            if not name and "organisation" not in self.errors:
                self.add_error(
                    "organisation",
                    "Choose your organisation, or type its name if it is not listed.",
                )
            data["organisation_name"] = name
        else:
            data["organisation_name"] = ""
        return data


class ApproveForm(forms.Form):
    """A coordinator's approval: which of the asked-for networks, and as whom."""

    networks = forms.ModelMultipleChoiceField(
        label="Networks to add them to",
        queryset=NetworkPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Only the networks they asked for that you coordinate.",
        error_messages={
            "required": "Choose at least one network to add them to.",
            "invalid_choice": "You can only approve people for networks you coordinate.",
        },
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        required=False,
        queryset=OrganisationPage.objects.all().order_by("title"),
        empty_label="Not a member organisation",
        help_text="Where they work. Check it against their e-mail address.",
    )
    police_staff = forms.BooleanField(
        label="Police staff: also open police-only pages to them",
        required=False,
    )

    def __init__(self, networks, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["networks"].queryset = networks.order_by("path")


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Reason (sent to the person)",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give a reason: the person is told it."},
    )


class CloseAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=(
            "I understand that my account is closed for good and my name and "
            "email address are removed"
        ),
        error_messages={
            "required": "Tick the box to confirm you want to close your account."
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _gds_helper(Field.checkbox("confirm"), submit="Close my account")


class ChoosePasswordForm(SetPasswordForm):
    """Django's set-password form in the GOV.UK Design System's markup."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields[
            "new_password1"
        ].help_text = (
            "At least 12 characters. A few unrelated words make a strong password."
        )
        self.fields["new_password1"].error_messages["required"] = "Enter a password."
        self.fields["new_password2"].label = "Type the password again"
        self.fields["new_password2"].error_messages["required"] = (
            "Type the password again."
        )
        self.helper = _gds_helper(
            Field.text("new_password1", field_width=20),
            Field.text("new_password2", field_width=20),
            submit="Set password",
        )
