"""The synthetic dataset file's shape in pydantic v2 and in msgspec, as reference points.

Both read the file as strictly as nato_ukraine does where they can say so: unknown keys are
errors, records are frozen, enums are the package's own, partial dates are strings that must
look like one (``1997``, ``2017-06``, ``2016-07-09``), tuples stay tuples. Neither checks what
only a whole dataset can (references, unique ids): those are nato_ukraine's extra work.
Benchmark-only: nato_ukraine never imports this module, pydantic or msgspec.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

import msgspec
import pydantic

from nato_ukraine import BodyKind, EventKind, MeetingLevel, ProgrammeKind, ProgrammeStatus, Side, SourceKind

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

# -- pydantic ------------------------------------------------------------------------------------

PDate = Annotated[str, pydantic.StringConstraints(pattern=DATE_PATTERN)]
_strict = pydantic.ConfigDict(extra="forbid", frozen=True)


class PCitation(pydantic.BaseModel):
    model_config = _strict
    source: str
    quote: str
    locator: Optional[str] = None  # noqa: UP045 - pydantic evaluates these on 3.10 too


class PRecord(pydantic.BaseModel):
    model_config = _strict
    id: str
    name: str
    acronym: Optional[str] = None  # noqa: UP045
    aliases: tuple[str, ...] = ()
    description: str = ""


class PSource(PRecord):
    title: str
    publisher: Optional[str] = None  # noqa: UP045
    published: Optional[PDate] = None  # noqa: UP045
    url: Optional[str] = None  # noqa: UP045
    kind: SourceKind = SourceKind.OTHER


class PCited(PRecord):
    citations: tuple[PCitation, ...] = ()


class PBody(PCited):
    kind: BodyKind
    side: Side
    parent: Optional[str] = None  # noqa: UP045
    established: Optional[PDate] = None  # noqa: UP045
    dissolved: Optional[PDate] = None  # noqa: UP045
    predecessor: Optional[str] = None  # noqa: UP045
    successor: Optional[str] = None  # noqa: UP045
    location: Optional[str] = None  # noqa: UP045


class PPeriod(pydantic.BaseModel):
    model_config = _strict
    start: Optional[PDate] = None  # noqa: UP045
    end: Optional[PDate] = None  # noqa: UP045


class PProgramme(PCited):
    kind: ProgrammeKind
    period: PPeriod = PPeriod()
    status: ProgrammeStatus = ProgrammeStatus.UNKNOWN
    parent: Optional[str] = None  # noqa: UP045
    bodies: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


class PEvent(PCited):
    kind: EventKind
    date: PDate
    end: Optional[PDate] = None  # noqa: UP045
    location: Optional[str] = None  # noqa: UP045
    level: Optional[MeetingLevel] = None  # noqa: UP045
    chair: Optional[str] = None  # noqa: UP045
    bodies: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    operations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


class PDataset(pydantic.BaseModel):
    model_config = _strict
    sources: tuple[PSource, ...] = ()
    bodies: tuple[PBody, ...] = ()
    programmes: tuple[PProgramme, ...] = ()
    events: tuple[PEvent, ...] = ()


# -- msgspec -------------------------------------------------------------------------------------

MDate = Annotated[str, msgspec.Meta(pattern=DATE_PATTERN)]


class MCitation(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    source: str
    quote: str
    locator: Optional[str] = None  # noqa: UP045


class MSource(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    name: str
    title: str
    acronym: Optional[str] = None  # noqa: UP045
    aliases: tuple[str, ...] = ()
    description: str = ""
    publisher: Optional[str] = None  # noqa: UP045
    published: Optional[MDate] = None  # noqa: UP045
    url: Optional[str] = None  # noqa: UP045
    kind: SourceKind = SourceKind.OTHER


class MBody(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    name: str
    kind: BodyKind
    side: Side
    acronym: Optional[str] = None  # noqa: UP045
    aliases: tuple[str, ...] = ()
    description: str = ""
    citations: tuple[MCitation, ...] = ()
    parent: Optional[str] = None  # noqa: UP045
    established: Optional[MDate] = None  # noqa: UP045
    dissolved: Optional[MDate] = None  # noqa: UP045
    predecessor: Optional[str] = None  # noqa: UP045
    successor: Optional[str] = None  # noqa: UP045
    location: Optional[str] = None  # noqa: UP045


class MPeriod(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    start: Optional[MDate] = None  # noqa: UP045
    end: Optional[MDate] = None  # noqa: UP045


class MProgramme(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    name: str
    kind: ProgrammeKind
    acronym: Optional[str] = None  # noqa: UP045
    aliases: tuple[str, ...] = ()
    description: str = ""
    citations: tuple[MCitation, ...] = ()
    period: MPeriod = MPeriod()
    status: ProgrammeStatus = ProgrammeStatus.UNKNOWN
    parent: Optional[str] = None  # noqa: UP045
    bodies: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


class MEvent(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    name: str
    kind: EventKind
    date: MDate
    acronym: Optional[str] = None  # noqa: UP045
    aliases: tuple[str, ...] = ()
    description: str = ""
    citations: tuple[MCitation, ...] = ()
    end: Optional[MDate] = None  # noqa: UP045
    location: Optional[str] = None  # noqa: UP045
    level: Optional[MeetingLevel] = None  # noqa: UP045
    chair: Optional[str] = None  # noqa: UP045
    bodies: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    operations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


class MDataset(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    sources: tuple[MSource, ...] = ()
    bodies: tuple[MBody, ...] = ()
    programmes: tuple[MProgramme, ...] = ()
    events: tuple[MEvent, ...] = ()


def readers() -> dict[str, Any]:
    """``{name: function(bytes) -> object}`` for each reference point."""
    adapter = pydantic.TypeAdapter(PDataset)
    decoder = msgspec.json.Decoder(MDataset)
    return {"pydantic v2": adapter.validate_json, "msgspec": decoder.decode}
