"""
The Wagtail site a request is for, found with a lighter query than Wagtail's.

Every page asks which site it is on: for the header menu, for each page's
address and for Wagtail's own routing. Wagtail's `Site.find_for_request`
answers with a query that ranks the candidate sites in SQL (a CASE
annotation, then an ordering on it), and Django took longer building that
query than anything else in the page's header. Here the same candidates are
read with a plain query and ranked in Python by Wagtail's rules, and the
answer is stored where `Site.find_for_request` looks first, so Wagtail and
the portal share it.

It is read once per request and never kept between requests: a site or a
root page changed in the admin applies from the next request.
"""

from django.db.models import Q
from django.http.request import split_domain_port

from wagtail.models import Site

# Where Site.find_for_request keeps the answer for the rest of the request.
REQUEST_ATTRIBUTE = "_wagtail_site"

# The name of the URL that Wagtail serves its pages from.
WAGTAIL_SERVE = "wagtail_serve"

# Wagtail's ranking of a candidate (wagtail.models.sites), best first.
HOSTNAME_AND_PORT, HOSTNAME_AND_DEFAULT, DEFAULT, HOSTNAME = range(4)


def site_for_hostname(hostname, port):
    """
    Return the Site for `hostname` and `port` (with its root page), or None,
    choosing as Wagtail's `get_site_for_hostname` does.
    """
    candidates = list(
        Site.objects.filter(Q(hostname=hostname) | Q(is_default_site=True))
        .select_related("root_page")
        .order_by()
    )

    def rank(site):
        if site.hostname != hostname:
            return DEFAULT
        if site.port == port:
            return HOSTNAME_AND_PORT
        return HOSTNAME_AND_DEFAULT if site.is_default_site else HOSTNAME

    candidates.sort(key=rank)
    if not candidates:
        return None
    best = rank(candidates[0])
    if len(candidates) == 1 or best in (HOSTNAME_AND_PORT, HOSTNAME_AND_DEFAULT):
        return candidates[0]
    if best == DEFAULT:
        # The default, unless exactly one site has the hostname (on
        # another port): then that one.
        return candidates[len(candidates) == 2]
    # Several sites have the hostname, none on this port, and none is the
    # default: Wagtail finds no site either.
    return None


def port_number(port):
    """Return the request's port (a string) as a number, None if it is not one."""
    try:
        return int(port)
    except (TypeError, ValueError):
        return None


def request_site(request):
    """Return the request's Site (or None), looked up the first time it is asked."""
    if not hasattr(request, REQUEST_ATTRIBUTE):
        # The raw host, as Wagtail reads it: a host outside ALLOWED_HOSTS
        # is refused by whatever reads the host properly.
        hostname = split_domain_port(request._get_raw_host())[0]
        setattr(
            request,
            REQUEST_ATTRIBUTE,
            site_for_hostname(hostname, port_number(request.get_port())),
        )
    return getattr(request, REQUEST_ATTRIBUTE)


class SiteMiddleware:
    """
    Find the site before Wagtail's page-serving view asks for it, which it
    does first of all. The portal's own views ask through request_site()
    (the header's context processor); views that need no site, such as the
    health check and the search suggestions, never read it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name == WAGTAIL_SERVE:
            request_site(request)
