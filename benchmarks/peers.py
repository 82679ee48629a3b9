"""The synthetic dataset file's shape in pydantic v2 and in msgspec, as reference points.

Both read schema version 2 (nested participations, outcomes, figures and status citations) as
strictly as nato_ukraine does where they can say so: unknown keys are errors, records are frozen,
enums are the package's own, partial dates are strings that must look like one (``1997``,
``2017-06``, ``2016-07-09``), tuples stay tuples, nested records are classes of their own. As
before, neither holds records to the rules nato_ukraine derives from its fields' metadata (a
blank name, a quote over 300 characters, no citation, dates out of order, a participation that
names both a body and a person, a status without its date) nor checks what only a whole dataset
can (references, unique ids, cycles): those are nato_ukraine's extra work.
Benchmark-only: nato_ukraine never imports this module, pydantic or msgspec.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

import msgspec
import pydantic

from nato_ukraine import (
    AgreementKind,
    BodyKind,
    EventKind,
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

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

# -- pydantic ------------------------------------------------------------------------------------

PDate = Annotated[str, pydantic.StringConstraints(pattern=DATE_PATTERN)]
_strict = pydantic.ConfigDict(extra="forbid", frozen=True)


class PCitation(pydantic.BaseModel):
    model_config = _strict
    source: str
    quote: str
    locator: Optional[str] = None  # noqa: UP045 - pydantic evaluates these on 3.10 too


class PPeriod(pydantic.BaseModel):
    model_config = _strict
    start: Optional[PDate] = None  # noqa: UP045
    end: Optional[PDate] = None  # noqa: UP045


class PFigure(pydantic.BaseModel):
    model_config = _strict
    value: int
    unit: str
    counts: str
    qualifier: FigureQualifier = FigureQualifier.EXACT
    as_of: Optional[PDate] = None  # noqa: UP045
    citation: PCitation


class PParticipation(pydantic.BaseModel):
    model_config = _strict
    body: Optional[str] = None  # noqa: UP045
    person: Optional[str] = None  # noqa: UP045
    role: ParticipantRole


class POutcome(pydantic.BaseModel):
    model_config = _strict
    programme: Optional[str] = None  # noqa: UP045
    agreement: Optional[str] = None  # noqa: UP045
    body: Optional[str] = None  # noqa: UP045
    role: OutcomeRole


class PName(pydantic.BaseModel):
    model_config = _strict
    text: str
    lang: str


class PRole(pydantic.BaseModel):
    model_config = _strict
    title: str
    body: Optional[str] = None  # noqa: UP045
    period: Optional[PPeriod] = None  # noqa: UP045


class PRecord(pydantic.BaseModel):
    model_config = _strict
    id: str
    name: str
    acronym: Optional[str] = None  # noqa: UP045
    aliases: tuple[str, ...] = ()
    names: tuple[PName, ...] = ()
    description: str = ""


class PSource(PRecord):
    title: Optional[str] = None  # noqa: UP045
    publisher: Optional[str] = None  # noqa: UP045
    published: Optional[PDate] = None  # noqa: UP045
    url: Optional[str] = None  # noqa: UP045
    retrieved: Optional[PDate] = None  # noqa: UP045
    kind: SourceKind = SourceKind.OTHER


class PCited(PRecord):
    citations: tuple[PCitation, ...] = ()
    wikidata: Optional[str] = None  # noqa: UP045
    figures: tuple[PFigure, ...] = ()
    inferred: tuple[str, ...] = ()


class PBody(PCited):
    kind: BodyKind
    side: Side
    parents: tuple[str, ...] = ()
    established: Optional[PDate] = None  # noqa: UP045
    dissolved: Optional[PDate] = None  # noqa: UP045
    predecessor: Optional[str] = None  # noqa: UP045
    successor: Optional[str] = None  # noqa: UP045
    location: Optional[str] = None  # noqa: UP045
    levels: tuple[MeetingLevel, ...] = ()


class PProgramme(PCited):
    kind: ProgrammeKind
    period: PPeriod = PPeriod()
    status: ProgrammeStatus = ProgrammeStatus.UNKNOWN
    status_as_of: Optional[PDate] = None  # noqa: UP045
    status_citation: Optional[PCitation] = None  # noqa: UP045
    parent: Optional[str] = None  # noqa: UP045
    predecessor: Optional[str] = None  # noqa: UP045
    successor: Optional[str] = None  # noqa: UP045
    bodies: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


class PEvent(PCited):
    kind: EventKind
    date: PDate
    end: Optional[PDate] = None  # noqa: UP045
    location: Optional[str] = None  # noqa: UP045
    level: Optional[MeetingLevel] = None  # noqa: UP045
    participants: tuple[PParticipation, ...] = ()
    outcomes: tuple[POutcome, ...] = ()
    programmes: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    operations: tuple[str, ...] = ()
    cameo: Optional[str] = None  # noqa: UP045
    plover: Optional[Plover] = None  # noqa: UP045


class PAgreement(PCited):
    kind: AgreementKind
    signed: Optional[PDate] = None  # noqa: UP045
    ratified: Optional[PDate] = None  # noqa: UP045
    in_force: Optional[PDate] = None  # noqa: UP045
    parties: tuple[str, ...] = ()
    predecessor: Optional[str] = None  # noqa: UP045
    successor: Optional[str] = None  # noqa: UP045


class POperation(PCited):
    period: PPeriod = PPeriod()
    region: Optional[str] = None  # noqa: UP045
    contribution: str = ""
    contribution_period: Optional[PPeriod] = None  # noqa: UP045
    predecessor: Optional[str] = None  # noqa: UP045
    successor: Optional[str] = None  # noqa: UP045


class PPerson(PCited):
    roles: tuple[PRole, ...] = ()


class PDataset(pydantic.BaseModel):
    model_config = _strict
    sources: tuple[PSource, ...] = ()
    bodies: tuple[PBody, ...] = ()
    programmes: tuple[PProgramme, ...] = ()
    events: tuple[PEvent, ...] = ()
    agreements: tuple[PAgreement, ...] = ()
    operations: tuple[POperation, ...] = ()
    people: tuple[PPerson, ...] = ()


# -- msgspec: the same classes (a Struct's options are given again on each subclass, to be plain) --

MDate = Annotated[str, msgspec.Meta(pattern=DATE_PATTERN)]


class MCitation(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    source: str
    quote: str
    locator: Optional[str] = None  # noqa: UP045


class MPeriod(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    start: Optional[MDate] = None  # noqa: UP045
    end: Optional[MDate] = None  # noqa: UP045


class MFigure(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    value: int
    unit: str
    counts: str
    citation: MCitation
    qualifier: FigureQualifier = FigureQualifier.EXACT
    as_of: Optional[MDate] = None  # noqa: UP045


class MParticipation(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    role: ParticipantRole
    body: Optional[str] = None  # noqa: UP045
    person: Optional[str] = None  # noqa: UP045


class MOutcome(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    role: OutcomeRole
    programme: Optional[str] = None  # noqa: UP045
    agreement: Optional[str] = None  # noqa: UP045
    body: Optional[str] = None  # noqa: UP045


class MRole(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    title: str
    body: Optional[str] = None  # noqa: UP045
    period: Optional[MPeriod] = None  # noqa: UP045


class MName(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    text: str
    lang: str


class MRecord(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    name: str
    acronym: Optional[str] = None  # noqa: UP045
    aliases: tuple[str, ...] = ()
    names: tuple[MName, ...] = ()
    description: str = ""


class MSource(MRecord, frozen=True, forbid_unknown_fields=True, kw_only=True):
    title: Optional[str] = None  # noqa: UP045
    publisher: Optional[str] = None  # noqa: UP045
    published: Optional[MDate] = None  # noqa: UP045
    url: Optional[str] = None  # noqa: UP045
    retrieved: Optional[MDate] = None  # noqa: UP045
    kind: SourceKind = SourceKind.OTHER


class MCited(MRecord, frozen=True, forbid_unknown_fields=True, kw_only=True):
    citations: tuple[MCitation, ...] = ()
    wikidata: Optional[str] = None  # noqa: UP045
    figures: tuple[MFigure, ...] = ()
    inferred: tuple[str, ...] = ()


class MBody(MCited, frozen=True, forbid_unknown_fields=True, kw_only=True):
    kind: BodyKind
    side: Side
    parents: tuple[str, ...] = ()
    established: Optional[MDate] = None  # noqa: UP045
    dissolved: Optional[MDate] = None  # noqa: UP045
    predecessor: Optional[str] = None  # noqa: UP045
    successor: Optional[str] = None  # noqa: UP045
    location: Optional[str] = None  # noqa: UP045
    levels: tuple[MeetingLevel, ...] = ()


class MProgramme(MCited, frozen=True, forbid_unknown_fields=True, kw_only=True):
    kind: ProgrammeKind
    period: MPeriod = MPeriod()
    status: ProgrammeStatus = ProgrammeStatus.UNKNOWN
    status_as_of: Optional[MDate] = None  # noqa: UP045
    status_citation: Optional[MCitation] = None  # noqa: UP045
    parent: Optional[str] = None  # noqa: UP045
    predecessor: Optional[str] = None  # noqa: UP045
    successor: Optional[str] = None  # noqa: UP045
    bodies: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


class MEvent(MCited, frozen=True, forbid_unknown_fields=True, kw_only=True):
    kind: EventKind
    date: MDate
    end: Optional[MDate] = None  # noqa: UP045
    location: Optional[str] = None  # noqa: UP045
    level: Optional[MeetingLevel] = None  # noqa: UP045
    participants: tuple[MParticipation, ...] = ()
    outcomes: tuple[MOutcome, ...] = ()
    programmes: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    operations: tuple[str, ...] = ()
    cameo: Optional[str] = None  # noqa: UP045
    plover: Optional[Plover] = None  # noqa: UP045


class MAgreement(MCited, frozen=True, forbid_unknown_fields=True, kw_only=True):
    kind: AgreementKind
    signed: Optional[MDate] = None  # noqa: UP045
    ratified: Optional[MDate] = None  # noqa: UP045
    in_force: Optional[MDate] = None  # noqa: UP045
    parties: tuple[str, ...] = ()
    predecessor: Optional[str] = None  # noqa: UP045
    successor: Optional[str] = None  # noqa: UP045


class MOperation(MCited, frozen=True, forbid_unknown_fields=True, kw_only=True):
    period: MPeriod = MPeriod()
    region: Optional[str] = None  # noqa: UP045
    contribution: str = ""
    contribution_period: Optional[MPeriod] = None  # noqa: UP045
    predecessor: Optional[str] = None  # noqa: UP045
    successor: Optional[str] = None  # noqa: UP045


class MPerson(MCited, frozen=True, forbid_unknown_fields=True, kw_only=True):
    roles: tuple[MRole, ...] = ()


class MDataset(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    sources: tuple[MSource, ...] = ()
    bodies: tuple[MBody, ...] = ()
    programmes: tuple[MProgramme, ...] = ()
    events: tuple[MEvent, ...] = ()
    agreements: tuple[MAgreement, ...] = ()
    operations: tuple[MOperation, ...] = ()
    people: tuple[MPerson, ...] = ()


def readers() -> dict[str, Any]:
    """``{name: function(bytes) -> object}`` for each reference point."""
    adapter = pydantic.TypeAdapter(PDataset)
    decoder = msgspec.json.Decoder(MDataset)
    return {"pydantic v2": adapter.validate_json, "msgspec": decoder.decode}
