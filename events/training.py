"""
What the training records add up to, and the ways records come and go:
totals by network, period, course and sector; a record made from an
event's attendance; CSV export and import; erasing names.

Totals count people, never name them: nothing here reads NamedAttendee
except the erasure functions.
"""

import csv
import datetime
import io
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from events.models import (
    Course,
    EventType,
    Headcount,
    NamedAttendee,
    Registration,
    TrainingRecord,
)
from events.models.training import (
    Sector,
    add_months,
    name_retention_months,
    organisations_reached,
)
from events.registration import anonymise
from network.models import OrganisationPage
from portal.charts import Bar

# Events whose attendance can become a training record.
TRAINING_EVENT_TYPES = {EventType.TRAINING_SESSION, EventType.ROADSHOW_STOP}
WALK_IN_ROLE = "Walk-in"


# Periods ---------------------------------------------------------------------


def financial_year(day):
    """Return the first calendar year of the April–March year holding `day`."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(year):
    return f"{year}–{str(year + 1)[-2:]}"


def quarter_dates(year, number):
    """Return the first and last day of quarter `number` (1–4) of financial `year`."""
    first = add_months(datetime.date(year, 4, 1), 3 * (number - 1))
    return first, add_months(first, 3) - datetime.timedelta(days=1)


def quarter_label(year, number):
    first, last = quarter_dates(year, number)
    return f"{first:%b}–{last:%b %Y} (Q{number} {financial_year_label(year)})"


# Roll-ups --------------------------------------------------------------------


def people_sum(sector="", prefix="headcounts__"):
    """Sum the headcounts, of one sector if given."""
    condition = Q(**{f"{prefix}sector": sector}) if sector else None
    return Sum(f"{prefix}count", filter=condition)


def totals(records, sector=""):
    """Return people trained, sessions and organisations reached in `records`."""
    headcounts = Headcount.objects.filter(record__in=records)
    if sector:
        headcounts = headcounts.filter(sector=sector)
    return {
        "people": headcounts.aggregate(people=Sum("count"))["people"] or 0,
        "sessions": records.count(),
        "organisations": organisations_reached(headcounts),
    }


def network_rollup(records, networks, sector=""):
    """
    Return a Bar per network in `networks` (ordered by tree path), each
    counting its own records and those of every network below it.
    """
    own = {
        row["network__path"]: row
        for row in records.values("network__path").annotate(people=people_sum(sector))
    }
    sessions = defaultdict(int)
    for path in records.values_list("network__path", flat=True):
        sessions[path] += 1
    top_depth = min((network.depth for network in networks), default=0)
    bars = []
    for network in networks:
        people = sum(
            (row["people"] or 0)
            for path, row in own.items()
            if path.startswith(network.path)
        )
        count = sum(n for path, n in sessions.items() if path.startswith(network.path))
        bars.append(Bar(network.title, people, count, depth=network.depth - top_depth))
    return bars


def period_rollup(records, by_quarter=False, sector=""):
    """Return a Bar per financial year (or quarter) that has records, in order."""
    people = defaultdict(int)
    sessions = defaultdict(set)
    rows = records.values_list("pk", "date").annotate(people=people_sum(sector))
    for pk, day, count in rows:
        year = financial_year(day)
        key = (year, (day.month - 4) % 12 // 3 + 1) if by_quarter else (year, 0)
        people[key] += count or 0
        sessions[key].add(pk)
    return [
        Bar(
            quarter_label(*key) if by_quarter else financial_year_label(key[0]),
            people[key],
            len(sessions[key]),
        )
        for key in sorted(people)
    ]


def course_rollup(records, sector=""):
    rows = (
        records.values("course__title")
        .annotate(people=people_sum(sector))
        .order_by("-people", "course__title")
    )
    sessions = defaultdict(int)
    for title in records.values_list("course__title", flat=True):
        sessions[title] += 1
    return [
        Bar(row["course__title"], row["people"] or 0, sessions[row["course__title"]])
        for row in rows
    ]


def sector_rollup(records, sector=""):
    labels = dict(Sector.choices)
    headcounts = Headcount.objects.filter(record__in=records)
    if sector:
        headcounts = headcounts.filter(sector=sector)
    rows = (
        headcounts.values("sector")
        .annotate(people=Sum("count"))
        .order_by("-people", "sector")
    )
    return [
        Bar(labels.get(row["sector"], "Not recorded"), row["people"] or 0)
        for row in rows
    ]


# From an event ---------------------------------------------------------------


class TrainingRecordRefused(Exception):
    """Raised with the message to show when an event cannot become a record."""


@transaction.atomic
def record_from_event(event, course, walk_ins=()):
    """
    Create or refresh the training record of `event` from the registrations
    marked attended plus `walk_ins` (organisation name, sector, role, count).

    The record's headcounts are rebuilt every time, so running it twice
    counts nobody twice. Return (record, created).
    """
    if event.event_type not in TRAINING_EVENT_TYPES:
        raise TrainingRecordRefused(
            "Only training sessions and roadshow stops become training records."
        )
    if not event.has_begun:
        raise TrainingRecordRefused(
            "You can record the training once the event has begun."
        )
    network = event.network
    record, created = TrainingRecord.objects.select_for_update().get_or_create(
        event=event,
        defaults={
            "course": course,
            "network": network,
            "date": timezone.localtime(event.start).date(),
            "venue": event.venue_name,
            "online": event.is_online and not event.is_in_person,
        },
    )
    if not created:
        record.course = course
        record.save(update_fields=["course", "updated"])
    record.headcounts.all().delete()
    groups = defaultdict(int)
    attended = Registration.objects.filter(event=event, attended=True).select_related(
        "organisation"
    )
    for registration in attended:
        key = (
            registration.organisation,
            "" if registration.organisation_id else registration.organisation_name,
            "" if registration.organisation_id else Sector.OTHER,
            registration.role or "Not given",
        )
        groups[key] += 1
    for organisation_name, sector, role, count in walk_ins:
        groups[(None, organisation_name, sector, role or WALK_IN_ROLE)] += count
    for (organisation, organisation_name, sector, role), count in groups.items():
        Headcount.objects.create(
            record=record,
            organisation=organisation,
            organisation_name=organisation_name or "",
            sector=sector or "",
            role=role,
            count=count,
        )
    return record, created


# Erasing names ---------------------------------------------------------------


def erase_expired_names(today=None):
    """Delete named attendance past its retention period; return how many."""
    today = today or timezone.localdate()
    cutoff = add_months(today, -name_retention_months())
    deleted, _ = NamedAttendee.objects.filter(record__date__lt=cutoff).delete()
    return deleted


@transaction.atomic
def erase_person(email):
    """
    Erase what the portal holds on the person with `email`: their named
    attendance, and the name and details of their event registrations
    (whose counts and attendance marks stay). Return the numbers erased.
    """
    attendees, _ = NamedAttendee.objects.filter(email__iexact=email).delete()
    registrations = Registration.objects.filter(email__iexact=email)
    erased = 0
    for registration in registrations:
        anonymise(registration, "Erased on request")
        erased += 1
    return {"named_attendance": attendees, "registrations": erased}


# CSV -------------------------------------------------------------------------

CSV_COLUMNS = [
    "date",
    "course",
    "network",
    "delivered_by",
    "venue",
    "online",
    "organisation",
    "sector",
    "role",
    "people",
]
SECTOR_BY_LABEL = {label.lower(): value for value, label in Sector.choices}
SECTOR_BY_LABEL.update({value: value for value, _ in Sector.choices})


def _safe_cell(value):
    # Spreadsheets run cells starting with these as formulas (CSV injection).
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def write_csv(records, out):
    """Write one row per headcount of `records`: never a name."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    headcounts = (
        Headcount.objects.filter(record__in=records)
        .select_related(
            "record__course", "record__network", "record__delivered_by", "organisation"
        )
        .order_by("record__date", "record__pk", "sort_order", "pk")
    )
    for headcount in headcounts:
        record = headcount.record
        writer.writerow(
            [
                _safe_cell(value)
                for value in (
                    record.date.isoformat(),
                    record.course.title,
                    record.network.title,
                    record.delivered_by.title if record.delivered_by else "",
                    record.venue,
                    "yes" if record.online else "no",
                    headcount.organisation_label,
                    headcount.get_sector_display() if headcount.sector else "",
                    headcount.role,
                    headcount.count,
                )
            ]
        )


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)  # (row number, column, message)
    records: int = 0
    people: int = 0


def import_csv(text, networks):
    """
    Import delivery records from CSV `text` (the CSV_COLUMNS, one row per
    headcount; rows with the same date, course, network, deliverer, venue and
    online form one session). Networks must be among `networks`.

    All or nothing: return an ImportResult whose `errors` list every problem
    by row and column, in which case nothing was saved.
    """
    result = ImportResult()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = reader.fieldnames or []
    except csv.Error as error:
        result.errors.append((1, "", f"The file is not valid CSV: {error}."))
        return result
    missing = [column for column in CSV_COLUMNS if column not in header]
    if missing:
        result.errors.append(
            (1, ", ".join(missing), "The header row is missing these columns.")
        )
        return result
    networks_by_title = {n.title.lower(): n for n in networks}
    courses = {c.title.lower(): c for c in Course.objects.all()}
    organisations = {o.title.lower(): o for o in OrganisationPage.objects.all()}
    sessions = defaultdict(list)
    try:
        for number, row in enumerate(reader, start=2):
            parsed = _parse_row(
                number, row, networks_by_title, courses, organisations, result
            )
            if parsed is not None:
                session, headcount = parsed
                sessions[session].append(headcount)
    except csv.Error as error:
        result.errors.append(
            (reader.line_num, "", f"The file is not valid CSV: {error}.")
        )
        return result
    if result.errors:
        return result
    if not sessions:
        result.errors.append((2, "", "The file has no rows to import."))
        return result
    with transaction.atomic():
        for (
            day,
            course,
            network,
            delivered_by,
            venue,
            online,
        ), rows in sessions.items():
            record = TrainingRecord.objects.create(
                date=day,
                course=course,
                network=network,
                delivered_by=delivered_by,
                venue=venue,
                online=online,
            )
            for headcount in rows:
                headcount.record = record
                headcount.save()
                result.people += headcount.count
            result.records += 1
    return result


def _parse_row(number, row, networks, courses, organisations, result):
    def error(column, message):
        result.errors.append((number, column, message))

    def text(column):
        return (row.get(column) or "").strip()

    before = len(result.errors)
    try:
        day = datetime.date.fromisoformat(text("date"))
    except ValueError:
        error("date", "Enter the date as YYYY-MM-DD, like 2024-06-30.")
        day = None
    else:
        if day > timezone.localdate():
            error("date", "The date is in the future: record sessions once delivered.")
    course = courses.get(text("course").lower())
    if course is None:
        error("course", f"No course is called “{text('course')}”. Add it first.")
    network = networks.get(text("network").lower())
    if network is None:
        error(
            "network", f"“{text('network')}” is not a network whose records you manage."
        )
    delivered_by = None
    if text("delivered_by"):
        delivered_by = organisations.get(text("delivered_by").lower())
        if delivered_by is None:
            error(
                "delivered_by",
                "Not in the member directory: leave it empty or correct it.",
            )
    online = text("online").lower()
    if online not in ("yes", "no", ""):
        error("online", "Write yes or no.")
    if not text("venue") and online != "yes":
        error("venue", "Give the venue, or write yes under online.")
    organisation = organisations.get(text("organisation").lower())
    sector = SECTOR_BY_LABEL.get(text("sector").lower(), "")
    if not text("organisation"):
        error("organisation", "Give the attending organisation.")
    elif organisation is None and not sector:
        error(
            "sector",
            "Give a sector for an organisation not in the directory: "
            + ", ".join(label for _, label in Sector.choices)
            + ".",
        )
    if not text("role"):
        error("role", "Give the role, like 'Response officers'.")
    try:
        people = int(text("people"))
        if people < 1:
            raise ValueError
    except ValueError:
        error("people", "Give the number of people as a whole number, 1 or more.")
        people = None
    if len(result.errors) > before:
        return None
    session = (day, course, network, delivered_by, text("venue"), online == "yes")
    headcount = Headcount(
        organisation=organisation,
        organisation_name="" if organisation else text("organisation"),
        sector=organisation.organisation_type if organisation else sector,
        role=text("role"),
        count=people,
    )
    return session, headcount
