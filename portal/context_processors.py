"""Template context every page needs: the header navigation and footer links."""

from wagtail.models import Site

from portal.models import PortalSettings
from portal.visibility import can_view, visible_pages


def navigation(request):
    """Return the menu items and footer links this request may see."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    root = site.root_page
    menu = visible_pages(request, root.get_children().filter(show_in_menus=True))
    current_path = request.path
    primary_navigation = []
    for item in menu.order_by("path").only("title", "path", "url_path", "depth"):
        url = item.get_url(request)
        primary_navigation.append(
            {
                "title": item.title,
                "url": url,
                "active": current_path.startswith(url or "//"),
            }
        )
    portal_settings = PortalSettings.for_site(site)
    footer_links = [
        {"title": page.title, "url": page.get_url(request)}
        for page in (
            portal_settings.accessibility_statement,
            portal_settings.privacy_notice,
        )
        if page is not None and can_view(request, page)
    ]
    return {
        "primary_navigation": primary_navigation,
        "footer_links": footer_links,
        "portal_contact_email": portal_settings.contact_email,
    }
