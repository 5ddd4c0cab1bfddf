"""The events listing's filters and the visitor registration form."""

import datetime

from django import forms
from django.db import transaction

from events.models import Audience, EventType, Registration
from network.models import NetworkPage, OrganisationPage
from portal.visibility import visible_pages


class EventFilterForm(forms.Form):
    """The /events/ filters; their state lives in the address."""

    FORMAT_CHOICES = [
        ("", "In person or online"),
        ("in_person", "In person"),
        ("online", "Online"),
    ]

    network = forms.ModelChoiceField(
        label="Network",
        required=False,
        queryset=NetworkPage.objects.none(),
        empty_label="All networks",
        error_messages={"invalid_choice": "Choose a network from the list."},
    )
    type = forms.ChoiceField(
        label="Type of event",
        required=False,
        choices=[("", "All types"), *EventType.choices],
        error_messages={"invalid_choice": "Choose a type of event from the list."},
    )
    audience = forms.ChoiceField(
        label="Audience",
        required=False,
        choices=[("", "All audiences"), *Audience.choices],
        error_messages={"invalid_choice": "Choose an audience from the list."},
    )
    format = forms.ChoiceField(
        label="In person or online",
        required=False,
        choices=FORMAT_CHOICES,
        error_messages={"invalid_choice": "Choose in person or online from the list."},
    )

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = visible_pages(
            request, NetworkPage.objects.all()
        ).order_by("path")
        self.fields["network"].label_from_instance = _indented_network_label

    def filter(self, events):
        """Narrow `events` to the chosen network (with its forums), type, audience, format."""
        data = self.cleaned_data
        if data["network"]:
            events = events.descendant_of(data["network"])
        if data["type"]:
            events = events.filter(event_type=data["type"])
        if data["audience"]:
            events = events.filter(audience=data["audience"])
        if data["format"] == "in_person":
            events = events.exclude(venue_name="")
        elif data["format"] == "online":
            events = events.exclude(online_link="")
        return events


def _indented_network_label(network):
    indent = "\u2003" * {"national": 0, "regional": 1, "district": 2}[network.level]
    return f"{indent}{network.title}"


def parse_month(value, today):
    """
    Return the first day of the month `value` names ("2026-11"), or of
    today's month when it is empty. Raise ValueError for anything else.
    """
    if not value:
        return today.replace(day=1)
    year, _, month = value.partition("-")
    first = datetime.date(int(year), int(month), 1)
    if not 2000 <= first.year <= 2100:
        raise ValueError(value)
    return first


class VisitorRegistrationForm(forms.Form):
    """Registration for someone without an account, for a public event."""

    name = forms.CharField(
        label="Full name",
        max_length=150,
        error_messages={"required": "Enter your full name."},
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The confirmation and any changes to the event are sent here.",
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter an email address in the correct format, like name@example.org.",
        },
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        required=False,
        queryset=OrganisationPage.objects.none(),
        empty_label="Not listed, or none",
        help_text="Choose a member organisation, or type the name below.",
        error_messages={"invalid_choice": "Choose an organisation from the list."},
    )
    organisation_name = forms.CharField(
        label="Organisation (if not in the list)",
        required=False,
        max_length=200,
    )
    role = forms.CharField(
        label="Job title or role",
        required=False,
        max_length=150,
    )
    access_needs = forms.CharField(
        label="Access needs (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example a British Sign Language interpreter, a hearing loop or step-free access.",
        error_messages={
            "max_length": "Access needs must be 1,000 characters or fewer."
        },
    )
    consent = forms.BooleanField(
        label=(
            "I agree that the organising network holds these details to run "
            "the event and deletes them six months after it"
        ),
        error_messages={
            "required": "Agree to how your details are used, or you cannot register."
        },
    )

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = visible_pages(
            request, OrganisationPage.objects.all()
        ).order_by("title")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Enter your full name.")
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def details(self):
        """Return the registration's fields other than name and e-mail."""
        data = self.cleaned_data
        return {
            "organisation": data["organisation"],
            "organisation_name": (
                "" if data["organisation"] else data["organisation_name"].strip()
            ),
            "role": data["role"].strip(),
            "access_needs": data["access_needs"].strip(),
            "consent": data["consent"],
        }


class AttendanceForm(forms.Form):
    """Who came, ticked from the event's registration list by a coordinator."""

    attended = forms.ModelMultipleChoiceField(
        label="Who attended",
        required=False,
        queryset=Registration.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick everyone who came. Anyone not ticked is recorded as absent.",
        error_messages={
            "invalid_choice": "Choose people from this event's registration list.",
            "invalid_pk_value": "Choose people from this event's registration list.",
        },
    )

    def __init__(self, event, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = (
            Registration.objects.active()
            .filter(event=event)
            .select_related("organisation")
            .order_by("name", "pk")
        )
        self.fields["attended"].queryset = self.registrations
        if not self.is_bound:
            self.initial["attended"] = [r.pk for r in self.registrations if r.attended]

    def save(self):
        """Record everyone on the list as attended or absent; return how many came."""
        came = {registration.pk for registration in self.cleaned_data["attended"]}
        with transaction.atomic():
            self.registrations.filter(pk__in=came).update(attended=True)
            self.registrations.exclude(pk__in=came).update(attended=False)
        return len(came)
