"""Demo editor's picks for `manage.py load_demo` (called by portal.demo.DemoLoader)."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from best_practice.models import BestPracticePage

# (words searched, slug of the practice promoted, why it is recommended)
PROMOTIONS = [
    (
        "nrm",
        "national-referral-mechanism-pilot",
        "How the West Yorkshire pilot panel decided NRM cases locally.",
    ),
    (
        "car wash",
        "car-wash-welfare-checks",
        "Welfare checks at hand car washes, with the GLAA.",
    ),
]


def load_search_promotions(loader):
    """Add the demo's editor's picks once; a pick already there is kept."""
    for words, slug, description in PROMOTIONS:
        page = BestPracticePage.objects.filter(slug=slug).first()
        if page is None:
            continue
        query, _ = Query.objects.get_or_create(query_string=words)
        _, created = SearchPromotion.objects.get_or_create(
            query=query, page=page, defaults={"description": description}
        )
        loader.created += created
