"""
Demo partner accounts: the staff e-mail domains of the demo organisations,
and requests waiting for the West Yorkshire coordinator (the demo persona
"wy-coordinator"), one of them held because its domain is not listed.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from network.partners.accounts import hold_reason
from network.partners.models import (
    AccountRequest,
    OrganisationEmailDomain,
    PartnerProfile,
)

# Organisation slug (portal/demo_content.py) -> the domains its staff use.
DOMAINS = {
    "west-yorkshire-police": ["westyorkshire.police.uk"],
    "opcc-west-yorkshire": ["westyorks-ca.gov.uk"],
    "bradford-council": ["bradford.gov.uk"],
    "calderdale-council": ["calderdale.gov.uk"],
    "kirklees-council": ["kirklees.gov.uk"],
    "leeds-city-council": ["leeds.gov.uk"],
    "wakefield-council": ["wakefield.gov.uk"],
    "glaa": ["gla.gov.uk"],
    "national-crime-agency": ["nca.gov.uk"],
    "salvation-army": ["salvationarmy.org.uk"],
    "brightstep-freedom-project": ["brightstep.example.org"],
    "quillfield-night-shelter": ["quillfield-shelter.example.org"],
}

REQUESTS = [
    {
        "name": "Priya Sharma",
        "email": "priya.sharma@kirklees.gov.uk",
        "organisation": "kirklees-council",
        "role": "Safeguarding adults manager",
        "networks": ["kirklees"],
        "reason": (
            "I chair the council's exploitation panel and want the forum's "
            "referral guidance for our front-line teams."
        ),
    },
    {
        "name": "Lee Harper",
        "email": "lee.harper@westyorkshire.police.uk",
        "organisation": "west-yorkshire-police",
        "role": "Detective sergeant, modern slavery team",
        "police_staff": True,
        "networks": ["west-yorkshire", "leeds"],
        "reason": (
            "I am joining the force's modern slavery team and need the "
            "partnership's police guidance and case-review notes."
        ),
    },
    {
        "name": "Dana Okafor",
        "email": "dana.okafor@northwold-volunteers.example.net",
        "organisation_name": "Northwold Volunteers",
        "role": "Volunteer coordinator",
        "networks": ["wakefield"],
        "reason": (
            "Our volunteers run a food bank where we have met people who may "
            "be in forced labour, and we want to know how to refer them."
        ),
    },
]


# Demo persona (portal/demo.py) -> where they work and the networks they joined.
PROFILES = {
    "partner": ("quillfield-night-shelter", ["leeds", "wakefield"]),
    "police": ("west-yorkshire-police", ["west-yorkshire"]),
}


def load_partner_accounts(loader, networks, organisations):
    """Add the listed domains, the members' profiles and the waiting requests, once."""
    for slug, domains in DOMAINS.items():
        for domain in domains:
            if OrganisationEmailDomain.objects.filter(domain=domain).exists():
                continue
            OrganisationEmailDomain.objects.create(
                organisation=organisations[slug], domain=domain
            )
            loader.created += 1
    for username, (organisation, joined) in PROFILES.items():
        user = get_user_model().objects.filter(username=username).first()
        if user is None or PartnerProfile.objects.filter(user=user).exists():
            continue
        profile = PartnerProfile.objects.create(
            user=user, organisation=organisations[organisation]
        )
        profile.networks.set([networks[slug] for slug in joined])
        loader.created += 1
    for entry in REQUESTS:
        if AccountRequest.objects.filter(email=entry["email"]).exists():
            continue
        organisation = organisations.get(entry.get("organisation"))
        # Worked out as for a real request, now that the domains are listed.
        reason, _ = hold_reason(entry["email"], organisation)
        account_request = AccountRequest.objects.create(
            name=entry["name"],
            email=entry["email"],
            organisation=organisation,
            organisation_name=entry.get("organisation_name", ""),
            role=entry["role"],
            police_staff=entry.get("police_staff", False),
            reason=entry["reason"],
            confirmed_at=timezone.now(),
            status=(
                AccountRequest.Status.HELD if reason else AccountRequest.Status.PENDING
            ),
            hold_reason=reason,
        )
        account_request.networks.set([networks[slug] for slug in entry["networks"]])
        loader.created += 1
