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

    parents: tuple[str, ...] = attrs.field(default=(), metadata=reference("bodies", Relation.PART_OF))
    established: PartialDate | None = attrs.field(default=None, metadata=when(When.START))
    location: str | None = attrs.field(default=None, metadata=label())
"""

from __future__ import annotations

from typing import Union

import attrs

from nato_ukraine._display import html_of_record, repr_of
from nato_ukraine.codes import CAMEO_PATTERN, codes_for
from nato_ukraine.dates import PartialDate, Period
from nato_ukraine.kinds import (
    AgreementKind,
    BodyKind,
    EventKind,
    Extent,
    FigureQualifier,
    MeetingLevel,
    OutcomeRole,
    ParticipantRole,
    Plover,
    ProgrammeKind,
    ProgrammeStatus,
    Side,
    SourceKind,
)
from nato_ukraine.meaning import (
    LANGUAGE_TAG,
    META,
    WIKIDATA_ID,
    Meaning,
    NameRole,
    Relation,
    When,
    label,
    means,
    named,
    reference,
    when,
)

__all__ = [
    "COLLECTIONS",
    "LANGUAGE_TAG",
    "META",
    "WIKIDATA_ID",
    "Agreement",
    "AgreementKind",
    "Body",
    "BodyKind",
    "Citation",
    "Coverage",
    "Event",
    "EventKind",
    "Extent",
    "Figure",
    "FigureQualifier",
    "LevelCoverage",
    "Manifest",
    "Meaning",
    "MeetingLevel",
    "Name",
    "NameRole",
    "Operation",
    "Outcome",
    "OutcomeRole",
    "ParticipantRole",
    "Participation",
    "Person",
    "Plover",
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


@attrs.frozen(kw_only=True)
class Participation:
    """How a body or a person took part in an event, or figured in it, read "REF was ROLE".

    It names exactly one of a body and a person (the loader refuses neither or both); ``ref``
    is its id either way. In the JSON form: ``{"body": "nato", "role": "host"}``.

    Attributes:
        body: The id of the body (or None, for a person).
        person: The id of the person (or None, for a body).
        role: How: chaired, hosted, took part, asked for it, briefed, addressed it, signed,
            endorsed, supplied, gave, or was only discussed, condemned or named (``subject``).
    """

    body: str | None = attrs.field(default=None, metadata=reference("bodies", Relation.INVOLVES, one_of="who"))
    person: str | None = attrs.field(default=None, metadata=reference("people", Relation.INVOLVES, one_of="who"))
    role: ParticipantRole = attrs.field(metadata=means(edge_role=True))

    @property
    def ref(self) -> str:
        """The id of the body or the person."""
        return self.body or self.person or ""

    def __str__(self) -> str:
        return f"{self.ref} ({self.role.value})"


@attrs.frozen(kw_only=True)
class Outcome:
    """What an event did with a programme, an agreement or a body: adopted, launched, signed, ...

    It names exactly one of a programme, an agreement and a body (the loader refuses none, or
    more than one); ``ref`` is its id. ``not_granted`` records a stated negative: what the
    event was asked for, or could have given, and did not (``{"programme":
    "membership-action-plan", "role": "not_granted"}``).

    Attributes:
        programme: The id of the programme (or None).
        agreement: The id of the agreement (or None).
        body: The id of the body (or None).
        role: The verb: adopted, agreed, endorsed, launched, established, signed, ratified,
            decided, or not granted.
    """

    programme: str | None = attrs.field(default=None, metadata=reference("programmes", Relation.OUTCOME, one_of="what"))
    agreement: str | None = attrs.field(default=None, metadata=reference("agreements", Relation.OUTCOME, one_of="what"))
    body: str | None = attrs.field(default=None, metadata=reference("bodies", Relation.OUTCOME, one_of="what"))
    role: OutcomeRole = attrs.field(metadata=means(edge_role=True))

    @property
    def ref(self) -> str:
        """The id of the programme, agreement or body."""
        return self.programme or self.agreement or self.body or ""

    def __str__(self) -> str:
        return f"{self.ref} ({self.role.value})"


@attrs.frozen(kw_only=True)
class Figure:
    """A number a source states about a record, typed: so that no stated number lives only in prose.

    Attributes:
        value: The number, as stated.
        unit: What it counts in ("missiles", "institutions", "EUR").
        counts: What is counted, in a few words ("Patriot missiles to be bought").
        qualifier: How the number relates to the quantity: exactly it, about it, up to it, at
            least it, more than it.
        as_of: When the number held, as far as the source says.
        citation: The passage that states it.
    """

    value: int
    unit: str = attrs.field(metadata=label())
    counts: str = attrs.field(metadata=means(nonblank=True))
    qualifier: FigureQualifier = FigureQualifier.EXACT
    as_of: PartialDate | None = None
    citation: Citation

    def __str__(self) -> str:
        """``about 200 missiles: air defence missiles sent by the UK (2024-01-10)``."""
        when = "" if self.as_of is None else f" ({self.as_of})"
        return f"{_QUALIFIED[self.qualifier]}{self.value:,} {self.unit}: {self.counts}{when}"


_QUALIFIED = {
    FigureQualifier.EXACT: "",
    FigureQualifier.ABOUT: "about ",
    FigureQualifier.UP_TO: "up to ",
    FigureQualifier.AT_LEAST: "at least ",
    FigureQualifier.MORE_THAN: "more than ",
}


@attrs.frozen(kw_only=True)
class Name:
    """A name of a record in another language than English, with its language's tag.

    Attributes:
        text: The name, exactly as the source that gives it writes it.
        lang: The language, as a BCP 47 tag (``uk``: Ukrainian, ``ru``, ``pl``).
    """

    text: str = attrs.field(metadata=means(name=NameRole.NAME, nonblank=True))
    lang: str = attrs.field(metadata=means(label=True, pattern=LANGUAGE_TAG))

    def __str__(self) -> str:
        return f"{self.text} ({self.lang})"


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
        names: Its names in other languages, each with its language (the name, the acronym and
            the aliases are English).
        description: What it is, in the dataset's own words.
    """

    id: str
    name: str = attrs.field(metadata=means(name=NameRole.NAME, nonblank=True))
    acronym: str | None = attrs.field(default=None, metadata=named(NameRole.ACRONYM))
    aliases: tuple[str, ...] = attrs.field(default=(), metadata=named(NameRole.ALIAS))
    names: tuple[Name, ...] = attrs.field(default=(), metadata=named(NameRole.ALIAS))
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
        title: The document's title, exactly as published; None for a web page whose stored
            copy prints none (its ``name`` then says what it is: no title is made up).
        publisher: Who published it, or None when the document does not say.
        published: When it was published or last updated, at the precision known.
        url: Where it was published, when known.
        retrieved: When the copy the quotes are taken from was retrieved (a web page).
        kind: What kind of document it is.
    """

    title: str | None = None
    publisher: str | None = attrs.field(default=None, metadata=label())
    published: PartialDate | None = attrs.field(default=None, metadata=when(When.POINT))
    url: str | None = None
    retrieved: PartialDate | None = None
    kind: SourceKind = SourceKind.OTHER


@attrs.frozen(kw_only=True, init=False, repr=False, eq=False)
class _CitedRecord(_Record):
    """A record that states facts, each backed by one of its citations.

    Attributes:
        citations: The passages of the sources that support the record, at least one.
        wikidata: The id of the Wikidata item that is the same thing (``Q7184``), where a
            source states it; for joining other data.
        figures: The numbers the sources state about the record.
        inferred: The names of the record's fields whose values the sources do not state but
            imply (a body's end taken from its successor's start): set apart, so that a user
            can tell them from stated facts.
    """

    citations: tuple[Citation, ...] = attrs.field(default=(), metadata=means(nonempty=True))
    wikidata: str | None = attrs.field(default=None, metadata=means(pattern=WIKIDATA_ID))
    figures: tuple[Figure, ...] = ()
    inferred: tuple[str, ...] = attrs.field(default=(), metadata=means(field_names=True, label=True))


@attrs.frozen(kw_only=True, repr=False)
class Body(_CitedRecord):
    """An organisation, council, commission, office, agency, ministry or institution.

    Attributes:
        kind: What kind of body it is.
        side: Whose body it is.
        parents: The ids of the bodies it is part of (some belong to two).
        established: When it was founded, at the precision the sources give.
        dissolved: When it ceased to exist.
        predecessor: The id of the body it replaced.
        successor: The id of the body that replaced it.
        location: Where it sits.
        levels: The levels at which it meets, as the sources state them.
    """

    kind: BodyKind
    side: Side
    parents: tuple[str, ...] = attrs.field(
        default=(), metadata=reference("bodies", Relation.PART_OF, formerly=("parent",))
    )
    established: PartialDate | None = attrs.field(default=None, metadata=when(When.START))
    dissolved: PartialDate | None = attrs.field(default=None, metadata=when(When.END))
    predecessor: str | None = attrs.field(default=None, metadata=reference("bodies", Relation.SUCCEEDS))
    successor: str | None = attrs.field(default=None, metadata=reference("bodies", Relation.SUCCEEDS, reverse=True))
    location: str | None = attrs.field(default=None, metadata=label())
    levels: tuple[MeetingLevel, ...] = ()

    @property
    def parent(self) -> str | None:
        """The first of ``parents``, or None (what schema version 1 called ``parent``)."""
        return self.parents[0] if self.parents else None


@attrs.frozen(kw_only=True, repr=False)
class Programme(_CitedRecord):
    """A programme, package, trust fund, initiative, process, platform or framework.

    Attributes:
        kind: What kind of undertaking it is.
        period: When it ran; either end may be open (unknown or ongoing).
        status: Where it stood as of ``status_as_of``, as a source states it; ``unknown``
            where no source does.
        status_as_of: The date of the document that states the status.
        status_citation: The passage that states the status.
        parent: The id of the programme it belongs to (a trust fund under a policy).
        predecessor: The id of the programme it followed.
        successor: The id of the programme that followed it.
        bodies: The ids of the bodies that run or oversee it.
        members: The ids of the bodies that take part in it, as a source lists them.
        areas: The fields it works in, in a few words each.
    """

    kind: ProgrammeKind
    period: Period = attrs.field(factory=Period, metadata=when(When.PERIOD))
    status: ProgrammeStatus = attrs.field(
        default=ProgrammeStatus.UNKNOWN, metadata=means(requires=("status_as_of", "status_citation"), unless="unknown")
    )
    status_as_of: PartialDate | None = None
    status_citation: Citation | None = None
    parent: str | None = attrs.field(default=None, metadata=reference("programmes", Relation.PART_OF))
    predecessor: str | None = attrs.field(default=None, metadata=reference("programmes", Relation.SUCCEEDS))
    successor: str | None = attrs.field(default=None, metadata=reference("programmes", Relation.SUCCEEDS, reverse=True))
    bodies: tuple[str, ...] = attrs.field(default=(), metadata=reference("bodies", Relation.RUNS, reverse=True))
    members: tuple[str, ...] = attrs.field(default=(), metadata=reference("bodies", Relation.MEMBER_OF, reverse=True))
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
        participants: The bodies and people that took part in it or figured in it, each with
            its role: who chaired, hosted, took part, briefed, supplied, was discussed.
        outcomes: The programmes, agreements and bodies it adopted, endorsed, launched,
            established, signed, ... (or did not grant), each with the verb.
        programmes: The ids of the programmes it involves otherwise than as outcomes.
        agreements: The ids of the agreements it involves otherwise than as outcomes.
        operations: The ids of the operations it involves.
        cameo: Its CAMEO event code (``"040"``: consult), or None where CAMEO has none: by
            default the one its kind and its participants' roles give (see
            :mod:`nato_ukraine.codes`); the data gives another where the kind is not enough.
        plover: Its PLOVER event category, or None where PLOVER has none; derived likewise.

    ``bodies``, ``people`` and ``chair``, fields of schema version 1, are read-only views of
    ``participants`` and ``outcomes``.
    """

    kind: EventKind
    date: PartialDate = attrs.field(metadata=when(When.OCCURRED))
    end: PartialDate | None = attrs.field(default=None, metadata=when(When.UNTIL))
    location: str | None = attrs.field(default=None, metadata=label())
    level: MeetingLevel | None = None
    participants: tuple[Participation, ...] = attrs.field(
        default=(), metadata=means(formerly=("bodies", "people", "chair"))
    )
    outcomes: tuple[Outcome, ...] = ()
    programmes: tuple[str, ...] = attrs.field(default=(), metadata=reference("programmes", Relation.INVOLVES))
    agreements: tuple[str, ...] = attrs.field(default=(), metadata=reference("agreements", Relation.INVOLVES))
    operations: tuple[str, ...] = attrs.field(default=(), metadata=reference("operations", Relation.INVOLVES))
    cameo: str | None = attrs.field(
        default=attrs.Factory(lambda event: _codes(event)[0], takes_self=True), metadata=means(pattern=CAMEO_PATTERN)
    )
    plover: Plover | None = attrs.field(default=attrs.Factory(lambda event: _codes(event)[1], takes_self=True))

    @property
    def bodies(self) -> tuple[str, ...]:
        """The ids of the bodies it names, in any role: its participants', then its outcomes'
        (each once). A read-only view, as ``where(body=...)`` reads it."""
        found = [p.body for p in self.participants if p.body is not None]
        found += [o.body for o in self.outcomes if o.body is not None]
        return tuple(dict.fromkeys(found))

    @property
    def people(self) -> tuple[str, ...]:
        """The ids of the people among its participants, in any role (each once; a read-only view)."""
        return tuple(dict.fromkeys(p.person for p in self.participants if p.person is not None))

    @property
    def chair(self) -> str | None:
        """The id of the person who chaired it, if the sources say (a read-only view)."""
        return next((p.person for p in self.participants if p.role is ParticipantRole.CHAIR and p.person), None)


@attrs.frozen(kw_only=True, repr=False)
class Agreement(_CitedRecord):
    """A charter, declaration, agreement, roadmap, law, strategy or amendment.

    Attributes:
        kind: What kind of instrument it is.
        signed: When it was signed (or adopted, for a law).
        ratified: When it was ratified.
        in_force: When it entered into force.
        parties: The ids of the bodies that are party to it.
        predecessor: The id of the agreement it followed.
        successor: The id of the agreement that followed it.
    """

    kind: AgreementKind
    signed: PartialDate | None = attrs.field(default=None, metadata=when(When.START))
    ratified: PartialDate | None = attrs.field(default=None, metadata=when(When.START))
    in_force: PartialDate | None = attrs.field(default=None, metadata=when(When.START))
    parties: tuple[str, ...] = attrs.field(default=(), metadata=reference("bodies", Relation.PARTY_TO, reverse=True))
    predecessor: str | None = attrs.field(default=None, metadata=reference("agreements", Relation.SUCCEEDS))
    successor: str | None = attrs.field(default=None, metadata=reference("agreements", Relation.SUCCEEDS, reverse=True))


@attrs.frozen(kw_only=True, repr=False)
class Operation(_CitedRecord):
    """A NATO-led operation or mission that Ukraine contributed to.

    Attributes:
        period: When the operation ran, as far as the sources say.
        region: Where it operated.
        contribution: What Ukraine contributed, in a sentence or two.
        contribution_period: When Ukraine contributed, as far as the sources say.
        predecessor: The id of the operation it followed.
        successor: The id of the operation that followed it.
    """

    period: Period = attrs.field(factory=Period, metadata=when(When.PERIOD))
    region: str | None = attrs.field(default=None, metadata=label())
    contribution: str = ""
    contribution_period: Period | None = None
    predecessor: str | None = attrs.field(default=None, metadata=reference("operations", Relation.SUCCEEDS))
    successor: str | None = attrs.field(default=None, metadata=reference("operations", Relation.SUCCEEDS, reverse=True))


@attrs.frozen(kw_only=True, repr=False)
class Person(_CitedRecord):
    """A named person, with the roles the sources give them.

    Attributes:
        roles: The positions held, as the sources give them.
    """

    roles: tuple[Role, ...] = ()


@attrs.frozen(kw_only=True)
class LevelCoverage:
    """How far the meetings of the NATO-Ukraine Commission and Council at one level reach.

    Attributes:
        level: The level of the meetings.
        period: The span within which the data holds them.
        extent: Whether it holds every such meeting the curators found dated in a source
            (``complete``) or some (``sample``).
        note: What is known to be missing, or how the meetings were found.
    """

    level: MeetingLevel
    period: Period
    extent: Extent
    note: str = ""


@attrs.frozen(kw_only=True)
class Coverage:
    """How far one collection of the dataset reaches, so that "no record" is not read as "did not happen".

    Attributes:
        collection: The collection's name (``events``).
        period: The span of time within which the collection holds what its sources say.
        sources: The ids of the sources the collection rests on.
        note: Where the coverage is dense and where it is thin, in a sentence or two.
        extent: Whether the collection holds every record of its kind within its period
            (``complete``) or some (``sample``); None where the curators do not say.
        levels: For the meetings of the NATO-Ukraine Commission and Council, how far each level
            reaches (summit-level meetings may be complete where ambassadors' are a sample).
    """

    collection: str = attrs.field(metadata=label())
    period: Period
    sources: tuple[str, ...] = attrs.field(default=(), metadata=reference("sources", Relation.CITES))
    note: str = ""
    extent: Extent | None = None
    levels: tuple[LevelCoverage, ...] = ()


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
    schema_version: int = 2
    coverage: tuple[Coverage, ...] = ()


def _codes(event: Event) -> tuple[str | None, Plover | None]:
    return codes_for(event.kind, (participation.role for participation in event.participants))


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
