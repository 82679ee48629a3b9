"""nato_ukraine: a typed, cited dataset of NATO–Ukraine relations, with queries.

    >>> import nato_ukraine as nu
    >>> ds = nu.load()
    >>> ds.lookup("NUC", on="2020-05-01").id
    'nato-ukraine-commission'

Importing the package reads no data; :func:`load` parses the bundled data on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nato_ukraine._loader import load
from nato_ukraine.dataset import (
    Collection,
    Dataset,
    Direction,
    Edge,
    Neighbour,
    Relation,
    TimelineEntry,
)
from nato_ukraine.dates import Certainty, PartialDate, Period, Precision
from nato_ukraine.exceptions import (
    AmbiguousNameError,
    DataError,
    LookupFailure,
    NatoUkraineError,
    Problem,
    UnknownIdError,
    UnknownNameError,
)
from nato_ukraine.models import (
    Agreement,
    AgreementKind,
    Body,
    BodyKind,
    Citation,
    Coverage,
    Event,
    EventKind,
    Manifest,
    MeetingLevel,
    Operation,
    Person,
    Programme,
    ProgrammeKind,
    ProgrammeStatus,
    Record,
    Role,
    Side,
    Source,
    SourceKind,
)
from nato_ukraine.schema import json_schema
from nato_ukraine.versions import DatasetDiff, RecordChange, diff

if TYPE_CHECKING:
    from nato_ukraine.converters import configure_converter, make_converter

__all__ = [
    "Agreement",
    "AgreementKind",
    "AmbiguousNameError",
    "Body",
    "BodyKind",
    "Certainty",
    "Citation",
    "Collection",
    "Coverage",
    "DataError",
    "Dataset",
    "DatasetDiff",
    "Direction",
    "Edge",
    "Event",
    "EventKind",
    "LookupFailure",
    "Manifest",
    "MeetingLevel",
    "NatoUkraineError",
    "Neighbour",
    "Operation",
    "PartialDate",
    "Period",
    "Person",
    "Precision",
    "Problem",
    "Programme",
    "ProgrammeKind",
    "ProgrammeStatus",
    "Record",
    "RecordChange",
    "Relation",
    "Role",
    "Side",
    "Source",
    "SourceKind",
    "TimelineEntry",
    "UnknownIdError",
    "UnknownNameError",
    "configure_converter",
    "diff",
    "json_schema",
    "load",
    "make_converter",
]

# Served on first use: the converter needs cattrs, which `import nato_ukraine` does not load.
_LAZY = {"configure_converter": "nato_ukraine.converters", "make_converter": "nato_ukraine.converters"}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("nato-ukraine")
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'nato_ukraine' has no attribute {name!r}")
