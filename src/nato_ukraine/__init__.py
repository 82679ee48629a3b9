"""nato_ukraine: a typed, cited dataset of NATO–Ukraine relations, with queries.

    >>> import nato_ukraine as nu
    >>> ds = nu.load()
    >>> ds.lookup("NUC", on="2020-05-01").id
    'nato-ukraine-commission'

Importing the package reads no data and imports none of its modules: each name is imported
on first use, and :func:`load` parses the bundled data on first use.
"""

# Not `from typing import TYPE_CHECKING`: importing typing alone costs more than this module.
TYPE_CHECKING = False
if TYPE_CHECKING:  # for type checkers and readers; at run time each name is imported on first use
    from typing import Any

    from nato_ukraine._loading import load
    from nato_ukraine.collection import Collection
    from nato_ukraine.converters import configure_converter, make_converter
    from nato_ukraine.dataset import Dataset
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
    from nato_ukraine.graph import Direction, Edge, Neighbour
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
    from nato_ukraine.models import (
        Agreement,
        Body,
        Citation,
        Coverage,
        Event,
        Figure,
        LevelCoverage,
        Manifest,
        Name,
        Operation,
        Outcome,
        Participation,
        Person,
        Programme,
        Record,
        Relation,
        Role,
        Source,
    )
    from nato_ukraine.schema import json_schema
    from nato_ukraine.tables import Table
    from nato_ukraine.timeline import TimelineEntry
    from nato_ukraine.versions import DatasetDiff, RecordChange, diff

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
    "Extent",
    "Figure",
    "FigureQualifier",
    "LevelCoverage",
    "LookupFailure",
    "Manifest",
    "MeetingLevel",
    "Name",
    "NatoUkraineError",
    "Neighbour",
    "Operation",
    "Outcome",
    "OutcomeRole",
    "PartialDate",
    "ParticipantRole",
    "Participation",
    "Period",
    "Person",
    "Plover",
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
    "Table",
    "TimelineEntry",
    "UnknownIdError",
    "UnknownNameError",
    "configure_converter",
    "diff",
    "json_schema",
    "load",
    "make_converter",
]

# `import nato_ukraine` imports nothing but this module: each public name is imported from its
# module the first time it is used (PEP 562), so a script pays for what it uses. The table is
# checked against __all__ by the tests.
_SOURCES = {
    "load": "nato_ukraine._loading",
    "Collection": "nato_ukraine.collection",
    "Dataset": "nato_ukraine.dataset",
    **dict.fromkeys(("Direction", "Edge", "Neighbour"), "nato_ukraine.graph"),
    "TimelineEntry": "nato_ukraine.timeline",
    "Table": "nato_ukraine.tables",
    **dict.fromkeys(("Certainty", "PartialDate", "Period", "Precision"), "nato_ukraine.dates"),
    **dict.fromkeys(
        (
            "AmbiguousNameError",
            "DataError",
            "LookupFailure",
            "NatoUkraineError",
            "Problem",
            "UnknownIdError",
            "UnknownNameError",
        ),
        "nato_ukraine.exceptions",
    ),
    **dict.fromkeys(
        (
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
        ),
        "nato_ukraine.kinds",
    ),
    **dict.fromkeys(
        (
            "Agreement",
            "Body",
            "Citation",
            "Coverage",
            "Event",
            "Figure",
            "LevelCoverage",
            "Manifest",
            "Name",
            "Operation",
            "Outcome",
            "Participation",
            "Person",
            "Programme",
            "Record",
            "Relation",
            "Role",
            "Source",
        ),
        "nato_ukraine.models",
    ),
    "json_schema": "nato_ukraine.schema",
    **dict.fromkeys(("DatasetDiff", "RecordChange", "diff"), "nato_ukraine.versions"),
    **dict.fromkeys(("configure_converter", "make_converter"), "nato_ukraine.converters"),
}


def __getattr__(name: str) -> "Any":
    if name == "__version__":
        from importlib.metadata import version

        return version("nato-ukraine")
    module = _SOURCES.get(name)
    if module is None:
        raise AttributeError(f"module 'nato_ukraine' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later uses find it here, without this function
    return value


# What dir() lists: the public names, served yet or not, and the module attributes Python sets
# (``__name__``, ``__doc__``, ...) with ``__all__`` and the served ``__version__``; not the
# machinery of this module (``TYPE_CHECKING``, ``_SOURCES``, these two functions), nor the
# submodules an import has set as attributes, so that it lists the same names whatever was used.
_HIDDEN = frozenset({"__getattr__", "__dir__"})


def __dir__() -> list[str]:
    dunders = (name for name in globals() if name.startswith("__") and name.endswith("__") and name not in _HIDDEN)
    return sorted({*__all__, "__version__", *dunders})
