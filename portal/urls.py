from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from csp.decorators import csp_update
from django_mfa.views import enroll

from best_practice.api import build_api_router
from best_practice.feeds import LibraryFeed, NetworkFeed
from portal import health, views

api_router = build_api_router()

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("account/", include("portal.account_urls")),
    # Two-step sign-in (django-mfa): set-up, code and recovery-code pages.
    path(
        "account/two-step/enroll/<str:factor_type>/",
        # The set-up page shows its QR code as an SVG image written into
        # the page (a data: address), which the public policy refuses.
        csp_update({"img-src": "data:"})(enroll.enroll_factor),
        name="enroll_factor",
    ),
    path("account/two-step/", include("django_mfa.urls")),
    # Requests for partner accounts, setting a password, and /my-portal/.
    path("", include("network.partners.urls")),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    # For load balancers and monitors: see portal/health.py.
    path("healthz", health.healthz, name="healthz"),
    # Public practices only, for any visitor: see best_practice/api.py.
    path("api/v2/", api_router.urls),
    # RSS of newly published public practices. Paths under Wagtail pages'
    # addresses, so they must come before the page catch-all below.
    path("best-practice/feed/", LibraryFeed(), name="practice-feed"),
    path(
        "networks/feed/<int:network_id>/",
        NetworkFeed(),
        name="network-practice-feed",
    ),
    # Calendar feeds (.ics); every other /events/ address is the Wagtail page.
    path("events/", include("events.urls")),
    # Period reports of a network and its forums, and their CSV.
    path("reports/", include("network.governance.urls")),
    # /search/, /search/suggest/ and /glossary/.
    path("", include("search.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
