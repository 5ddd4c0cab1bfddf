"""
Two people take the last place at the same moment: one is confirmed, the
other waits. Run against SQLite by default and against PostgreSQL with
DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (as CI does).
"""

import threading

from django.core import mail
from django.db import connection, connections
from django.test import Client

from events.models import Registration
from events.registration import register

PEOPLE = 6


def test_parallel_registrations_never_overfill(transactional_db, public_event):
    public_event.capacity = 1
    public_event.save()
    barrier = threading.Barrier(PEOPLE)
    failures = []

    def take_place(number):
        try:
            barrier.wait()
            register(
                public_event, name=f"Person {number}", email=f"p{number}@example.org"
            )
        except Exception as error:
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take_place, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    statuses = list(
        Registration.objects.filter(event=public_event).values_list("status", flat=True)
    )
    assert statuses.count(Registration.Status.CONFIRMED) == 1
    assert statuses.count(Registration.Status.WAITING) == PEOPLE - 1
    assert connection.vendor in {"sqlite", "postgresql"}


def test_parallel_duplicates_leave_one_registration(transactional_db, public_event):
    barrier = threading.Barrier(4)
    outcomes = []

    def take_place():
        try:
            barrier.wait()
            register(public_event, name="Same", email="same@example.org")
            outcomes.append("registered")
        except Exception as error:
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take_place) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["RegistrationRefused"] * 3 + ["registered"]
    assert Registration.objects.filter(event=public_event).count() == 1


def test_two_visitors_submitting_for_the_last_place_at_once(
    transactional_db, public_event
):
    """Both forms are posted together; the pages they get back tell them apart."""
    public_event.capacity = 1
    public_event.save()
    url = public_event.url + "register/"
    barrier = threading.Barrier(2)
    clients, statuses = {}, []

    def submit(person):
        try:
            client = clients[person] = Client()
            if connection.vendor == "sqlite":
                # The in-memory test database shares one cache between
                # connections, where reading a table that another connection
                # is writing fails at once ("database table is locked")
                # instead of waiting, as it does with a database file. So
                # that one visitor's page (Wagtail finding the event) does
                # not fail while the other takes the place, this thread's
                # connection reads without table locks. Taking the place
                # still waits for the other's write lock: that is the race.
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA read_uncommitted = 1")
            barrier.wait()
            response = client.post(
                url,
                {
                    "name": person.title(),
                    "email": f"{person}@example.org",
                    "consent": "on",
                },
            )
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(p,)) for p in ("asha", "ben")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # Each visitor then sees the event page their redirect leads to (read one
    # at a time: the in-memory test database locks tables, not rows).
    assert statuses == [302, 302]
    pages = [
        client.get(public_event.url).content.decode() for client in clients.values()
    ]
    told = sorted(
        "confirmed" if "Your place is confirmed" in html else "waiting"
        for html in pages
        if "Your place is confirmed" in html or "on the waiting list" in html
    )
    assert told == ["confirmed", "waiting"]
    assert sorted(
        Registration.objects.filter(event=public_event).values_list("status", flat=True)
    ) == [Registration.Status.CONFIRMED, Registration.Status.WAITING]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "asha@example.org",
        "ben@example.org",
    ]
