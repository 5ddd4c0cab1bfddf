"""A network's governance: meetings, action plans and the funding register."""

from network.governance.models.funding import Award, Fund, FundingPage
from network.governance.models.meetings import (
    MeetingAction,
    MeetingAgendaItem,
    MeetingMinutesPage,
    MeetingPage,
    MeetingPaper,
)
from network.governance.models.plans import (
    ActionPlanAction,
    ActionProgressUpdate,
    RAGStatus,
    Strand,
)

__all__ = [
    "ActionPlanAction",
    "ActionProgressUpdate",
    "Award",
    "Fund",
    "FundingPage",
    "MeetingAction",
    "MeetingAgendaItem",
    "MeetingMinutesPage",
    "MeetingPage",
    "MeetingPaper",
    "RAGStatus",
    "Strand",
]
