"""Where each page type may be created: the network levels follow the tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from best_practice.models import BestPracticeIndexPage
from events.models import EventIndexPage, TrainingPage
from network.models import (
    MemberDirectoryPage,
    NetworkIndexPage,
    NetworkPage,
    OrganisationPage,
)
from portal.models import HomePage, StandardPage
from tests.signing_in import sign_in_with_second_factor


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_is_the_site_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_section_pages_sit_under_the_home_page(self):
        for model in (
            NetworkIndexPage,
            MemberDirectoryPage,
            BestPracticeIndexPage,
            EventIndexPage,
            TrainingPage,
        ):
            self.assertAllowedParentPageTypes(model, {HomePage})

    def test_networks_sit_under_the_index_or_another_network(self):
        self.assertAllowedParentPageTypes(NetworkPage, {NetworkIndexPage, NetworkPage})
        self.assertAllowedSubpageTypes(NetworkIndexPage, {NetworkPage})
        self.assertCanNotCreateAt(HomePage, NetworkPage)

    def test_organisations_live_in_the_directory(self):
        self.assertAllowedParentPageTypes(OrganisationPage, {MemberDirectoryPage})
        self.assertAllowedSubpageTypes(OrganisationPage, set())

    def test_standard_pages_sit_under_home(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(NetworkIndexPage, StandardPage)


@pytest.mark.django_db
def test_levels_follow_the_tree(tree):
    assert tree.national.level == NetworkPage.Level.NATIONAL
    assert tree.west_yorkshire.level == NetworkPage.Level.REGIONAL
    assert tree.leeds.level == NetworkPage.Level.DISTRICT


@pytest.mark.django_db
def test_a_district_forum_cannot_have_networks_below_it(tree):
    assert NetworkPage.can_create_at(tree.west_yorkshire)
    assert not NetworkPage.can_create_at(tree.leeds)


@pytest.mark.django_db
def test_a_network_cannot_move_to_another_level(tree):
    assert tree.leeds.can_move_to(tree.north_east)
    assert not tree.leeds.can_move_to(tree.national)
    assert not tree.west_yorkshire.can_move_to(tree.leeds)


class CreateThroughAdminTests(WagtailPageTestCase):
    """Create networks the way an editor does, through the Wagtail admin."""

    @classmethod
    def setUpTestData(cls):
        from network.factories import NetworkIndexPageFactory, NetworkPageFactory
        from portal.demo import remove_welcome_page
        from portal.factories import HomePageFactory

        remove_welcome_page()
        home = HomePageFactory(parent=Page.get_first_root_node())
        cls.index = NetworkIndexPageFactory(parent=home)
        cls.national = NetworkPageFactory(parent=cls.index, slug="national")

    def setUp(self):
        sign_in_with_second_factor(self.client, self.create_test_user())

    def test_creating_under_the_national_network_makes_a_regional_network(self):
        self.assertCanCreate(
            self.national,
            NetworkPage,
            nested_form_data(
                {
                    "title": "Humberside",
                    "slug": "humberside",
                    "summary": "A regional network.",
                    "contact_role": "Network coordinator",
                    "body": streamfield([]),
                    "memberships": inline_formset([]),
                }
            ),
        )
        created = NetworkPage.objects.get(slug="humberside")
        assert created.level == NetworkPage.Level.REGIONAL
