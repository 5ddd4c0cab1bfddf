"""
The read-only Wagtail API (v2) at /api/v2/: public pages, practices included.

The API is for other sites and tools that republish what the networks share,
so it answers every request as an anonymous visitor would see the portal,
whoever is signed in: a partners-only or police-only practice never appears,
and neither does a draft. The visibility rule in portal/visibility.py
decides, as it does for every other channel.

The serializer fields below are used by `BestPracticePage.api_fields`, so
this module is imported while the models load: it must not import the
best-practice models, nor Wagtail's API views, which look models up as they
are imported. `build_api_router()` imports those when the URLs are loaded.
"""

import logging

from django.contrib.auth.models import AnonymousUser

from rest_framework import serializers

from portal.visibility import can_view, visible_pages
from search.backends.whoosh import SearchIndexUnavailable

logger = logging.getLogger(__name__)


class AnonymousView:
    """
    A stand-in for a request from someone who is not signed in.

    The visibility rule reads only `user` from the request and keeps its
    answer on the object it is given, so one stand-in serves a whole API
    response without touching the real request's cached answer.
    """

    user = AnonymousUser()


def anonymous_view(request):
    """Return the anonymous stand-in for `request`, made once per request."""
    view = getattr(request, "_portal_anonymous_view", None)
    if view is None:
        view = AnonymousView()
        if request is not None:
            request._portal_anonymous_view = view
    return view


class ChoiceLabelField(serializers.Field):
    """
    A choice as its stored value, its label and, if given, an explanation.

    For example an outcome reads {"value": "did_not_work", "label": "Did
    not work", "explanation": "It did not achieve…"}, so a client can show
    the same plain-English wording as the portal.
    """

    def __init__(self, explanation_attribute=None, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.explanation_attribute = explanation_attribute

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        data = {
            "value": getattr(instance, self.field_name),
            "label": str(getattr(instance, f"get_{self.field_name}_display")()),
        }
        if self.explanation_attribute:
            data["explanation"] = str(getattr(instance, self.explanation_attribute))
        return data


class TermListField(serializers.Field):
    """The terms of one controlled vocabulary, as a list of names and slugs."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [{"name": term.name, "slug": term.slug} for term in value.all()]


class OrganisationListField(serializers.Field):
    """
    Organisations as id, title and type, leaving out any an anonymous
    visitor may not see (the directory can hold restricted entries).
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        view = anonymous_view(self.context.get("request"))
        return [
            {
                "id": organisation.pk,
                "title": organisation.title,
                "type": organisation.organisation_type,
            }
            for organisation in value.all().order_by("title")
            if can_view(view, organisation)
        ]


def build_api_router():
    """Return the router for /api/v2/ with one endpoint, `pages`."""
    from wagtail.api.v2.router import WagtailAPIRouter
    from wagtail.api.v2.views import PagesAPIViewSet

    from rest_framework.response import Response

    class PublicPagesAPIViewSet(PagesAPIViewSet):
        """
        Wagtail's pages endpoint, limited to what an anonymous visitor may see.

        Every listing, detail and `child_of`/`descendant_of` lookup starts
        from `get_base_queryset`, so narrowing it here covers them all.
        """

        def get_base_queryset(self):
            return visible_pages(
                anonymous_view(self.request), super().get_base_queryset()
            )

        def handle_exception(self, exc):
            # `?search=` while the index is being rebuilt: say so, in the
            # API's own error shape, instead of failing with a 500.
            if isinstance(exc, SearchIndexUnavailable):
                logger.warning("API search while the index is unavailable: %s", exc)
                return Response(
                    {"message": "Search is being rebuilt. Try again in a few minutes."},
                    status=503,
                    headers={"Retry-After": "120"},
                )
            return super().handle_exception(exc)

    router = WagtailAPIRouter("wagtailapi")
    router.register_endpoint("pages", PublicPagesAPIViewSet)
    return router
