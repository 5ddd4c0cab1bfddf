"""The date under each search result, as a reader in the UK sees it."""

import datetime

from search.site_search import shown_date


def test_an_event_late_on_a_summer_evening_shows_the_uk_date():
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    start = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)
    assert shown_date(start) == ("2026-07-01", "1 July 2026")


def test_a_review_date_is_shown_as_it_is():
    assert shown_date(datetime.date(2025, 3, 4)) == ("2025-03-04", "4 March 2025")


def test_no_date_shows_nothing():
    assert shown_date(None) == ("", "")
