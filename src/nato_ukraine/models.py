"""The record classes and enumerations of the NATO–Ukraine dataset.

Every class is an attrs class: frozen, slotted and keyword-only, with tuple fields, so records
are immutable, hashable and cheap. The classes know nothing of JSON; reading and writing the
JSON form is the job of :mod:`nato_ukraine.converters`.

References between records are ids (strings). A :class:`~nato_ukraine.dataset.Dataset`
resolves them and refuses dangling ones when it loads.
"""

from __future__ import annotations

import enum
from typing import Union

import attrs

from nato_ukraine.dates import PartialDate, Period

__all__ = [
    "COLLECTIONS",
    "Agreement",
    "AgreementKind",
    "Body",
    "BodyKind",
    "Citation",
    "Coverage",
    "Event",
    "EventKind",
    "Manifest",
    "MeetingLevel",
    "Operation",
    "Person",
    "Programme",
    "ProgrammeKind",
    "ProgrammeStatus",
    "Record",
    "Role",
    "Side",
    "Source",
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
    """Where a programme stood as of the dataset's ``as_of`` date (or its source's date)."""

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
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Citation:
    """Evidence for a record: a short verbatim passage of a :class:`Source`.

    Attributes:
        source: The id of the :class:`Source` quoted.
        quote: A passage of that source, verbatim, at most 300 characters.
        locator: Where in the source the passage stands (a section heading or paragraph).
    """

    source: str
    quote: str
    locator: str | None = None


@attrs.frozen(kw_only=True)
class Role:
    """A position a :class:`Person` held, as the sources give it.

    Attributes:
        title: The title of the position ("Secretary General").
        body: The id of the body the position belongs to, if the dataset has it.
        period: When the person held it, as far as the sources say; None when unstated.
    """

    title: str
    body: str | None = None
    period: Period | None = None


# The two bases only gather fields: every class below makes its own __init__, __eq__, __hash__
# and __repr__, so the bases make none (each would cost a compile when the package loads). The
# decorator is written out on each: mypy's attrs plugin knows a class by its decorator call.
@attrs.frozen(kw_only=True, init=False, repr=False, eq=False)
class _Record:
    """The fields every record shares.

    Attributes:
        id: A stable slug (``nato-ukraine-commission``), unique across the dataset, never reused.
        name: The record's name, as the sources give it.
        acronym: Its acronym (``NUC``), if it has one.
        aliases: Other names it goes by, including looser names a source uses.
        description: What it is, in the dataset's own words.
    """

    id: str
    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    description: str = ""


@attrs.frozen(kw_only=True)
class Source(_Record):
    """A document the dataset is built from.

    Attributes:
        title: The document's title, exactly as published.
        publisher: Who published it, or None when the document does not say.
        published: When it was published or last updated, at the precision known.
        url: Where it was published, when known.
        kind: What kind of document it is.
    """

    title: str
    publisher: str | None = None
    published: PartialDate | None = None
    url: str | None = None
    kind: SourceKind = SourceKind.OTHER


@attrs.frozen(kw_only=True, init=False, repr=False, eq=False)
class _CitedRecord(_Record):
    """A record that states facts, each backed by one of its citations.

    Attributes:
        citations: The passages of the sources that support the record, at least one.
    """

    citations: tuple[Citation, ...] = ()


@attrs.frozen(kw_only=True)
class Body(_CitedRecord):
    """An organisation, council, commission, office, agency, ministry or institution.

    Attributes:
        kind: What kind of body it is.
        side: Whose body it is.
        parent: The id of the body it is part of.
        established: When it was founded, at the precision the sources give.
        dissolved: When it ceased to exist.
        predecessor: The id of the body it replaced.
        successor: The id of the body that replaced it.
        location: Where it sits.
    """

    kind: BodyKind
    side: Side
    parent: str | None = None
    established: PartialDate | None = None
    dissolved: PartialDate | None = None
    predecessor: str | None = None
    successor: str | None = None
    location: str | None = None


@attrs.frozen(kw_only=True)
class Programme(_CitedRecord):
    """A programme, package, trust fund, initiative, process, platform or framework.

    Attributes:
        kind: What kind of undertaking it is.
        period: When it ran; either end may be open (unknown or ongoing).
        status: Where it stood as of the dataset's ``as_of`` date.
        parent: The id of the programme it belongs to (a trust fund under CAP).
        bodies: The ids of the bodies that run or oversee it.
        areas: The fields it works in, in a few words each.
    """

    kind: ProgrammeKind
    period: Period = attrs.field(factory=Period)
    status: ProgrammeStatus = ProgrammeStatus.UNKNOWN
    parent: str | None = None
    bodies: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Event(_CitedRecord):
    """A dated occurrence: a meeting, summit, statement, signing, launch, visit, law, ...

    Attributes:
        kind: What kind of occurrence it was (what it was, not what a source called it).
        date: When it happened (or began), at the precision the sources give.
        end: When it ended, for an occurrence of more than one day.
        location: Where it happened.
        level: For a meeting, the level it was held at.
        chair: The id of the person who chaired it.
        bodies: The ids of the bodies involved.
        programmes: The ids of the programmes involved.
        agreements: The ids of the agreements involved.
        operations: The ids of the operations involved.
        people: The ids of the people involved.
    """

    kind: EventKind
    date: PartialDate
    end: PartialDate | None = None
    location: str | None = None
    level: MeetingLevel | None = None
    chair: str | None = None
    bodies: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    operations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Agreement(_CitedRecord):
    """A charter, declaration, agreement, roadmap, law, strategy or amendment.

    Attributes:
        kind: What kind of instrument it is.
        signed: When it was signed (or adopted, for a law).
        ratified: When it was ratified.
        in_force: When it entered into force.
        parties: The ids of the bodies that are party to it.
    """

    kind: AgreementKind
    signed: PartialDate | None = None
    ratified: PartialDate | None = None
    in_force: PartialDate | None = None
    parties: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Operation(_CitedRecord):
    """A NATO-led operation or mission that Ukraine contributed to.

    Attributes:
        period: When the operation ran, as far as the sources say.
        region: Where it operated.
        contribution: What Ukraine contributed, in a sentence or two.
        contribution_period: When Ukraine contributed, as far as the sources say.
    """

    period: Period = attrs.field(factory=Period)
    region: str | None = None
    contribution: str = ""
    contribution_period: Period | None = None


@attrs.frozen(kw_only=True)
class Person(_CitedRecord):
    """A named person, with the roles the sources give them.

    Attributes:
        roles: The positions held, as the sources give them.
    """

    roles: tuple[Role, ...] = ()


@attrs.frozen(kw_only=True)
class Coverage:
    """How far one collection of the dataset reaches, so that "no record" is not read as "did not happen".

    Attributes:
        collection: The collection's name (``events``).
        period: The span of time within which the collection holds what its sources say.
        sources: The ids of the sources the collection rests on.
        note: Where the coverage is dense and where it is thin, in a sentence or two.
    """

    collection: str
    period: Period
    sources: tuple[str, ...] = ()
    note: str = ""


@attrs.frozen(kw_only=True)
class Manifest:
    """What a dataset says of itself (``manifest.json``).

    Attributes:
        data_version: The version of the data (``2024.1.0``); None for a user's dataset
            without a manifest.
        as_of: The date of the latest source the data rests on.
        schema_version: The version of the JSON form.
        coverage: How far each collection reaches, one entry per collection.
    """

    data_version: str | None = None
    as_of: PartialDate | None = None
    schema_version: int = 1
    coverage: tuple[Coverage, ...] = ()


#: Any record of the dataset.
Record = Union[Source, Body, Programme, Event, Agreement, Operation, Person]

#: The collections of a dataset, by the name the JSON form and :class:`~nato_ukraine.Dataset`
#: give them, with the class of their records.
COLLECTIONS: dict[str, type[Record]] = {
    "sources": Source,
    "bodies": Body,
    "programmes": Programme,
    "events": Event,
    "agreements": Agreement,
    "operations": Operation,
    "people": Person,
}
