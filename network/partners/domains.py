"""
Which organisation an e-mail address belongs to, from its domain.

Member organisations list the domains their staff use. A request from a
listed domain goes to the coordinators; one from a personal mail service is
refused (anyone can open such an address); any other is held for a
coordinator to check by hand.
"""

import re

# Free personal mail services. A pattern ending in ".*" covers the service's
# country domains too (hotmail.co.uk, yahoo.fr...).
PERSONAL_DOMAINS = (
    "gmail.com",
    "googlemail.com",
    "hotmail.*",
    "outlook.*",
    "live.*",
    "msn.com",
    "yahoo.*",
    "ymail.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.*",
    "protonmail.com",
    "protonmail.ch",
    "proton.me",
    "pm.me",
    "gmx.*",
    "mail.com",
    "zoho.com",
    "yandex.*",
    "btinternet.com",
    "sky.com",
    "virginmedia.com",
    "talktalk.net",
    "tutanota.com",
    "fastmail.com",
)

DOMAIN_PATTERN = re.compile(
    r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
)


def domain_of(email):
    """Return the lower-cased part of `email` after the last "@"."""
    return email.rpartition("@")[2].strip().lower()


def normalise_domain(value):
    """Return `value` as a bare lower-case domain ("@Leeds.gov.uk" -> "leeds.gov.uk")."""
    value = value.strip().lower().lstrip("@")
    return value.removeprefix("www.")


def is_personal(domain):
    """Return whether `domain` belongs to a free personal mail service."""
    for pattern in PERSONAL_DOMAINS:
        if pattern.endswith(".*"):
            if domain.startswith(pattern[:-1]):
                return True
        elif domain == pattern or domain.endswith("." + pattern):
            return True
    return False


def organisation_for(domain):
    """
    Return the organisation that lists `domain`, or a parent domain of it
    (staff.leeds.gov.uk matches leeds.gov.uk), or None.
    """
    from network.partners.models import OrganisationEmailDomain

    parts = domain.split(".")
    candidates = [".".join(parts[start:]) for start in range(len(parts) - 1)]
    listed = (
        OrganisationEmailDomain.objects.filter(domain__in=candidates)
        .select_related("organisation")
        .order_by("-domain")
    )
    # The longest (most specific) listed domain wins.
    best = max(listed, key=lambda row: len(row.domain), default=None)
    return best.organisation if best else None
