"""The events app's models: events and registrations, then training records."""

from events.models.events import (
    CANCEL_SALT,
    RICH_TEXT_FEATURES,
    Audience,
    CalendarFeedToken,
    EventDocument,
    EventIndexPage,
    EventPage,
    EventSpeaker,
    EventStatus,
    EventType,
    Registration,
    RegistrationQuerySet,
    RoadshowSeriesPage,
)
from events.models.training import (
    Course,
    CourseDocument,
    Headcount,
    NamedAttendee,
    TrainingPage,
    TrainingRecord,
    TrainingRecordQuerySet,
)

__all__ = [
    "CANCEL_SALT",
    "RICH_TEXT_FEATURES",
    "Audience",
    "CalendarFeedToken",
    "Course",
    "CourseDocument",
    "EventDocument",
    "EventIndexPage",
    "EventPage",
    "EventSpeaker",
    "EventStatus",
    "EventType",
    "Headcount",
    "NamedAttendee",
    "Registration",
    "RegistrationQuerySet",
    "RoadshowSeriesPage",
    "TrainingPage",
    "TrainingRecord",
    "TrainingRecordQuerySet",
]
