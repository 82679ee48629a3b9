"""The exceptions nato_ukraine raises.

Every one derives from :class:`NatoUkraineError`, and each concrete error also derives from the
builtin it is, so ``except KeyError`` and ``except ValueError`` keep working::

    NatoUkraineError
    ├── DataError (ValueError)            bad data: .problems lists every one found
    └── LookupFailure (LookupError)
        ├── UnknownIdError (KeyError)     no record has that id: .id, .suggestions
        │   └── UnknownNameError          no record has that name either
        └── AmbiguousNameError            more than one record fits: .name, .candidates
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

import attrs

if TYPE_CHECKING:
    from nato_ukraine.models import Record

__all__ = [
    "AmbiguousNameError",
    "DataError",
    "LookupFailure",
    "NatoUkraineError",
    "Problem",
    "UnknownIdError",
    "UnknownNameError",
]


class NatoUkraineError(Exception):
    """The root of every error nato_ukraine raises."""


@attrs.frozen
class Problem:
    """One thing wrong with a data file.

    Attributes:
        file: The file's name (``events.json``), or ``<dataset>`` for a problem between files.
        path: Where in the file, as a JSON path (``$.events[12].date``).
        message: What is wrong.
    """

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: {self.message}"


class DataError(NatoUkraineError, ValueError):
    """Data that cannot be loaded: every problem found, not only the first.

    Attributes:
        problems: Each problem, with the file and the field path it concerns.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))

    def __reduce__(self) -> tuple[Any, ...]:
        # Made again from its problems, not from its message (as an exception is by default),
        # so that it survives pickling, as between processes.
        return type(self), (self.problems,), self.__dict__

    @property
    def files(self) -> tuple[str, ...]:
        """The files the problems concern, in order of first mention."""
        return tuple(dict.fromkeys(p.file for p in self.problems))


class LookupFailure(NatoUkraineError, LookupError):
    """A lookup found no record, or more than one."""


class UnknownIdError(LookupFailure, KeyError):
    """No record has that id (or none of the collection asked: then ``elsewhere`` says where it is).

    Attributes:
        id: The id asked for.
        suggestions: Ids close to it, best first.
        elsewhere: For an id asked of a collection that another holds: the collection asked,
            and the one that has it (``("events", "people")``); None otherwise.
    """

    def __init__(self, id: str, suggestions: Sequence[str] = (), elsewhere: tuple[str, str] | None = None) -> None:
        self.id = id
        self.suggestions = tuple(suggestions)
        self.elsewhere = elsewhere
        super().__init__(id)

    def __str__(self) -> str:
        if self.elsewhere is not None:
            asked, found = self.elsewhere
            return (
                f"no record of the {asked} has the id {self.id!r}: it is one of the {found} (ds.{found}[{self.id!r}])"
            )
        message = f"no record has the id {self.id!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        elif type(cast(object, self.id)) in (int, slice):  # a position, as for a list (the key may be anything)
            message += "; records are looked up by id (a str): iterate, or use .first(), to take them in order"
        return message


class UnknownNameError(UnknownIdError):
    """No record has that id, name, acronym or alias (on the date asked about, if one was given).

    Attributes:
        id: The name asked for.
        suggestions: Names close to it, best first; or, for a date on which no record had the
            name, the ids of the records that have it at other times.
        on: The date asked about, if one was given.
    """

    def __init__(self, id: str, suggestions: Sequence[str] = (), on: object = None) -> None:
        super().__init__(id, suggestions)
        self.on = on

    def __str__(self) -> str:
        if self.on is not None:
            named = ", ".join(repr(s) for s in self.suggestions)
            return f"no record had the name, acronym or alias {self.id!r} on {self.on}; it names {named} at other times"
        message = f"no record has the id, name, acronym or alias {self.id!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        return message

    def __reduce__(self) -> tuple[Any, ...]:
        # Made again from what it was made of (see DataError.__reduce__).
        return type(self), (self.id, self.suggestions, self.on), self.__dict__


class AmbiguousNameError(LookupFailure):
    """More than one record answers to a name; narrow it with a date or use an id.

    Attributes:
        name: The name asked for.
        candidates: The records that fit, ordered by id.
        on: The date they all fit on, if one was given.
    """

    def __init__(self, name: str, candidates: Sequence[Record], on: object = None) -> None:
        self.name = name
        self.candidates = tuple(candidates)
        self.on = on
        ids = ", ".join(c.id for c in self.candidates)
        when = f" on {on}" if on is not None else ""
        super().__init__(f"{name!r} names {len(self.candidates)} records{when}: {ids}; pass on= or an id")

    def __reduce__(self) -> tuple[Any, ...]:
        # Made again from what it was made of (see DataError.__reduce__).
        return type(self), (self.name, self.candidates, self.on), self.__dict__
