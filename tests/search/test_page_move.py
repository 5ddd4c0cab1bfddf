"""Moving a network moves its pages in search too, without a rebuild."""

import pytest

from best_practice.factories import BestPracticePageFactory
from best_practice.models import BestPracticePage


@pytest.mark.django_db
def test_pages_below_a_moved_network_are_found_in_their_new_network(search_index, tree):
    practice = BestPracticePageFactory(
        parent=tree.leeds, title="Quillwort outreach at the bus station"
    )

    def found_below(network):
        results = (
            BestPracticePage.objects.live().descendant_of(network).search("quillwort")
        )
        return [page.pk for page in results]

    assert found_below(tree.west_yorkshire) == [practice.pk]
    assert found_below(tree.north_east) == []

    tree.leeds.move(tree.north_east, pos="last-child")

    assert found_below(tree.north_east) == [practice.pk]
    assert found_below(tree.west_yorkshire) == []
