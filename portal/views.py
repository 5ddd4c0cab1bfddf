"""Site-wide views: sitemap and error pages."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import get_template

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from portal.visibility import visible_pages


class VisibleSitemap(Sitemap):
    """Wagtail's sitemap, listing only the pages the request may see."""

    def items(self):
        root = self.get_wagtail_site().root_page
        return (
            visible_pages(self.request, root.get_descendants(inclusive=True))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": VisibleSitemap(request)})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors: whatever broke may be among them.
    return HttpResponseServerError(get_template("500.html").render())
