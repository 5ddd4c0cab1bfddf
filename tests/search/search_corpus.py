"""
Pages for the search tests, added to the shared `tree` (tests/conftest.py).

`indexed_corpus` builds them with indexing off, then builds a fresh index
in one go, as `load_demo` does: a Whoosh commit for every page saved would
make each test pay for dozens of commits. Pages saved afterwards are
indexed as they are saved.
"""

import io
from dataclasses import dataclass

from django.core.management import call_command

from best_practice.factories import BestPracticePageFactory
from best_practice.models import BestPracticePage, ExploitationType, Sector, Theme
from events.factories import EventPageFactory
from portal.factories import StandardPageFactory

# A word no other page uses: it shows whether a restricted page leaked.
MARKER = "zephyrquartz"


@dataclass
class Corpus:
    referral: object
    acronym_only: object
    car_wash: object
    cuckooing: object
    event: object
    guidance: object
    secret: object
    labour: object
    theme: object


def build_corpus(tree):
    """
    Add practices, an event and a standard page to `tree`, and one
    police-only practice carrying MARKER in its title, summary, body and
    tags.
    """
    # The library's seeded vocabularies (best_practice/migrations).
    theme = Theme.objects.get(name="Victim identification")
    labour = ExploitationType.objects.get(name="Labour exploitation")
    sector = Sector.objects.get(name="Car washes")
    referral = BestPracticePageFactory(
        parent=tree.west_yorkshire,
        title="Making referrals into the National Referral Mechanism",
        slug="referrals",
        summary="How first responders in Leeds refer adults for support.",
        problem="<p>Too few adults were referred for support.</p>",
        themes=[theme],
        tags=["referral"],
    )
    acronym_only = BestPracticePageFactory(
        parent=tree.leeds,
        title="Our NRM checklist for council staff",
        slug="nrm-checklist",
        summary="A one-page checklist for the NRM form.",
        outcome=BestPracticePage.Outcome.PROMISING,
        tags=["checklist"],
    )
    car_wash = BestPracticePageFactory(
        parent=tree.bradford,
        title="Visiting hand car washes with the GLAA",
        slug="car-washes",
        summary="Joint visits found workers paid well below the minimum wage.",
        exploitation_types=[labour],
        sectors=[sector],
        tags=["car washes"],
    )
    cuckooing = BestPracticePageFactory(
        parent=tree.north_east,
        title="Spotting home takeovers early",
        slug="home-takeovers",
        summary="Housing officers learned the signs that a tenant's home had been taken over by dealers.",
        themes=[theme],
    )
    event = EventPageFactory(
        parent=tree.national,
        title="Roadshow on county lines",
        slug="county-lines-roadshow",
        summary="A day on county lines for frontline staff.",
    )
    guidance = StandardPageFactory(
        parent=tree.home,
        title="Reporting a concern",
        slug="reporting-a-concern",
        summary="Call the Modern Slavery Helpline or the police.",
    )
    secret = BestPracticePageFactory(
        parent=tree.west_yorkshire,
        title=f"Operation {MARKER} surveillance notes",
        slug="operation-notes",
        summary=f"Restricted notes mentioning {MARKER}.",
        what_was_done=f"<p>The {MARKER} team watched the premises.</p>",
        handling=BestPracticePage.Handling.POLICE,
        themes=[theme],
        exploitation_types=[labour],
        tags=[MARKER],
    )
    return Corpus(
        referral=referral,
        acronym_only=acronym_only,
        car_wash=car_wash,
        cuckooing=cuckooing,
        event=event,
        guidance=guidance,
        secret=secret,
        labour=labour,
        theme=theme,
    )


def indexed_corpus(tree, settings, index_path):
    """Build the corpus, then an index of everything at `index_path`."""
    corpus = build_corpus(tree)
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": str(index_path),
            "LANGUAGE": "en",
        }
    }
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    return corpus
