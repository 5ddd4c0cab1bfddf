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


class PeriodFilterForm(forms.Form):
    """
    A network and a period (a financial year, a quarter or chosen dates), in
    the address: the base of the training filters and the period reports.
    """

    network = forms.ModelChoiceField(
        label="Network",
        required=False,
        queryset=NetworkPage.objects.none(),
        empty_label="All networks",
        error_messages={"invalid_choice": "Choose a network from the list."},
    )
    period = forms.ChoiceField(
        label="Period",
        required=False,
        error_messages={"invalid_choice": "Choose a period from the list."},
    )
    start = forms.DateField(
        label="From",
        required=False,
        help_text="For chosen dates, for example 2024-04-01.",
        error_messages={"invalid": "Enter the date as YYYY-MM-DD, like 2024-04-01."},
    )
    end = forms.DateField(
        label="To",
        required=False,
        error_messages={"invalid": "Enter the date as YYYY-MM-DD, like 2025-03-31."},
    )

    def __init__(self, request, years, *args, **kwargs):
        from events.training import financial_year_label, quarter_label

        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = visible_pages(
            request, NetworkPage.objects.all()
        ).order_by("path")
        self.fields["network"].label_from_instance = _indented_network_label
        periods = [("", "All time"), ("dates", "Chosen dates")]
        for year in sorted(years, reverse=True):
            periods.append(
                (f"fy-{year}", f"Financial year {financial_year_label(year)}")
            )
            periods.extend(
                (f"q-{year}-{n}", quarter_label(year, n)) for n in (1, 2, 3, 4)
            )
        self.fields["period"].choices = periods

    def clean(self):
        data = super().clean()
        if data.get("period") == "dates":
            if not (data.get("start") or data.get("end")):
                self.add_error("start", "Enter a start date, an end date or both.")
            elif data.get("start") and data.get("end") and data["end"] < data["start"]:
                self.add_error(
                    "end", "The end date must be on or after the start date."
                )
        return data

    def dates(self):
        """Return the (first, last) days chosen, either of which may be None."""
        from events.training import quarter_dates

        period = self.cleaned_data.get("period") or ""
        if period == "dates":
            return self.cleaned_data.get("start"), self.cleaned_data.get("end")
        if period.startswith("fy-"):
            year = int(period[3:])
            return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)
        if period.startswith("q-"):
            year, number = period[2:].split("-")
            return quarter_dates(int(year), int(number))
        return None, None


class TrainingFilterForm(PeriodFilterForm):
    """The /training/ filters: network, period, course and sector, in the address."""

    course = forms.ModelChoiceField(
        label="Course",
        required=False,
        queryset=None,
        empty_label="All courses",
        error_messages={"invalid_choice": "Choose a course from the list."},
    )
    sector = forms.ChoiceField(
        label="Sector",
        required=False,
        error_messages={"invalid_choice": "Choose a sector from the list."},
    )

    def __init__(self, request, years, *args, **kwargs):
        from events.models import Course
        from events.models.training import Sector

        super().__init__(request, years, *args, **kwargs)
        self.fields["course"].queryset = Course.objects.all()
        self.fields["sector"].choices = [("", "All sectors"), *Sector.choices]

    def filter(self, records):
        data = self.cleaned_data
        if data.get("network"):
            records = records.within(data["network"])
        first, last = self.dates()
        if first:
            records = records.filter(date__gte=first)
        if last:
            records = records.filter(date__lte=last)
        if data.get("course"):
            records = records.filter(course=data["course"])
        if data.get("sector"):
            records = records.filter(headcounts__sector=data["sector"]).distinct()
        return records


class TrainingImportForm(forms.Form):
    """A CSV file of past delivery records, in the format of docs/training-import.md."""

    file = forms.FileField(
        label="CSV file",
        help_text="One row per organisation and role at a session, with a header row.",
        error_messages={"required": "Choose a CSV file to import."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 2 MB.")
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                "The file must be saved as CSV UTF-8 (a spreadsheet's “CSV UTF-8” option)."
            ) from error


class WalkInForm(forms.Form):
    """People who came without registering, counted by organisation and role."""

    organisation_name = forms.CharField(
        label="Organisation", max_length=200, required=False
    )
    sector = forms.ChoiceField(label="Sector", required=False)
    role = forms.CharField(label="Role", max_length=150, required=False)
    count = forms.IntegerField(
        label="Number of people",
        required=False,
        min_value=1,
        max_value=10000,
        error_messages={
            "invalid": "Enter the number of people as a whole number.",
            "min_value": "Enter 1 or more people.",
        },
    )

    def __init__(self, *args, **kwargs):
        from events.models.training import Sector

        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", "Choose a sector"), *Sector.choices]

    def clean(self):
        data = super().clean()
        filled = [data.get(name) for name in ("organisation_name", "sector", "count")]
        if any(filled) and not all(filled):
            raise forms.ValidationError(
                "Give the organisation, its sector and the number of people, or leave the row empty."
            )
        return data


WalkInFormSet = forms.formset_factory(WalkInForm, extra=3, max_num=20)


class TrainingFromEventForm(forms.Form):
    """The course an event delivered, for its training record."""

    course = forms.ModelChoiceField(
        label="Course delivered",
        queryset=None,
        empty_label="Choose a course",
        error_messages={
            "required": "Choose the course the event delivered.",
            "invalid_choice": "Choose a course from the list.",
        },
    )

    def __init__(self, *args, **kwargs):
        from events.models import Course

        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = Course.objects.all()
