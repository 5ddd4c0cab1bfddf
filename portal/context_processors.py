"""Template context every page needs: the header navigation and footer links."""

from wagtail.models import Page

from portal.models import PortalSettings
from portal.sites import request_site
from portal.visibility import visible_pages

# The settings' pages the footer links to, in the footer's order.
FOOTER_PAGES = ("accessibility_statement", "privacy_notice")


def navigation(request):
    """Return the menu items and footer links this request may see."""
    site = request_site(request)
    if site is None:
        return {}
    root = site.root_page
    # Read as a row: every page asks for it, and only three values are used.
    # A site whose settings were never saved has no row: no links, no mailbox.
    portal_settings = (
        PortalSettings.objects.filter(site=site)
        .values("contact_email", *FOOTER_PAGES)
        .first()
        or {}
    )
    footer_ids = [
        portal_settings[name] for name in FOOTER_PAGES if portal_settings.get(name)
    ]
    # The menu's sections and the footer's pages in one query, both through
    # the visibility rule: a restricted or unpublished page is never linked.
    menu_level = root.depth + 1
    pages = visible_pages(
        request,
        root.get_children().filter(show_in_menus=True)
        | Page.objects.filter(pk__in=footer_ids),
    ).only("title", "path", "url_path", "depth", "show_in_menus")
    current_path = request.path
    primary_navigation = []
    footer_pages = {}
    for page in pages.order_by("path"):
        url = page.get_url(request)
        if page.pk in footer_ids:
            footer_pages[page.pk] = {"title": page.title, "url": url}
        if (
            page.show_in_menus
            and page.depth == menu_level
            and page.path.startswith(root.path)
        ):
            primary_navigation.append(
                {
                    "title": page.title,
                    "url": url,
                    "active": current_path.startswith(url or "//"),
                }
            )
    return {
        "primary_navigation": primary_navigation,
        # None when the settings choose no pages: the footer then links to
        # the usual addresses instead.
        "footer_links": (
            [footer_pages[pk] for pk in footer_ids if pk in footer_pages]
            if footer_ids
            else None
        ),
        "portal_contact_email": portal_settings.get("contact_email", ""),
    }
