"""
The glossary of the domain's terms, and the record of searches that failed.

The glossary serves readers at /glossary/ and widens searches: a query with
an acronym also finds pages that only spell it out, and the other way round
(search/glossary.py). Failed searches are kept as words only, per day, so
coordinators can see what people looked for and did not find, and are
purged after 90 days (`manage.py purge_failed_searches`).
"""

import datetime
import re

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel

# Synonyms are typed one per line, or separated by commas or semicolons.
SYNONYM_SEPARATOR = re.compile(r"[\n,;]+")
# Longer than any real search, short enough for a report's column.
FAILED_WORDS_MAX_LENGTH = 200


def normalise_words(text):
    """Return `text` lower-cased with single spaces, as terms are compared."""
    return " ".join(text.casefold().split())


class GlossaryTerm(models.Model):
    """
    A term of the field (an acronym such as NRM, or a phrase such as
    "county lines") with what it stands for, its synonyms and a definition.
    """

    term = models.CharField(
        max_length=80,
        unique=True,
        help_text=(
            "The term as people write it, for example 'NRM' or 'county lines'. "
            "Keep acronyms in capitals."
        ),
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text=(
            "The term's anchor on the glossary page (/glossary/#slug). "
            "Leave empty to make it from the term."
        ),
    )
    expansion = models.CharField(
        max_length=200,
        blank=True,
        help_text=(
            "What an acronym stands for, for example 'National Referral "
            "Mechanism'. Searches for either one find both. Leave empty for a "
            "term that is not an acronym."
        ),
    )
    synonyms = models.TextField(
        blank=True,
        help_text=(
            "Other words people use for the same thing, one per line, for "
            "example 'home takeover' for cuckooing. Searches for any of them "
            "also find pages that use the term. Avoid words with another "
            "meaning: every page using them would match."
        ),
    )
    definition = models.TextField(
        max_length=600,
        help_text=(
            "What it means, in one to three plain sentences a new member of "
            "staff would understand. Shown above search results and on the "
            "glossary page."
        ),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("expansion"),
        FieldPanel("definition"),
        FieldPanel("synonyms"),
        FieldPanel("slug"),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = "glossary term"

    def __str__(self):
        return f"{self.term} ({self.expansion})" if self.expansion else self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term)[:80] or "term"
        super().save(*args, **kwargs)

    def synonym_list(self):
        """Return the synonyms as a list, in the order they were typed."""
        return [
            synonym.strip()
            for synonym in SYNONYM_SEPARATOR.split(self.synonyms)
            if synonym.strip()
        ]

    def forms(self):
        """Return every way of writing the term: itself, expansion, synonyms."""
        seen = {}
        for form in (self.term, self.expansion, *self.synonym_list()):
            key = normalise_words(form)
            if key and key not in seen:
                seen[key] = form.strip()
        return list(seen.values())

    def add_synonym(self, words):
        """
        Add `words` as a synonym unless the term already has that form.

        Return whether it was added.
        """
        words = " ".join(words.split())
        if normalise_words(words) in {normalise_words(f) for f in self.forms()}:
            return False
        self.synonyms = "\n".join([*self.synonym_list(), words])
        self.save(update_fields=["synonyms"])
        return True

    @property
    def initial(self):
        """The letter the glossary page files the term under ("#" for digits)."""
        first = self.term[:1].upper()
        return first if first.isalpha() else "#"


# How long the record of a search that found nothing is kept.
FAILED_SEARCH_KEPT_DAYS = 90


class FailedSearch(models.Model):
    """
    How many searches for some words found nothing on one day.

    Only the words are kept: no user, no address, no time of day.
    """

    words = models.CharField(max_length=FAILED_WORDS_MAX_LENGTH)
    day = models.DateField(default=timezone.localdate)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["words", "day"], name="unique_failed_search_per_day"
            )
        ]
        ordering = ["-day", "words"]
        verbose_name = "failed search"

    def __str__(self):
        return f"“{self.words}” ({self.count} on {self.day:%d %b %Y})"

    @classmethod
    def record(cls, text):
        """Count one search for `text` that found nothing today."""
        words = normalise_words(text)[:FAILED_WORDS_MAX_LENGTH]
        if not words:
            return
        today = timezone.localdate()
        # update() first: concurrent searches add to one row instead of
        # racing to create it.
        updated = cls.objects.filter(words=words, day=today).update(
            count=F("count") + 1
        )
        if not updated:
            _, created = cls.objects.get_or_create(words=words, day=today)
            if not created:
                cls.objects.filter(words=words, day=today).update(count=F("count") + 1)

    @classmethod
    def purge(cls, days=FAILED_SEARCH_KEPT_DAYS, today=None):
        """Delete the records older than `days` days; return how many."""
        today = today or timezone.localdate()
        cutoff = today - datetime.timedelta(days=days)
        deleted, _ = cls.objects.filter(day__lt=cutoff).delete()
        return deleted
