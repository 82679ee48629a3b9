"""What a field of a record class means, beyond its type: the vocabulary of the field metadata.

Each field of the record classes in :mod:`nato_ukraine.models` declares its meaning once, in
its attrs metadata under the key :data:`META`, with the helpers here (:func:`reference`,
:func:`when`, :func:`label`, :func:`named`, :func:`means`); every other part of the package
reads it back. The names are re-exported from :mod:`nato_ukraine.models`.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

__all__ = [
    "LANGUAGE_TAG",
    "META",
    "WIKIDATA_ID",
    "Meaning",
    "NameRole",
    "Relation",
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

    PART_OF = "part_of"  #: a body or programme is part of another (its ``parents`` or ``parent``)
    SUCCEEDS = "succeeds"  #: a body, programme, agreement or operation succeeds its predecessor
    RUNS = "runs"  #: a body runs or oversees a programme
    INVOLVES = "involves"  #: an event involves a body, person, programme, agreement or operation
    PARTY_TO = "party_to"  #: a body is party to an agreement
    MEMBER_OF = "member_of"  #: a body is a member of a programme, or takes part in it
    OUTCOME = "outcome"  #: an event adopted, endorsed, launched, ... a programme, agreement or body
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

#: A language tag, as BCP 47 writes one: a language of two or three letters, then subtags
#: (``uk``, ``en-GB``, ``sr-Latn``).
LANGUAGE_TAG = r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*"

#: A Wikidata item's id: Q and a number (``Q7184``, NATO).
WIKIDATA_ID = r"Q[1-9][0-9]*"


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
        edge_role: In a record nested in another (a participation), the field whose value is
            the role of the graph edges the nested record's references make.
        requires: Fields that must be set when this one is (unless it holds ``unless``): a
            programme's status needs the date of the document that states it, and its words.
        unless: The value of this field for which ``requires`` does not hold (``"unknown"``).
        field_names: A tuple of the names of fields of the same record (what is inferred).
        one_of: The group of fields of a nested record of which exactly one must be set (a
            participation names a body or a person).
        pattern: A regular expression a text must match whole (a Wikidata id, a CAMEO code).
        formerly: Keys this field replaced in an earlier schema version: a file that still has
            one is told where it went.
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
    edge_role: bool = False
    requires: tuple[str, ...] = ()
    unless: str | None = None
    field_names: bool = False
    one_of: str | None = None
    pattern: str | None = None
    formerly: tuple[str, ...] = ()


def means(**meaning: Any) -> dict[str, Any]:
    """The metadata of a field that means what the keywords say (see :class:`Meaning`)::

    quote: str = attrs.field(metadata=means(nonblank=True, max_length=300))
    """
    return {META: Meaning(**meaning)}


def reference(collection: str, relation: Relation, *, reverse: bool = False, **more: Any) -> dict[str, Any]:
    """The metadata of a field of ids that point into ``collection``.

    Args:
        collection: The collection the ids point into (``"bodies"``); the loader refuses an id
            that no record of it has.
        relation: The kind of graph edge each id makes.
        reverse: The edge runs from the record referred to, to the one holding the field.
        more: Other meanings of the field (see :class:`Meaning`).
    """
    return means(collection=collection, relation=relation, reverse=reverse, **more)


def when(role: When) -> dict[str, Any]:
    """The metadata of a date (or period) field with ``role`` in dating its record."""
    return means(when=role)


def label() -> dict[str, Any]:
    """The metadata of a short string that repeats across records (stored once)."""
    return means(label=True)


def named(role: NameRole) -> dict[str, Any]:
    """The metadata of a text field that lookup and search read."""
    return means(name=role)
