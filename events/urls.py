"""
Calendar addresses that calendar programs subscribe to. They are plain URLs,
outside the page tree, because Wagtail's page addresses cannot end in ".ics".

Certificates of attendance are plain URLs too: as Django views they stay out
of the page tree, and so out of search, feeds, the API and the sitemap.
"""

from django.urls import path

from events import training_views, views

app_name = "events"

urlpatterns = [
    path("feed.ics", views.portal_feed, name="portal-feed"),
    path("feed/network/<int:network_id>.ics", views.network_feed, name="network-feed"),
    path(
        "feed/network/<int:network_id>/this-network-only.ics",
        views.network_feed,
        {"with_children": False},
        name="network-only-feed",
    ),
    path("feed/personal/<str:token>.ics", views.personal_feed, name="personal-feed"),
    path("<int:event_id>.ics", views.event_ics, name="event-ics"),
    path(
        "<int:event_id>/registrations.csv",
        views.registrations_csv,
        name="registrations-csv",
    ),
    path(
        "certificates/<int:attendee_id>/",
        training_views.certificate,
        name="training-certificate",
    ),
]
