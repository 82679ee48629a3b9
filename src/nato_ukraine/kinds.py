"""The enumerations of the dataset: what kind of thing a record is, and how records relate.

Each is a ``str`` enum whose values are lower snake case, as in the JSON form, and whose
``str()`` is its value. ``Collection.where`` takes a member or its value in any case
(``kind="trust fund"``).
"""

from __future__ import annotations

import enum

__all__ = [
    "AgreementKind",
    "BodyKind",
    "EventKind",
    "Extent",
    "FigureQualifier",
    "MeetingLevel",
    "OutcomeRole",
    "ParticipantRole",
    "Plover",
    "ProgrammeKind",
    "ProgrammeStatus",
    "Side",
    "SourceKind",
]


class _Choice(str, enum.Enum):
    """An enumeration whose values are lower snake case strings, as in the JSON form."""

    def __str__(self) -> str:
        return str.__str__(self)


class SourceKind(_Choice):
    """What kind of document a :class:`Source` is."""

    OFFICIAL_STATEMENT = "official_statement"
    OFFICIAL_WEB_PAGE = "official_web_page"
    NEWS_REPORT = "news_report"
    RESEARCH_GUIDE = "research_guide"
    SECONDARY = "secondary"  #: an encyclopaedia, a think tank's paper, another secondary account
    OTHER = "other"


class BodyKind(_Choice):
    """What kind of organisation a :class:`Body` is."""

    ALLIANCE = "alliance"
    STATE = "state"
    ORGANISATION = "organisation"
    COUNCIL = "council"
    COMMISSION = "commission"
    COMMITTEE = "committee"
    WORKING_GROUP = "working_group"
    REPRESENTATION = "representation"
    OFFICE = "office"
    CENTRE = "centre"
    DIVISION = "division"
    AGENCY = "agency"
    TEAM = "team"
    MISSION = "mission"
    GOVERNMENT = "government"
    MINISTRY = "ministry"
    PARLIAMENT = "parliament"
    ARMED_FORCES = "armed_forces"
    SECURITY_SERVICE = "security_service"
    INSTITUTION = "institution"
    FORUM = "forum"
    OTHER = "other"


class Side(_Choice):
    """Whose a body is: NATO's, Ukraine's, both (a joint body), or someone else's."""

    NATO = "nato"
    UKRAINE = "ukraine"
    JOINT = "joint"
    OTHER = "other"


class ProgrammeKind(_Choice):
    """What kind of undertaking a :class:`Programme` is."""

    FRAMEWORK = "framework"
    POLICY = "policy"
    ASSISTANCE_PACKAGE = "assistance_package"
    TRUST_FUND = "trust_fund"
    INITIATIVE = "initiative"
    PROCESS = "process"
    PROGRAMME = "programme"
    EDUCATION = "education"
    PLATFORM = "platform"
    PARTNERSHIP = "partnership"
    PLAN = "plan"
    PROJECT = "project"
    WORK_PLAN = "work_plan"
    OTHER = "other"


class ProgrammeStatus(_Choice):
    """Where a programme stood, as a source states it (as of the programme's ``status_as_of``)."""

    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"
    ENDED = "ended"
    SUSPENDED = "suspended"
    UNKNOWN = "unknown"


class EventKind(_Choice):
    """What kind of occurrence an :class:`Event` is."""

    MEETING = "meeting"
    SUMMIT = "summit"
    STATEMENT = "statement"
    SIGNING = "signing"
    RATIFICATION = "ratification"
    ENTRY_INTO_FORCE = "entry_into_force"
    ESTABLISHMENT = "establishment"
    LAUNCH = "launch"
    COMPLETION = "completion"
    DECISION = "decision"
    ENDORSEMENT = "endorsement"
    ACCESSION = "accession"
    LEGISLATION = "legislation"
    VISIT = "visit"
    MILITARY_ACTION = "military_action"
    DEPLOYMENT = "deployment"
    REFERENDUM = "referendum"
    ELECTION = "election"
    APPLICATION = "application"  #: a formal application (for membership, for a status)
    OTHER = "other"


class MeetingLevel(_Choice):
    """At what level a meeting was held."""

    HEADS_OF_STATE_AND_GOVERNMENT = "heads_of_state_and_government"
    FOREIGN_MINISTERS = "foreign_ministers"
    DEFENCE_MINISTERS = "defence_ministers"
    MINISTERS = "ministers"
    AMBASSADORS = "ambassadors"
    MILITARY = "military"
    WORKING_LEVEL = "working_level"
    SENIOR_OFFICIALS = "senior_officials"
    OTHER = "other"


class AgreementKind(_Choice):
    """What kind of instrument an :class:`Agreement` is."""

    CHARTER = "charter"
    DECLARATION = "declaration"
    AGREEMENT = "agreement"
    ROADMAP = "roadmap"
    LAW = "law"
    STRATEGY = "strategy"
    CONSTITUTIONAL_AMENDMENT = "constitutional_amendment"
    COMMUNIQUE = "communique"
    STATEMENT = "statement"
    PLAN = "plan"
    RESOLUTION = "resolution"
    MEMORANDUM = "memorandum"
    OTHER = "other"


class ParticipantRole(_Choice):
    """How a body or a person took part in an event, or figured in it."""

    CHAIR = "chair"  #: chaired it
    HOST = "host"  #: hosted it
    PARTICIPANT = "participant"  #: took part (the body that met, a member, a delegation)
    REQUESTED = "requested"  #: asked for it (a meeting Ukraine requested)
    BRIEFED = "briefed"  #: briefed those present
    ADDRESSED = "addressed"  #: spoke to a meeting or forum others held
    SIGNATORY = "signatory"  #: signed what was signed there
    ENDORSED = "endorsed"  #: endorsed what was decided
    SUPPLIER = "supplier"  #: supplied (weapons, equipment), as the event reports
    DONOR = "donor"  #: gave (funds, aid), as the event reports
    SUBJECT = "subject"  #: was condemned, discussed or named, without taking part


class OutcomeRole(_Choice):
    """What an event did with a programme, an agreement or a body: the verb of its outcome."""

    ADOPTED = "adopted"
    AGREED = "agreed"
    ENDORSED = "endorsed"
    LAUNCHED = "launched"
    ESTABLISHED = "established"
    SIGNED = "signed"
    RATIFIED = "ratified"
    DECIDED = "decided"
    NOT_GRANTED = "not_granted"  #: asked for, and not granted: a negative the sources state


class FigureQualifier(_Choice):
    """How a stated number relates to the quantity: exactly it, about it, at most, at least."""

    EXACT = "exact"
    ABOUT = "about"
    UP_TO = "up_to"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"


class Plover(_Choice):
    """The PLOVER event categories (openeventdata/PLOVER, manual draft 2.0): how an event is
    coded for joining event data (see ``docs/concepts/event-codes.md``)."""

    AGREE = "agree"  #: agree to, offer or promise cooperation
    CONSULT = "consult"  #: consultations and meetings, visits included
    SUPPORT = "support"  #: diplomatic support: approve, endorse, sign or ratify
    CONCEDE = "concede"  #: verbal concessions
    COOPERATE = "cooperate"  #: mutual material cooperation, military included
    AID = "aid"  #: material aid to the recipient, arms included
    RETREAT = "retreat"  #: withdraw, release, disarm, cease fire
    REQUEST = "request"  #: requests, demands and orders
    ACCUSE = "accuse"  #: disapprove, condemn, criticise
    REJECT = "reject"  #: rejections and refusals
    THREATEN = "threaten"  #: threats
    PROTEST = "protest"  #: protests
    SANCTION = "sanction"  #: sanctions, expulsions, cutting cooperation
    MOBILIZE = "mobilize"  #: mobilising troops or weapons
    COERCE = "coerce"  #: coercion short of assault
    ASSAULT = "assault"  #: the use of force


class Extent(_Choice):
    """How much of what a collection could hold, within its period, it does hold."""

    COMPLETE = "complete"  #: every one the sources of its kind record, as far as the curators know
    SAMPLE = "sample"  #: some: what the sources used happen to say; counts are not of the whole
