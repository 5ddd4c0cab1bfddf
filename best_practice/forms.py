"""Forms of the best-practice library: its filters, and recording an adoption."""

import datetime

from django import forms
from django.utils import timezone

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout

from best_practice.library import (
    CHOICE_FACETS,
    QUERY_MAX_LENGTH,
    VOCABULARY_FACETS,
    Sort,
)
from best_practice.models import Adoption, BestPracticePageTag
from network.models import NetworkPage, OrganisationPage
from portal.visibility import visible_pages

ADOPTION_NOTE_MAX_LENGTH = Adoption._meta.get_field("note").max_length
CHOICE_ERRORS = {
    "outcome": "Choose an outcome from the list.",
    "evidence": "Choose an evidence stage from the list.",
}


class LibraryFilterForm(forms.Form):
    """
    The library's text query, filters and sort order.

    Its state lives in the address (a GET form), so a filtered view can be
    shared. Every choice it accepts comes from `library`, which offers only
    what the visitor may see: an unknown or hidden value is refused with the
    same message, so the form cannot be used to probe for restricted tags.
    """

    q = forms.CharField(
        label="Search the library",
        required=False,
        max_length=QUERY_MAX_LENGTH,
        strip=True,
        error_messages={
            "max_length": (
                f"Search words must be {QUERY_MAX_LENGTH} characters or fewer."
            )
        },
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=Sort.choices,
        error_messages={"invalid_choice": "Choose how to sort from the list."},
    )

    def __init__(self, library, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, legend, model, _field in VOCABULARY_FACETS:
            self.fields[name] = forms.ModelMultipleChoiceField(
                label=legend,
                required=False,
                queryset=model.objects.all(),
                to_field_name="slug",
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "invalid_choice": f"Choose a {legend.lower()} from the list.",
                    "invalid_pk_value": f"Choose a {legend.lower()} from the list.",
                },
            )
        for name, legend, choices, _field in CHOICE_FACETS:
            self.fields[name] = forms.MultipleChoiceField(
                label=legend,
                required=False,
                choices=choices.choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": CHOICE_ERRORS[name]},
            )
        self.fields["network"] = forms.ModelChoiceField(
            label="Network",
            required=False,
            queryset=self._offered("network", NetworkPage, library.networks),
            error_messages={"invalid_choice": "Choose a network from the list."},
        )
        self.fields["organisation"] = forms.ModelChoiceField(
            label="Contributing organisation",
            required=False,
            queryset=self._offered(
                "organisation", OrganisationPage, library.organisations
            ),
            error_messages={"invalid_choice": "Choose an organisation from the list."},
        )
        self.fields["tag"] = forms.ModelChoiceField(
            label="Tag",
            required=False,
            queryset=self._offered(
                "tag", BestPracticePageTag.tag_model(), library.tags
            ),
            to_field_name="slug",
            error_messages={"invalid_choice": "Choose a tag from the list."},
        )

    def _offered(self, name, model, options):
        """
        Return `options()`, the values the visitor may choose, when a value
        for `name` was sent; else no values. The pages show the filters from
        their counts, not from these fields, and building the visible-only
        querysets on every request cost more than the rest of the form.
        """
        return options() if self.data.get(name) else model.objects.none()

    def clean_q(self):
        # Search syntax characters mean nothing to readers; keep plain words.
        return " ".join(self.cleaned_data["q"].split())

    def clean(self):
        cleaned = super().clean()
        # The terms chosen, as a list: the field gives a queryset, which the
        # pages asked "is anything chosen?" several times, each time
        # building its SQL, even for none.
        for name, _legend, _model, _field in VOCABULARY_FACETS:
            if name in cleaned:
                cleaned[name] = list(cleaned[name]) if self.data.get(name) else []
        return cleaned


class AdoptionDateField(DateInputField):
    """GOV.UK date input whose impossible dates get a message readers understand."""

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except forms.ValidationError as error:
            raise forms.ValidationError("The date must be a real date") from error


class AdoptionForm(forms.ModelForm):
    """
    Record that an organisation adopted a practice.

    Any signed-in reader who may see the practice can record it for an
    organisation in the directory: the portal has no link from a user to an
    organisation, and coordinators can remove a wrong record in the admin.
    """

    organisation = forms.ModelChoiceField(
        label="Your organisation",
        help_text="Choose it from the members directory.",
        queryset=OrganisationPage.objects.none(),
        empty_label="Choose an organisation",
        error_messages={
            "required": "Choose your organisation",
            "invalid_choice": "Choose your organisation from the list",
        },
    )
    adopted_on = AdoptionDateField(
        label="When did your organisation start using it?",
        help_text="For example, 27 3 2024",
        require_all_fields=False,
    )
    note = forms.CharField(
        label="How did it go? (optional)",
        help_text=(
            "What you changed, what worked and what did not, in a few sentences. "
            "Do not include anything sensitive or personal."
        ),
        required=False,
        max_length=ADOPTION_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": (
                f"How it went must be {ADOPTION_NOTE_MAX_LENGTH} characters or fewer"
            )
        },
    )

    class Meta:
        model = Adoption
        fields = ["organisation", "adopted_on", "note"]

    def __init__(self, request, practice, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.practice = practice
        self.instance.practice = practice
        self.instance.recorded_by = request.user
        self.fields["organisation"].queryset = visible_pages(
            request, OrganisationPage.objects.all()
        ).order_by("title")
        date_field = self.fields["adopted_on"]
        date_field.error_messages.update(
            required="Enter the date your organisation started using it",
            incomplete="Enter the date your organisation started using it",
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.select("organisation"),
            Field("adopted_on"),
            Field.textarea("note", max_characters=ADOPTION_NOTE_MAX_LENGTH),
            Button("submit", "Record adoption"),
        )

    def clean_adopted_on(self):
        adopted_on = self.cleaned_data["adopted_on"]
        if adopted_on and adopted_on > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past")
        if adopted_on and adopted_on < datetime.date(1990, 1, 1):
            raise forms.ValidationError("Enter a date after 1 January 1990")
        return adopted_on

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"]
        if Adoption.objects.filter(
            practice=self.practice, organisation=organisation
        ).exists():
            raise forms.ValidationError(
                f"{organisation.title} has already recorded adopting this practice"
            )
        return organisation
