"""The record classes and enumerations of the NATO–Ukraine dataset, and what each field means.

Every class is an attrs class: frozen, slotted and keyword-only, with tuple fields, so records
are immutable, hashable and cheap. The classes know nothing of JSON; reading and writing the
JSON form is the job of :mod:`nato_ukraine.converters`.

References between records are ids (strings). A :class:`~nato_ukraine.dataset.Dataset`
resolves them and refuses dangling ones when it loads.

**Each field's meaning is declared once, here**, in its attrs metadata (under the key
:data:`META`), and every other part of the package reads it from there: the loader (what to
intern, what a reference must resolve to, which dates must come in order), the date and name
indexes, the graph, the timeline, the flat records and frames, and the JSON Schema. The
helpers :func:`reference`, :func:`when`, :func:`label` and :func:`named` write that metadata::

    parent: str | None = attrs.field(default=None, metadata=reference("bodies", Relation.PART_OF))
    established: PartialDate | None = attrs.field(default=None, metadata=when(When.START))
    location: str | None = attrs.field(default=None, metadata=label())
"""

from __future__ import annotations

import enum
from typing import Any, Union

import attrs

from nato_ukraine._display import html_of_record, repr_of
from nato_ukraine.dates import PartialDate, Period

__all__ = [
    "COLLECTIONS",
    "META",
    "Agreement",
    "AgreementKind",
    "Body",
    "BodyKind",
    "Citation",
    "Coverage",
    "Event",
    "EventKind",
    "Manifest",
    "Meaning",
    "MeetingLevel",
    "NameRole",
    "Operation",
    "Person",
    "Programme",
    "ProgrammeKind",
    "ProgrammeStatus",
    "Record",
    "Relation",
    "Role",
    "Side",
    "Source",
    "SourceKind",
    "When",
    "label",
    "means",
    "named",
    "reference",
    "when",
]


# ---------------------------------------------------------------------------------------------
# What a field means


class Relation(str, enum.Enum):
    """The kinds of link between records, each read "source RELATION target".

    A reference field declares the relation its edges have (see :func:`reference`).
    """

    PART_OF = "part_of"  #: a body or programme is part of another (its ``parent``)
    SUCCEEDS = "succeeds"  #: a body succeeds its predecessor
    RUNS = "runs"  #: a body runs or oversees a programme
    INVOLVES = "involves"  #: an event involves a body, programme, agreement, operation or person
    CHAIRS = "chairs"  #: a person chairs an event
    PARTY_TO = "party_to"  #: a body is party to an agreement
    HOLDS_ROLE_IN = "holds_role_in"  #: a person holds a role in a body
    CITES = "cites"  #: a record cites a source

    def __str__(self) -> str:
        return self.value

    @property
    def acyclic(self) -> bool:
        """Whether links of this kind may never lead back to where they started (nothing is part
        of itself, nor succeeds itself); the loader refuses a cycle of them."""
        return self in (Relation.PART_OF, Relation.SUCCEEDS)


class When(str, enum.Enum):
    """The role of a date field in its record: what dates the record, and what spans it.

    A record's *date* (what ``between`` and ``on`` ask about) and its *span* (what
    ``active_on`` and ``lookup(on=)`` ask about) are made from the fields with these roles; the
    timeline has an entry for each such field that is set, and the loader checks that they come
    in order (each START no later than the next START, and every END and UNTIL after them).
    """

    OCCURRED = "occurred"  #: when an occurrence took place: its date, and its span with UNTIL
    UNTIL = "until"  #: the last day of an occurrence of several days
    START = "start"  #: dates the record and starts its span; of several, the first that is set
    END = "end"  #: ends the record's span
    PERIOD = "period"  #: a Period that is the record's span; its start dates the record
    POINT = "point"  #: dates the record, with no span (a document's publication)


class NameRole(str, enum.Enum):
    """How ``lookup`` and ``search`` read a text field (see :func:`named`)."""

    NAME = "name"  #: the record's name: lookup and search
    ALIAS = "alias"  #: other names (a tuple): lookup and search
    ACRONYM = "acronym"  #: an acronym: lookup and search
    TEXT = "text"  #: prose: search only


#: The key of a field's :class:`Meaning` in its attrs metadata.
META = "nato_ukraine"


@attrs.frozen(kw_only=True)
class Meaning:
    """What one field means to the rest of the package, beyond its type.

    Attributes:
        collection: For a reference (an id, or a tuple of ids): the collection it points into.
        relation: For a reference: the kind of graph edge it makes.
        reverse: For a reference: the edge runs from the record referred to, to this one
            ("a body RUNS this programme").
        when: For a date or a period: its role in dating the record.
        label: A short string that repeats across records (a place, a locator): stored once.
        name: For a text: how lookup and search read it.
        nonblank: A text that must hold more than white space.
        max_length: The most characters a text may have.
        nonempty: A tuple that must hold at least one item.
    """

    collection: str | None = None
    relation: Relation | None = None
    reverse: bool = False
    when: When | None = None
    label: bool = False
    name: NameRole | None = None
    nonblank: bool = False
    max_length: int | None = None
    nonempty: bool = False


def means(**meaning: Any) -> dict[str, Any]:
    """The metadata of a field that means what the keywords say (see :class:`Meaning`)::

    quote: str = attrs.field(metadata=means(nonblank=True, max_length=300))
    """
    return {META: Meaning(**meaning)}


def reference(collection: str, relation: Relation, *, reverse: bool = False) -> dict[str, Any]:
    """The metadata of a field of ids that point into ``collection``.

    Args:
        collection: The collection the ids point into (``"bodies"``); the loader refuses an id
            that no record of it has.
        relation: The kind of graph edge each id makes.
        reverse: The edge runs from the record referred to, to the one holding the field.
    """
    return means(collection=collection, relation=relation, reverse=reverse)


def when(role: When) -> dict[str, Any]:
    """The metadata of a date (or period) field with ``role`` in dating its record."""
    return means(when=role)


def label() -> dict[str, Any]:
    """The metadata of a short string that repeats across records (stored once)."""
    return means(label=True)


def named(role: NameRole) -> dict[str, Any]:
    """The metadata of a text field that lookup and search read."""
    return means(name=role)


# ---------------------------------------------------------------------------------------------
# Enumerations


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

    source: str = attrs.field(metadata=reference("sources", Relation.CITES))
    quote: str = attrs.field(metadata=means(nonblank=True, max_length=300))
    locator: str | None = attrs.field(default=None, metadata=label())


@attrs.frozen(kw_only=True)
class Role:
    """A position a :class:`Person` held, as the sources give it.

    Attributes:
        title: The title of the position ("Secretary General").
        body: The id of the body the position belongs to, if the dataset has it.
        period: When the person held it, as far as the sources say; None when unstated.
    """

    title: str = attrs.field(metadata=label())
    body: str | None = attrs.field(default=None, metadata=reference("bodies", Relation.HOLDS_ROLE_IN))
    period: Period | None = None

    def __str__(self) -> str:
        text = self.title
        if self.body is not None:
            text += f" ({self.body})"
        if self.period is not None:
            text += f" [{self.period}]"
        return text


# The two bases only gather fields: every class below makes its own __init__, __eq__ and __hash__,
# so the bases make none (each would cost a compile when the package loads); every record has the
# base's one-line repr. The decorator is written out on each: mypy's attrs plugin knows a class by
# its decorator call.
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
    name: str = attrs.field(metadata=means(name=NameRole.NAME, nonblank=True))
    acronym: str | None = attrs.field(default=None, metadata=named(NameRole.ACRONYM))
    aliases: tuple[str, ...] = attrs.field(default=(), metadata=named(NameRole.ALIAS))
    description: str = attrs.field(default="", metadata=named(NameRole.TEXT))

    def __repr__(self) -> str:
        """The record in one line of at most 160 characters: its class, id, kind, date and name."""
        return repr_of(self)

    def _repr_html_(self) -> str:
        """The record as an HTML table of its fields, citations folded (what a notebook shows)."""
        return html_of_record(self)


@attrs.frozen(kw_only=True, repr=False)
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
    publisher: str | None = attrs.field(default=None, metadata=label())
    published: PartialDate | None = attrs.field(default=None, metadata=when(When.POINT))
    url: str | None = None
    kind: SourceKind = SourceKind.OTHER


@attrs.frozen(kw_only=True, init=False, repr=False, eq=False)
class _CitedRecord(_Record):
    """A record that states facts, each backed by one of its citations.

    Attributes:
        citations: The passages of the sources that support the record, at least one.
    """

    citations: tuple[Citation, ...] = attrs.field(default=(), metadata=means(nonempty=True))


@attrs.frozen(kw_only=True, repr=False)
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
    parent: str | None = attrs.field(default=None, metadata=reference("bodies", Relation.PART_OF))
    established: PartialDate | None = attrs.field(default=None, metadata=when(When.START))
    dissolved: PartialDate | None = attrs.field(default=None, metadata=when(When.END))
    predecessor: str | None = attrs.field(default=None, metadata=reference("bodies", Relation.SUCCEEDS))
    successor: str | None = attrs.field(default=None, metadata=reference("bodies", Relation.SUCCEEDS, reverse=True))
    location: str | None = attrs.field(default=None, metadata=label())


@attrs.frozen(kw_only=True, repr=False)
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
    period: Period = attrs.field(factory=Period, metadata=when(When.PERIOD))
    status: ProgrammeStatus = ProgrammeStatus.UNKNOWN
    parent: str | None = attrs.field(default=None, metadata=reference("programmes", Relation.PART_OF))
    bodies: tuple[str, ...] = attrs.field(default=(), metadata=reference("bodies", Relation.RUNS, reverse=True))
    areas: tuple[str, ...] = attrs.field(default=(), metadata=label())


@attrs.frozen(kw_only=True, repr=False)
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
    date: PartialDate = attrs.field(metadata=when(When.OCCURRED))
    end: PartialDate | None = attrs.field(default=None, metadata=when(When.UNTIL))
    location: str | None = attrs.field(default=None, metadata=label())
    level: MeetingLevel | None = None
    chair: str | None = attrs.field(default=None, metadata=reference("people", Relation.CHAIRS, reverse=True))
    bodies: tuple[str, ...] = attrs.field(default=(), metadata=reference("bodies", Relation.INVOLVES))
    programmes: tuple[str, ...] = attrs.field(default=(), metadata=reference("programmes", Relation.INVOLVES))
    agreements: tuple[str, ...] = attrs.field(default=(), metadata=reference("agreements", Relation.INVOLVES))
    operations: tuple[str, ...] = attrs.field(default=(), metadata=reference("operations", Relation.INVOLVES))
    people: tuple[str, ...] = attrs.field(default=(), metadata=reference("people", Relation.INVOLVES))


@attrs.frozen(kw_only=True, repr=False)
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
    signed: PartialDate | None = attrs.field(default=None, metadata=when(When.START))
    ratified: PartialDate | None = attrs.field(default=None, metadata=when(When.START))
    in_force: PartialDate | None = attrs.field(default=None, metadata=when(When.START))
    parties: tuple[str, ...] = attrs.field(default=(), metadata=reference("bodies", Relation.PARTY_TO, reverse=True))


@attrs.frozen(kw_only=True, repr=False)
class Operation(_CitedRecord):
    """A NATO-led operation or mission that Ukraine contributed to.

    Attributes:
        period: When the operation ran, as far as the sources say.
        region: Where it operated.
        contribution: What Ukraine contributed, in a sentence or two.
        contribution_period: When Ukraine contributed, as far as the sources say.
    """

    period: Period = attrs.field(factory=Period, metadata=when(When.PERIOD))
    region: str | None = attrs.field(default=None, metadata=label())
    contribution: str = ""
    contribution_period: Period | None = None


@attrs.frozen(kw_only=True, repr=False)
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

    collection: str = attrs.field(metadata=label())
    period: Period
    sources: tuple[str, ...] = attrs.field(default=(), metadata=reference("sources", Relation.CITES))
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
#: give them, with the class of their records, in the order they are listed and loaded.
COLLECTIONS: dict[str, type[Record]] = {
    "sources": Source,
    "bodies": Body,
    "programmes": Programme,
    "events": Event,
    "agreements": Agreement,
    "operations": Operation,
    "people": Person,
}
