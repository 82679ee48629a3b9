"""The rules a loaded record must keep, each written once, as one object.

Every rule answers two questions from the same definition: :meth:`Rule.holds`, asked of a whole
list of records at once (a builtin mapped over a column, in C: the common case, where nothing is
wrong), and :meth:`Rule.explain`, asked of one record, which says what is wrong and where. The
loader asks the first of every list, and the second only of the records of a list for which the
first said no; the two cannot drift apart, as the tests hold them to agreeing on every record.

The rules of a class are derived from its fields' metadata (:func:`rules_of`): a text that must
not be blank or is bounded in length, a tuple that must not be empty, dates that must come in
order, references that must resolve. That every id is a slug is a rule too; that no id is used
twice is checked as the ids are placed, by the loader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import chain, compress, repeat
from operator import attrgetter, is_not
from typing import Any

from nato_ukraine._fields import (
    FieldSpec,
    Shape,
    Site,
    collection_of,
    dating,
    field_specs,
    per_class,
    references,
    singular,
    sites,
)
from nato_ukraine.dates import PartialDate
from nato_ukraine.models import Relation

__all__ = ["Placed", "Rule", "id_path", "rules_of", "slug_problem"]

#: A problem a rule finds in a record: (where in the record, ``.citations[0].quote``; what is wrong).
Finding = tuple[str, str]


class Placed:
    """What the rules check records against: the records placed, by collection and by id, and
    the ids of the records that could not be read (their problems are reported already, so a
    reference to one of them is let be)."""

    def __init__(
        self, collections: dict[str, list[Any]], by_id: dict[str, Any], unreadable: Iterable[str] = ()
    ) -> None:
        self.collections = collections
        self.by_id = by_id
        self.unreadable = frozenset(unreadable)
        self._ids: dict[str, frozenset[str]] = {}
        self._columns: dict[tuple[int, tuple[str, ...]], list[Any]] = {}
        self._cycles: dict[Relation, dict[str, list[str]]] = {}

    def column(self, records: Sequence[Any], path: Sequence[FieldSpec]) -> list[Any]:
        """Every value at ``path`` in each of ``records`` (an item of a tuple field is one value;
        None is none), worked out once for all the rules (and the placing of ids) that ask:
        taken a field at a time across all the records, each step a builtin mapped in C."""
        key = (id(records), tuple(spec.name for spec in path))
        found = self._columns.get(key)
        if found is None:
            spec = path[-1]
            values: Iterable[Any]
            values = map(attrgetter(spec.name), self.column(records, path[:-1]) if len(path) > 1 else records)
            if spec.optional:
                values = filter(partial(is_not, None), values)
            if spec.many:
                values = chain.from_iterable(values)
            found = self._columns[key] = list(values)
        return found

    def cycles(self, relation: Relation) -> dict[str, list[str]]:
        """The records that links of ``relation`` lead back to, each with one such chain of ids
        (worked out once, across every collection, by a depth-first walk)."""
        found = self._cycles.get(relation)
        if found is None:
            found = self._cycles[relation] = _cycles(self._links(relation))
        return found

    def _links(self, relation: Relation) -> dict[str, list[str]]:
        """Every link of ``relation``, as the ids each id links to."""
        links: dict[str, list[str]] = {}
        for records in self.collections.values():
            for cls in set(map(type, records)):
                sites = [s for s in references(cls) if s.meaning.relation is relation and len(s.path) == 1]
                for site in sites:
                    for record in records:
                        for ref in site.ids(record) if type(record) is cls else ():
                            source, target = (ref, record.id) if site.meaning.reverse else (record.id, ref)
                            links.setdefault(source, []).append(target)
        return links

    def ids_in(self, collection: str) -> frozenset[str]:
        """The ids of the records of one collection (worked out once)."""
        ids = self._ids.get(collection)
        if ids is None:
            ids = self._ids[collection] = frozenset(map(attrgetter("id"), self.collections.get(collection, ())))
        return ids


class Rule:
    """One rule a record must keep.

    Attributes:
        field: The record's own field the rule is about (for a nested field, the field that
            holds it); its problems are reported there.
        fields: Every field of the record the rule reads (a record that could not be read
            whole is held to the rules whose fields could be).
    """

    field: str

    @property
    def fields(self) -> frozenset[str]:
        """Every field of the record the rule reads."""
        return frozenset({self.field})

    def holds(self, records: Sequence[Any], placed: Placed) -> bool:
        """Whether every one of ``records`` keeps the rule (quickly, over the whole list)."""
        raise NotImplementedError

    def explain(self, record: Any, placed: Placed) -> list[Finding]:
        """Where and how ``record`` breaks the rule; empty when it keeps it."""
        raise NotImplementedError


class TextRule(Rule):
    """A text that must hold more than white space, at most so many characters, or match a pattern."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.field = site.path[0].name
        self.nonblank = site.meaning.nonblank
        self.max_length = site.meaning.max_length
        self.pattern = None if site.meaning.pattern is None else re.compile(site.meaning.pattern)

    def holds(self, records: Sequence[Any], placed: Placed) -> bool:
        texts = placed.column(records, self.site.path)
        # (A text is blank when it is empty or all white space: asked so, no stripped copy is made.)
        if self.nonblank and not (all(texts) and not any(map(str.isspace, texts))):
            return False
        if self.pattern is not None and not all(map(self.pattern.fullmatch, texts)):
            return False
        return self.max_length is None or max(map(len, texts), default=0) <= self.max_length

    def explain(self, record: Any, placed: Placed) -> list[Finding]:
        found = []
        name = self.site.field.name.replace("_", " ")
        for where, text in self.site.located(record):
            if self.nonblank and not text.strip():
                found.append((where, f"the {name} is empty"))
            elif self.max_length is not None and len(text) > self.max_length:
                found.append((where, f"the {name} is {len(text)} characters; at most {self.max_length}"))
            elif self.pattern is not None and not self.pattern.fullmatch(text):
                found.append((where, f"{text!r} is not a {name} (it must match {self.pattern.pattern})"))
        return found


class NonEmptyRule(Rule):
    """A tuple that must hold at least one item (a record's citations)."""

    def __init__(self, site: Site) -> None:
        self.field = site.field.name
        self._get = attrgetter(self.field)

    def holds(self, records: Sequence[Any], placed: Placed) -> bool:
        return all(map(self._get, records))

    def explain(self, record: Any, placed: Placed) -> list[Finding]:
        if self._get(record):
            return []
        return [(f".{self.field}", f"a record needs at least one {singular(self.field)}")]


#: A slug: lower-case letters and digits, in words joined by single hyphens.
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_SLUG_CHARACTERS = b"abcdefghijklmnopqrstuvwxyz0123456789-"
_HYPHEN = ord("-")


def slug_problem(record_id: str) -> str | None:
    """What is wrong with an id that is not a slug; None for a slug."""
    if re.fullmatch(SLUG, record_id):
        return None
    return f"{record_id!r} is not a slug (lower-case words joined by '-')"


@per_class
def id_path(cls: type) -> tuple[FieldSpec, ...]:
    """The path to the id of a record of ``cls``, for :meth:`Placed.column`."""
    return tuple(spec for spec in field_specs(cls) if spec.name == "id")


class SlugRule(Rule):
    """Every id is a slug."""

    field = "id"

    def __init__(self, cls: type) -> None:
        self.path = id_path(cls)

    def holds(self, records: Sequence[Any], placed: Placed) -> bool:
        """Asked of all the ids joined by newlines, in a few passes of C over the text: a regular
        expression matched id by id costs more than all the rest of the validation."""
        ids = placed.column(records, self.path)
        if not ids:
            return True
        if not all(ids):  # an empty id
            return False
        text = "\n".join(ids)
        if not text.isascii():
            return False
        data = text.encode("ascii")
        # Without the characters of slugs, only the newlines between the ids are left: anything
        # else is a character no slug has, and one more newline is one within an id.
        if data.translate(None, _SLUG_CHARACTERS) != b"\n" * (len(ids) - 1):
            return False
        # With each newline made a hyphen, "--" is there if an id has two hyphens in a row, or
        # starts or ends with one; one at either end of the text is the last such case.
        hyphens = data.replace(b"\n", b"-")
        return b"--" not in hyphens and hyphens[0] != _HYPHEN and hyphens[-1] != _HYPHEN

    def explain(self, record: Any, placed: Placed) -> list[Finding]:
        problem = slug_problem(record.id)
        return [] if problem is None else [(".id", problem)]


class OrderRule(Rule):
    """One date of a record may not be certainly before another (a dissolution before the founding)."""

    def __init__(self, earlier: str, later: str) -> None:
        self.field = later
        self.earlier = earlier
        self._fields = frozenset({earlier, later})
        self._get_earlier = attrgetter(earlier)
        self._get_later = attrgetter(later)

    @property
    def fields(self) -> frozenset[str]:
        """Both dates."""
        return self._fields

    def holds(self, records: Sequence[Any], placed: Placed) -> bool:
        # Only the records that have the later date can have it too early.
        return not any(map(self._problem, compress(records, map(self._get_later, records))))

    def _problem(self, record: Any) -> str | None:
        first: PartialDate | None = self._get_earlier(record)
        last: PartialDate | None = self._get_later(record)
        if first is not None and last is not None and last.latest < first.earliest:
            return f"{last} is before the {self.earlier.replace('_', ' ')} {first}"
        return None

    def explain(self, record: Any, placed: Placed) -> list[Finding]:
        problem = self._problem(record)
        return [] if problem is None else [(f".{self.field}", problem)]


class ReferenceRule(Rule):
    """The ids at a site refer to records of the collection it points into."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.field = site.path[0].name
        self.collection: str = site.meaning.collection or ""

    def holds(self, records: Sequence[Any], placed: Placed) -> bool:
        return placed.ids_in(self.collection).issuperset(placed.column(records, self.site.path))

    def explain(self, record: Any, placed: Placed) -> list[Finding]:
        return self.explain_ids(self.site.located(record), placed)

    def explain_ids(self, located: Iterable[tuple[str, str]], placed: Placed) -> list[Finding]:
        """The problems of some ids at this site, each with its path."""
        ids = placed.ids_in(self.collection)
        return [
            (where, dangling(ref, self.collection, placed.by_id))
            for where, ref in located
            if ref not in ids and ref not in placed.unreadable
        ]


class CycleRule(Rule):
    """Links of an acyclic relation (part of, succeeds) never lead back to where they started."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.field = site.path[0].name
        self.relation: Relation = site.meaning.relation or Relation.PART_OF

    @property
    def fields(self) -> frozenset[str]:
        """The record's id, and the field of links."""
        return frozenset({"id", self.field})

    def holds(self, records: Sequence[Any], placed: Placed) -> bool:
        cycles = placed.cycles(self.relation)
        return not cycles or cycles.keys().isdisjoint(record.id for record in records)

    def explain(self, record: Any, placed: Placed) -> list[Finding]:
        cycles = placed.cycles(self.relation)
        if record.id not in cycles:
            return []
        found = []
        words = self.relation.value.replace("_", " ")
        for where, ref in self.site.located(record):
            if ref == record.id:
                found.append((where, f"{ref!r} is the record itself: nothing is {words} itself"))
            elif ref in cycles:
                chain = " -> ".join(cycles[record.id])
                found.append((where, f"{ref!r} leads back to {record.id!r} through '{words}' links: {chain}"))
        return found


class OneOfRule(Rule):
    """A nested record sets exactly one of a group of fields (a participation names a body or a
    person, not both, not neither)."""

    def __init__(self, holder: Site, group: tuple[str, ...]) -> None:
        self.holder = holder
        self.field = holder.path[0].name
        self.group = group
        self._get = attrgetter(*group)

    def holds(self, records: Sequence[Any], placed: Placed) -> bool:
        nested = placed.column(records, self.holder.path)
        if len(self.group) == 1:
            return all(map(partial(is_not, None), map(self._get, nested)))
        # Each nested record leaves all but one of the group None: counted in C, a tuple of the
        # group's values at a time (they are ids or None, and an id is never equal to None).
        unset = list(map(tuple.count, map(self._get, nested), repeat(None)))
        return unset.count(len(self.group) - 1) == len(unset)

    def explain(self, record: Any, placed: Placed) -> list[Finding]:
        found = []
        for where, item in self.holder.located(record):
            given = [name for name in self.group if getattr(item, name) is not None]
            if len(given) != 1:
                what = ", ".join(given) if given else "none"
                found.append((where, f"give exactly one of {', '.join(self.group)} (given: {what})"))
        return found


class RequiresRule(Rule):
    """A field that needs others set beside it (a status needs the date and the words of the
    document that states it), unless it holds the one value that needs nothing (``unknown``)."""

    def __init__(self, spec: FieldSpec) -> None:
        self.field = spec.name
        self.required = spec.meaning.requires
        self.unless = spec.meaning.unless
        self._get = attrgetter(spec.name)
        self._fields = frozenset({spec.name, *self.required})

    @property
    def fields(self) -> frozenset[str]:
        """The field and those it requires."""
        return self._fields

    def holds(self, records: Sequence[Any], placed: Placed) -> bool:
        return not any(map(self._missing, records))

    def _missing(self, record: Any) -> list[str]:
        value = self._get(record)
        if value is None or str(value) == self.unless:
            return []
        return [name for name in self.required if getattr(record, name) is None]

    def explain(self, record: Any, placed: Placed) -> list[Finding]:
        value = self._get(record)
        return [
            (f".{name}", f"a {self.field} of {str(value)!r} needs {name} too (or the {self.field} {self.unless!r})")
            for name in self._missing(record)
        ]


class FieldNamesRule(Rule):
    """A tuple that names fields of the record itself (the fields whose values are inferred)."""

    def __init__(self, cls: type, spec: FieldSpec) -> None:
        self.field = spec.name
        self.names = frozenset(field.name for field in field_specs(cls)) - {"id", spec.name}
        self._get = attrgetter(spec.name)
        self.cls = cls

    def holds(self, records: Sequence[Any], placed: Placed) -> bool:
        return self.names.issuperset(chain.from_iterable(map(self._get, records)))

    def explain(self, record: Any, placed: Placed) -> list[Finding]:
        what = singular(collection_of(self.cls) or self.cls.__name__.lower())
        article = "an" if what[0] in "aeiou" else "a"
        return [
            (f".{self.field}[{i}]", f"{name!r} is not a field of {article} {what}")
            for i, name in enumerate(self._get(record))
            if name not in self.names
        ]


def dangling(ref: str, collection: str, by_id: Mapping[str, Any]) -> str:
    """What is wrong with a reference that does not resolve into ``collection``."""
    found = by_id.get(ref)
    if found is None:
        return f"refers to {ref!r}, which no {singular(collection)} has as its id"
    other = collection_of(type(found)) or type(found).__name__
    return f"refers to {ref!r}, which is a {singular(other)}, not a {singular(collection)}"


def _cycles(links: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Every id that the links lead back to, with the chain that does, first id again last."""
    state: dict[str, int] = {}  # 1: on the path being walked; 2: done
    found: dict[str, list[str]] = {}
    for start in links:
        if start in state:
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(links.get(start, ())))]
        state[start] = 1
        path.append(start)
        while stack:
            node, following = stack[-1]
            step = next(following, None)
            if step is None:
                stack.pop()
                state[node] = 2
                path.pop()
            elif state.get(step) == 1:  # back to a record on the path: a cycle
                chain = [*path[path.index(step) :], step]
                for member in chain[:-1]:
                    found.setdefault(member, chain)
            elif step not in state:
                state[step] = 1
                path.append(step)
                stack.append((step, iter(links.get(step, ()))))
    return found


@per_class
def rules_of(cls: type) -> tuple[Rule, ...]:
    """The rules records of ``cls`` keep, in the order of the fields they concern.

    The slug rule applies to a class of one of the collections (whose records are placed by
    id); the others wherever the fields' metadata asks for them.
    """
    found: list[Rule] = [SlugRule(cls)] if collection_of(cls) is not None else []
    for site in sites(cls):
        meaning = site.meaning
        if meaning.nonblank or meaning.max_length is not None or meaning.pattern is not None:
            found.append(TextRule(site))
        if meaning.nonempty and len(site.path) == 1:
            found.append(NonEmptyRule(site))
        if meaning.collection is not None:
            found.append(ReferenceRule(site))
            if meaning.relation is not None and meaning.relation.acyclic and len(site.path) == 1:
                found.append(CycleRule(site))
        if meaning.requires and len(site.path) == 1:
            found.append(RequiresRule(site.field))
        if meaning.field_names and len(site.path) == 1:
            found.append(FieldNamesRule(cls, site.field))
    found += _one_of_rules(cls)
    found += [OrderRule(earlier, later) for earlier, later in dating(cls).in_order()]
    order = {spec.name: i for i, spec in enumerate(field_specs(cls))}
    return tuple(sorted(found, key=lambda rule: order[rule.field]))


def _one_of_rules(cls: type) -> list[Rule]:
    """A :class:`OneOfRule` for each group of fields of each record nested in ``cls``."""
    found: list[Rule] = []
    holders: list[tuple[tuple[FieldSpec, ...], type]] = [
        ((spec,), spec.item) for spec in field_specs(cls) if spec.shape is Shape.RECORD
    ]
    for path, item in holders:
        groups: dict[str, list[str]] = {}
        for spec in field_specs(item):
            if spec.meaning.one_of is not None:
                groups.setdefault(spec.meaning.one_of, []).append(spec.name)
        found += [OneOfRule(Site(path), tuple(names)) for names in groups.values()]
        holders += [((*path, spec), spec.item) for spec in field_specs(item) if spec.shape is Shape.RECORD]
    return found
