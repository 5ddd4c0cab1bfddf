"""
Publishing, unpublishing, moving, deleting and every privacy change reach
Wagtail's audit log with the user who did it, and show in the admin's page
history and site history.
"""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    ModelLogEntry,
    PageLogEntry,
    PageViewRestriction,
)

import pytest
from bs4 import BeautifulSoup

from best_practice.factories import BestPracticePageFactory
from best_practice.models import BestPracticePage
from portal.factories import UserFactory
from portal.visibility import PARTNERS_GROUP
from tests.best_practice.test_import import row, run, write_csv
from tests.signing_in import sign_in_with_second_factor


@pytest.fixture
def coordinator(tree, client):
    """A West Yorkshire coordinator, signed in to the admin."""
    user = UserFactory(
        username="wy-coordinator",
        first_name="Asha",
        last_name="Patel",
        groups=[tree.west_yorkshire.coordinators_group],
    )
    sign_in_with_second_factor(client, user)
    return user


@pytest.fixture
def practice(tree):
    return BestPracticePageFactory(
        parent=tree.leeds,
        title="Car wash welfare visits",
        slug="car-wash-visits",
        contributing_organisations=[tree.council],
    )


def entries(page, action):
    return PageLogEntry.objects.filter(page_id=page.pk, action=action)


def only_entry(page, action):
    [entry] = entries(page, action)
    return entry


def page_history(client, page):
    response = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def site_history(client):
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    return response.content.decode()


def submit_edit_form(client, page, action, **changes):
    """
    Send the page's edit form back as the browser would, with `changes`, by
    pressing the button named `action` (e.g. "action-publish").
    """
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = BeautifulSoup(client.get(url).content, "html.parser").find(
        "form", id="page-edit-form"
    )
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data.setdefault(name, []).append(field.text)
        elif field.name == "select":
            data.setdefault(name, []).extend(
                option.get("value", option.text)
                for option in field.find_all("option", selected=True)
            )
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "file"):
            data.setdefault(name, []).append(field.get("value", ""))
    data.update(changes)
    data[action] = action
    return client.post(url, data)


@pytest.mark.django_db
def test_publishing_is_logged_with_the_user(client, coordinator, practice):
    response = submit_edit_form(
        client, practice, "action-publish", title="Car wash welfare visits 2024"
    )
    assert response.status_code == 302, response.context["form"].errors
    practice.refresh_from_db()
    assert practice.title == "Car wash welfare visits 2024"

    assert only_entry(practice, "wagtail.publish").user == coordinator
    history = page_history(client, practice)
    assert "Published" in history
    assert "Asha Patel" in history


@pytest.mark.django_db
def test_unpublishing_is_logged_with_the_user(client, coordinator, practice):
    response = client.post(
        reverse("wagtailadmin_pages:unpublish", args=[practice.pk]), {}
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert not practice.live

    assert only_entry(practice, "wagtail.unpublish").user == coordinator
    assert "Unpublished" in page_history(client, practice)


@pytest.mark.django_db
def test_moving_is_logged_with_the_user(client, coordinator, practice, tree):
    response = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[practice.pk, tree.bradford.pk])
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.get_parent().pk == tree.bradford.pk

    entry = only_entry(practice, "wagtail.move")
    assert entry.user == coordinator
    assert entry.data["source"]["id"] == tree.leeds.pk
    assert entry.data["destination"]["id"] == tree.bradford.pk
    assert "Moved from" in page_history(client, practice)


@pytest.mark.django_db
def test_deleting_is_logged_and_stays_in_the_site_history(
    client, coordinator, practice
):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[practice.pk]))
    assert response.status_code == 302
    assert not BestPracticePage.objects.filter(pk=practice.pk).exists()

    entry = only_entry(practice, "wagtail.delete")
    assert entry.user == coordinator
    assert entry.deleted
    # The page has gone, so its history lives on in the site history, which
    # only an administrator sees whole.
    admin = UserFactory(username="admin", is_superuser=True)
    sign_in_with_second_factor(client, admin)
    history = site_history(client)
    assert "Car wash welfare visits" in history
    assert "Deleted" in history
    assert "Asha Patel" in history


def set_privacy(client, page, restriction_type, groups=()):
    response = client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        {"restriction_type": restriction_type, "groups": [g.pk for g in groups]},
    )
    assert response.status_code == 200
    assert '"step": "set_privacy_done"' in response.content.decode()


@pytest.mark.django_db
def test_adding_changing_and_removing_page_privacy_is_logged(
    client, coordinator, practice
):
    partners = Group.objects.get(name=PARTNERS_GROUP)

    set_privacy(client, practice, PageViewRestriction.LOGIN)
    set_privacy(client, practice, PageViewRestriction.GROUPS, [partners])
    assert list(practice.view_restrictions.get().groups.all()) == [partners]
    set_privacy(client, practice, PageViewRestriction.NONE)
    assert not practice.view_restrictions.exists()

    logged = PageLogEntry.objects.filter(
        page_id=practice.pk, action__startswith="wagtail.view_restriction."
    ).order_by("timestamp", "pk")
    assert [entry.action for entry in logged] == [
        "wagtail.view_restriction.create",
        "wagtail.view_restriction.edit",
        "wagtail.view_restriction.delete",
    ]
    assert [entry.data["restriction"]["title"] for entry in logged] == [
        "Private, accessible to any logged-in users",
        "Private, accessible to users in specific groups",
        "Private, accessible to users in specific groups",
    ]
    assert {entry.user for entry in logged} == {coordinator}
    history = page_history(client, practice)
    assert "Added the &#x27;Private, accessible to any logged-in users&#x27;" in (
        history
    )
    assert "Removed the &#x27;Private, accessible to users in specific groups" in (
        history
    )


@pytest.mark.django_db
def test_privacy_set_by_a_practice_marking_is_logged_with_the_approver(
    client, coordinator, tree
):
    """
    A practice's handling marking sets its view restriction in code, not in
    the privacy dialog; the change it makes is logged all the same.
    """
    practice = BestPracticePageFactory(
        parent=tree.leeds, handling=BestPracticePage.Handling.POLICE
    )
    assert practice.view_restrictions.get().groups.get().name != PARTNERS_GROUP
    editor = UserFactory(username="leeds-editor", groups=[tree.leeds.editors_group])
    practice.handling = BestPracticePage.Handling.PARTNERS
    practice.save_revision(user=editor)
    practice.get_workflow().start(practice, editor)
    PageLogEntry.objects.all().delete()

    task_state = practice.current_workflow_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[practice.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code == 302
    assert practice.view_restrictions.get().groups.get().name == PARTNERS_GROUP

    removed = only_entry(practice, "wagtail.view_restriction.delete")
    added = only_entry(practice, "wagtail.view_restriction.create")
    assert removed.user == added.user == coordinator
    assert only_entry(practice, "wagtail.publish").user == coordinator


@pytest.mark.django_db
def test_collection_privacy_is_logged_with_the_user(client, tree):
    admin = UserFactory(username="admin", first_name="Sam", last_name="Okafor")
    admin.is_superuser = True
    admin.save()
    sign_in_with_second_factor(client, admin)
    collection = Collection.get_first_root_node().add_child(name="Police papers")
    url = reverse("wagtailadmin_collections:set_privacy", args=[collection.pk])

    client.post(url, {"restriction_type": CollectionViewRestriction.LOGIN})
    assert collection.view_restrictions.exists()
    client.post(url, {"restriction_type": CollectionViewRestriction.NONE})
    assert not collection.view_restrictions.exists()

    logged = ModelLogEntry.objects.filter(
        object_id=str(collection.pk), action__startswith="wagtail.view_restriction."
    ).order_by("timestamp", "pk")
    assert [(entry.action, entry.user) for entry in logged] == [
        ("wagtail.view_restriction.create", admin),
        ("wagtail.view_restriction.delete", admin),
    ]
    history = site_history(client)
    assert "Police papers" in history
    assert "Added the &#x27;Private, accessible to any logged-in users&#x27;" in (
        history
    )
    assert "Sam Okafor" in history


@pytest.mark.django_db
def test_imported_practices_are_logged_as_created_published_and_restricted(
    client, tree, tmp_path
):
    path = write_csv(
        tmp_path,
        [row(), row(external_id="ne-002", title="Police only", handling="police")],
    )
    assert run(path, "--publish")[2] is None
    public = BestPracticePage.objects.get(external_id="ne-001")
    police = BestPracticePage.objects.get(external_id="ne-002")

    for page in (public, police):
        assert only_entry(page, "wagtail.create").user is None
        assert only_entry(page, "wagtail.publish").user is None
    assert not entries(public, "wagtail.view_restriction.create").exists()
    restricted = only_entry(police, "wagtail.view_restriction.create")
    assert restricted.data["restriction"]["type"] == "groups"

    sign_in_with_second_factor(client, UserFactory(username="admin", is_superuser=True))
    history = page_history(client, police)
    assert "Added the &#x27;Private, accessible to users in specific groups" in (
        history
    )
    assert "Published" in history
    assert "system" in history
