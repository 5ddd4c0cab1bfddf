"""Editor panels for best-practice pages."""

import re

from wagtail.admin.panels import Panel

from portal.visibility import can_view
from search.fallback import search_or_fallback

SIMILAR_LIMIT = 3
# Words too common in practice titles to say anything about similarity.
COMMON_WORDS = frozenset(
    "a an and are as at be by for from has have in into is it of on or our "
    "the their this to was were with what who how practice project pilot "
    "modern slavery trafficking".split()
)


def similar_practices(practice, request=None, limit=SIMILAR_LIMIT):
    """
    Return up to `limit` other live practices most like `practice`.

    Searches the words of its title and summary, any of them, so that a
    practice written in different words still finds its near neighbours.
    Practices the editor may not read are left out.
    """
    from best_practice.models import BestPracticePage

    text = f"{practice.title or ''} {getattr(practice, 'summary', '') or ''}"
    words = []
    for word in re.findall(r"[^\W_]{3,}", text.lower()):
        if word not in COMMON_WORDS and word not in words:
            words.append(word)
    if not words:
        return []
    results = search_or_fallback(
        BestPracticePage.objects.live(),
        " ".join(words[:20]),
        limit=limit * 4,
        operator="or",
    )
    similar = []
    for candidate in results:
        if candidate.pk == practice.pk:
            continue
        if request is not None and not can_view(request, candidate):
            continue
        similar.append(candidate)
        if len(similar) == limit:
            break
    return similar


class SimilarPracticePanel(Panel):
    """
    "Similar practice already exists": up to three practices like this one.

    Shown at the top of the editor so that a contributor can build on, or
    adopt, existing work instead of writing it up twice.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "best_practice/admin/similar_practice_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["similar"] = similar_practices(self.instance, self.request)
            return context
