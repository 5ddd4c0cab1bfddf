"""
Response headers the whole portal sends: its Content-Security-Policy, its
Permissions-Policy, and the Cache-Control of personal responses.

What each header allows, and why the Wagtail admin has a policy of its own,
is explained in docs/security.md.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, cc_delim_re

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from csp.utils import default_config

# Addresses about one person whoever asks for them, by URL namespace or
# name: the sign-in and account request forms, the confirmation and
# set-password links, My portal, and the personal calendar feed, which a
# calendar program fetches without signing in.
PERSONAL_URLS = {"account", "partners", "events:personal-feed"}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """
    django-csp's middleware, with the admin's own policy on admin pages.

    The public policy (CONTENT_SECURITY_POLICY) allows no inline script.
    The Wagtail admin still writes inline scripts and styles, so its pages
    get ADMIN_CONTENT_SECURITY_POLICY instead. A view's csp_update or
    csp_replace decorator applies on top of either.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin(request):
            parts.config = default_config(
                settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            )
        elif getattr(request, "is_dummy", False):
            # Wagtail renders previews through a simulated request for the
            # page's own address; the admin shows them in a frame.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


def is_admin(request):
    """Return whether the request is for a page of the Wagtail admin."""
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class PermissionsPolicyMiddleware:
    """Switch off the browser features in settings.PERMISSIONS_POLICY."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class PrivateResponseMiddleware:
    """
    Keep personal responses out of every cache.

    A page served to someone signed in shows their name and what their
    groups may read, and the PERSONAL_URLS are about one person whoever
    fetches them: neither a shared cache (a proxy, a CDN) nor the browser's
    disk may keep them. Wagtail marks restricted pages `private, no-store`
    itself; this gives every personal response, and any response a view
    marked private, that same header. Pages for anonymous visitors stay
    cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request, response):
            add_never_cache_headers(response)
        return response


def is_personal(request, response):
    """Return whether the response is for one person's eyes only."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    directives = cc_delim_re.split(response.get("Cache-Control", ""))
    if "private" in (directive.strip().lower() for directive in directives):
        return True
    match = request.resolver_match
    return match is not None and bool(
        {match.namespace, match.view_name} & PERSONAL_URLS
    )
