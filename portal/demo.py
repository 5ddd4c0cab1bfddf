"""
Build the demo portal from `portal.demo_content`.

Every step looks for what it would create first, so loading twice adds
nothing; pages are found by their place in the tree and their slug.
"""

import datetime
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import Page, PageViewRestriction, Site

from best_practice.factories import BestPracticeIndexPageFactory
from events.factories import EventIndexPageFactory, TrainingPageFactory
from network.factories import (
    MemberDirectoryPageFactory,
    NetworkIndexPageFactory,
    NetworkMembershipFactory,
    NetworkPageFactory,
    OrganisationPageFactory,
)
from network.models import (
    MemberDirectoryPage,
    NetworkIndexPage,
    NetworkPage,
    OrganisationPage,
)
from portal.factories import HomePageFactory, StandardPageFactory, UserFactory
from portal.models import HomePage, PortalSettings
from portal.visibility import PARTNERS_GROUP, POLICE_GROUP

# The site's sections, in the order the header navigation shows them.
SECTIONS = [
    (
        BestPracticeIndexPageFactory,
        "best-practice",
        "What member organisations did against trafficking and slavery, "
        "what happened, and how sure they are it worked.",
    ),
    (
        EventIndexPageFactory,
        "events",
        "Roadshows, engagement days, awareness events and training run by the networks.",
    ),
    (
        TrainingPageFactory,
        "training",
        "Training the networks have delivered: sessions, courses and people reached.",
    ),
    (
        NetworkIndexPageFactory,
        "networks",
        "The national network, the regional networks and their district forums.",
    ),
    (
        MemberDirectoryPageFactory,
        "members",
        "The police forces, councils, charities, agencies and businesses "
        "that make up the networks.",
    ),
]

RESTRICTION_GROUPS = {"partners": [PARTNERS_GROUP], "police": [POLICE_GROUP]}


@dataclass
class DemoPersona:
    username: str
    first_name: str
    last_name: str
    description: str
    groups: list = field(default_factory=list)
    superuser: bool = False


# Group names that depend on the networks are resolved once they exist.
PERSONAS = [
    DemoPersona("admin", "Ada", "Admin", "site administrator", superuser=True),
    DemoPersona(
        "wy-coordinator",
        "Cora",
        "Coordinator",
        "West Yorkshire network coordinator",
        groups=["west-yorkshire:coordinators"],
    ),
    DemoPersona(
        "wy-editor",
        "Eddie",
        "Editor",
        "West Yorkshire network editor",
        groups=["west-yorkshire:editors"],
    ),
    DemoPersona(
        "partner", "Pat", "Partner", "partner (NGO staff)", groups=[PARTNERS_GROUP]
    ),
    DemoPersona(
        "police",
        "Parveen",
        "Constable",
        "police officer",
        groups=[PARTNERS_GROUP, POLICE_GROUP],
    ),
]


class DemoLoader:
    """Load the demo content; `created` counts what this run added."""

    def __init__(self, content=None):
        if content is None:
            from portal import demo_content as content
        self.content = content
        self.created = 0

    def _count(self, factory, **kwargs):
        """Return the page the factory describes, creating it if it is missing."""
        existing = factory._meta.model.objects.child_of(kwargs["parent"]).filter(
            slug=kwargs["slug"]
        )
        if existing.exists():
            return existing.get()
        self.created += 1
        return factory(**kwargs)

    @transaction.atomic
    def load(self):
        home = self.load_home()
        for factory, slug, summary in SECTIONS:
            self._count(factory, parent=home, slug=slug, summary=summary)
        networks_index = NetworkIndexPage.objects.child_of(home).get(slug="networks")
        directory = MemberDirectoryPage.objects.child_of(home).get(slug="members")
        organisations = self.load_organisations(directory)
        networks = {}
        self.load_networks(networks_index, self.content.NETWORKS, networks)
        self.load_memberships(organisations, networks)
        self.load_events(networks, organisations)
        self.load_practices(networks, organisations)
        self.load_governance(networks, organisations)
        self.load_search_promotions()
        standard_pages = self.load_standard_pages(home)
        self.load_settings(home, standard_pages)
        logins = self.load_users(networks)
        self.load_partner_accounts(networks, organisations)
        return logins

    def load_partner_accounts(self, networks, organisations):
        """Add staff e-mail domains and account requests (network/partners/demo.py)."""
        from network.partners.demo import load_partner_accounts

        load_partner_accounts(self, networks, organisations)

    def load_events(self, networks, organisations):
        """Add the seeds' 2018 events and upcoming ones dated from today."""
        from events.demo import load_events

        load_events(self, networks, organisations)

    def load_governance(self, networks, organisations):
        """Add meetings, district action plans and the funding register."""
        from network.governance.demo import load_governance

        load_governance(self, networks, organisations)

    def load_search_promotions(self):
        """Add editor's picks for a few searches (search/demo.py)."""
        from search.demo import load_search_promotions

        load_search_promotions(self)

    def load_practices(self, networks, organisations):
        """
        Add the demo practices of best_practice/demo_content.py, each under
        its network; a practice already there (by slug) is left as it is.
        """
        from best_practice import demo_content
        from best_practice.factories import BestPracticePageFactory
        from best_practice.importer import plain_text_to_html
        from best_practice.models import (
            Audience,
            ExploitationType,
            RecognitionBadge,
            Sector,
            Theme,
        )

        def terms(model, slugs):
            return list(model.objects.filter(slug__in=slugs))

        for entry in demo_content.PRACTICES:
            created_before = self.created
            practice = self._count(
                BestPracticePageFactory,
                parent=networks[entry["network"]],
                slug=entry["slug"],
                title=entry["title"],
                summary=entry["summary"],
                **{
                    name: plain_text_to_html(entry[name])
                    for name in (
                        "problem",
                        "aim",
                        "what_was_done",
                        "evaluation",
                        "resources",
                    )
                },
                contact_role=entry["contact_role"],
                contact_email=entry["contact_email"],
                outcome=entry["outcome"],
                evidence_stage=entry["evidence_stage"],
                handling=entry["handling"],
                area=entry["area"],
                start_date=_date(entry["start_date"]),
                end_date=_date(entry["end_date"]),
                last_reviewed=_date(entry["last_reviewed"]),
                lived_experience=entry.get("lived_experience", False),
                content_warning=entry.get("content_warning", ""),
                contributing_organisations=[
                    organisations[slug] for slug in entry["organisations"]
                ],
                themes=terms(Theme, entry["themes"]),
                exploitation_types=terms(ExploitationType, entry["exploitation_types"]),
                sectors=terms(Sector, entry["sectors"]),
                tags=entry["tags"],
            )
            if self.created == created_before:
                continue
            # Relations the factory does not take.
            practice.partners.set([organisations[slug] for slug in entry["partners"]])
            practice.audiences.set(terms(Audience, entry["audiences"]))
            practice.recognition.set(terms(RecognitionBadge, entry["recognition"]))
            practice.save()

    def load_home(self):
        """Return the home page, replacing Wagtail's welcome page the first time."""
        home = HomePage.objects.first()
        if home is None:
            remove_welcome_page()
            home = HomePageFactory(
                parent=Page.get_first_root_node(),
                slug="home",
                title=self.content.HOME["title"],
                intro=self.content.HOME["intro"],
                summary=self.content.HOME["intro"],
                body="".join(f"<p>{text}</p>" for text in self.content.HOME["body"]),
            )
            self.created += 1
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page": home,
                "site_name": "Network Portal",
            },
        )
        return home

    def load_organisations(self, directory):
        organisations = {}
        for entry in self.content.ORGANISATIONS:
            organisations[entry["slug"]] = self._count(
                OrganisationPageFactory,
                parent=directory,
                slug=entry["slug"],
                title=entry["name"],
                summary=entry["description"].split(". ")[0].rstrip(".") + ".",
                organisation_type=entry["type"],
                area=entry["area"],
                website=entry["website"],
                description=entry["description"],
            )
        return organisations

    def load_networks(self, parent, entries, networks):
        for entry in entries:
            network = self._count(
                NetworkPageFactory,
                parent=parent,
                slug=entry["slug"],
                title=entry["title"],
                summary=entry["summary"],
                founded=entry["founded"],
                area=entry["area"],
                contact_role=entry["contact_role"],
                contact_email=entry["contact_email"],
                body=[("paragraph", f"<p>{text}</p>") for text in entry["body"]],
            )
            networks[entry["slug"]] = network
            self.load_networks(network, entry.get("children", []), networks)

    def load_memberships(self, organisations, networks):
        for entry in self.content.ORGANISATIONS:
            for network_slug, role, start in entry["memberships"]:
                network = networks[network_slug]
                organisation = organisations[entry["slug"]]
                if network.memberships.filter(organisation=organisation).exists():
                    continue
                NetworkMembershipFactory(
                    network=network,
                    organisation=organisation,
                    role=role,
                    start_date=datetime.date.fromisoformat(start),
                )
                self.created += 1

    def load_standard_pages(self, home):
        pages = {}
        for entry in self.content.STANDARD_PAGES:
            page = self._count(
                StandardPageFactory,
                parent=home,
                slug=entry["slug"],
                title=entry["title"],
                summary=entry["summary"],
                body=[(kind, _block_value(kind, text)) for kind, text in entry["body"]],
            )
            pages[entry["slug"]] = page
            if entry["restriction"] and not page.view_restrictions.exists():
                restriction = PageViewRestriction.objects.create(
                    page=page, restriction_type=PageViewRestriction.GROUPS
                )
                restriction.groups.set(
                    Group.objects.filter(
                        name__in=RESTRICTION_GROUPS[entry["restriction"]]
                    )
                )
        return pages

    def load_settings(self, home, pages):
        portal_settings = PortalSettings.for_site(home.get_site())
        portal_settings.accessibility_statement = pages.get("accessibility-statement")
        portal_settings.privacy_notice = pages.get("privacy-notice")
        portal_settings.contact_email = "portal@network-portal.example.org"
        portal_settings.save()

    def load_users(self, networks):
        """Create the demo users; return (persona, password) pairs to print."""
        known = read_logins()
        logins = []
        for persona in PERSONAS:
            password = known.get(persona.username)
            user = UserFactory._meta.model.objects.filter(
                username=persona.username
            ).first()
            if user is None or password is None:
                password = secrets.token_urlsafe(12)
                user = user or UserFactory(
                    username=persona.username,
                    first_name=persona.first_name,
                    last_name=persona.last_name,
                    email=f"{persona.username}@network-portal.example.org",
                )
                user.set_password(password)
                user.is_superuser = user.is_staff = persona.superuser
                user.save()
                self.created += 1
            user.groups.add(
                *[self.resolve_group(name, networks) for name in persona.groups]
            )
            logins.append((persona, password))
        write_logins(logins)
        return logins

    @staticmethod
    def resolve_group(name, networks):
        if ":" not in name:
            return Group.objects.get(name=name)
        slug, role = name.split(":")
        network = NetworkPage.objects.get(pk=networks[slug].pk)
        return (
            network.editors_group if role == "editors" else network.coordinators_group
        )


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def _block_value(kind, text):
    """Return a body block's value: paragraphs become rich text, lists stay."""
    if kind == "paragraph" and not text.startswith("<"):
        return f"<p>{text}</p>"
    return text


def remove_welcome_page():
    """Delete Wagtail's "Welcome to your new Wagtail site!" page, if untouched."""
    Page.objects.filter(
        depth=2, content_type=ContentType.objects.get_for_model(Page), numchild=0
    ).delete()


def logins_file():
    return settings.DEMO_LOGINS_FILE


def read_logins():
    path = logins_file()
    if not path.exists():
        return {}
    pairs = (
        line.split(None, 2) for line in path.read_text().splitlines() if line.strip()
    )
    return {parts[0]: parts[1] for parts in pairs if len(parts) >= 2}


def write_logins(logins):
    path = logins_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "".join(
            f"{persona.username} {password} {persona.description}\n"
            for persona, password in logins
        )
    )
    path.chmod(0o600)


def summary():
    return {
        "pages": Page.objects.count(),
        "organisations": OrganisationPage.objects.count(),
        "networks": NetworkPage.objects.count(),
    }
