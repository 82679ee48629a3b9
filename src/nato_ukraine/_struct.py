"""Structuring: the records of a JSON document made by functions generated from their classes.

For each class, :func:`structurer` writes one function from the class's field specs (see
:mod:`nato_ukraine._fields`), as attrs and cattrs write theirs: its source is made from the
fields alone, never from data, compiled once, and registered with :mod:`linecache` so that a
traceback shows it. The function takes only a well-formed record: a key the class has not, a
missing required one, a value of the wrong type each raise, and the loader then asks the cattrs
converter, with detailed validation, to say exactly what is wrong.

Compiling costs about a millisecond a class, which a few hundred records repay, and which is a
sixth of the first load of the bundled data (a few dozen records of each class): for a short
list the loader asks instead for a structurer composed of one reader per field
(``structurer(cls, compiled=False)``), ready at once, which reads as the compiled one does and
then calls the class.

Why not cattrs' own generated hooks, which the converter uses? These do the same checks in about
two thirds of the time at a hundred thousand records (see ``docs/performance.md``), because:

* **A record is made as a mutable twin of its class** (:func:`twin`), its slots set by plain
  assignment, and then given its true class. Setting the slots of a frozen instance costs a call
  of ``object.__setattr__`` each, which for an event of seventeen fields is more than
  ``json.loads`` spends reading it.
* **Each field is read by an expression written out for its type**: a dict lookup for a date
  or an enum member, ``type(x) is str`` for a string, where cattrs calls a hook per field.
* **Equal date strings share one** :class:`~nato_ukraine.dates.PartialDate` (a :class:`DateCache`
  per load), and strings that repeat across records (references, labels) are interned, so a
  repeated string is stored once.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import attrs

from nato_ukraine._fields import FieldSpec, Shape, field_specs
from nato_ukraine.dates import PartialDate

__all__ = ["DateCache", "Structurer", "structurer", "twin"]


class DateCache(dict[str, PartialDate]):
    """Date strings and their dates, for one load: one object per distinct string, which saves
    both the parse and the memory (a century of days is 36,525 strings, and most data has far
    fewer). A hit is a plain dict lookup, in C; a miss parses the string. Bounded, in case a
    file holds nothing but distinct dates.
    """

    LIMIT = 65536

    def __missing__(self, text: str) -> PartialDate:
        date = PartialDate.parse(text)  # TypeError for anything but a string
        if len(self) >= self.LIMIT:
            self.clear()
        self[text] = date
        return date


#: A generated structurer: a JSON value and the load's date cache in, a record out (or it raises).
Structurer = Callable[[Any, DateCache], Any]

_made: dict[tuple[type, bool], Structurer] = {}
_twins: dict[type, type | None] = {}


def _reject(value: object) -> NoReturn:
    raise TypeError(f"unexpected {type(value).__name__}")


def structurer(cls: type, *, compiled: bool = True) -> Structurer:
    """The structurer of an attrs class, made on first use: compiled, or composed of readers.

    Raises:
        TypeError: If a field's type is none the package reads (see :mod:`nato_ukraine._fields`).
    """
    made = _made.get((cls, compiled))
    if made is None:  # (two threads may both make one: either serves)
        made = _made.setdefault((cls, compiled), _generate(cls) if compiled else _compose(cls))
    return made


def _compose(cls: type) -> Structurer:
    """A structurer of one reader per field (:func:`_reader`), which then calls the class."""
    readers = {spec.name: _reader(spec) for spec in field_specs(cls)}

    def structure(value: Any, dates: DateCache) -> Any:
        if type(value) is not dict:
            _reject(value)
        kwargs = {}
        for key, item in value.items():  # an unknown key fails the lookup, a missing one the call
            kwargs[key] = readers[key](item, dates)
        return cls(**kwargs)

    return structure


_Reader = Callable[[Any, DateCache], Any]


def _reader(spec: FieldSpec) -> _Reader:
    """A function that reads one field's JSON value as the compiled code does (:func:`_expression`)."""
    item = _item_reader(spec)
    read = item
    if spec.many:

        def read(value: Any, dates: DateCache) -> Any:
            if type(value) is not list:  # (a string is no list)
                _reject(value)
            return tuple([item(each, dates) for each in value])

    if not spec.optional:
        return read

    def read_optional(value: Any, dates: DateCache) -> Any:
        return None if value is None else read(value, dates)

    return read_optional


def _item_reader(spec: FieldSpec) -> _Reader:
    if spec.shape is Shape.RECORD:
        return structurer(spec.item, compiled=False)
    if spec.shape is Shape.DATE:
        return _read_date
    if spec.shape is Shape.ENUM:
        members = {member.value: member for member in spec.item}
        return lambda value, dates: members[value]
    expected = str if spec.shape is Shape.TEXT else int
    if spec.shape is Shape.TEXT and (spec.meaning.label or spec.meaning.collection is not None):
        return lambda value, dates: sys.intern(value)  # (a TypeError for anything but a str)

    def read_exact(value: Any, dates: DateCache) -> Any:
        return value if type(value) is expected else _reject(value)  # not a bool for an int

    return read_exact


def _read_date(value: Any, dates: DateCache) -> PartialDate:
    return dates[value]


def twin(cls: type) -> type | None:
    """A mutable twin of a frozen, slotted attrs class whose ``__init__`` only stores its arguments.

    The twin is a subclass that adds nothing (no slot, no field) but lets its attributes be set:
    a record is made as a twin, its slots set by plain assignment, and then given its true
    class, which CPython allows between classes of the same layout. What comes out is exactly
    what ``cls(...)`` makes: an instance of ``cls``, frozen, every field set.

    None for a class this does not fit (converters, validators, a post-init hook): its
    structurer calls the class. A default made from the record itself (``attrs.Factory(...,
    takes_self=True)``) fits: the structurer makes it from the twin, its earlier fields set.
    """
    if cls in _twins:
        return _twins[cls]
    fields = attrs.fields(cls)
    fits = (
        "__slots__" in vars(cls)
        and not any(hasattr(cls, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__"))
        and all(f.validator is None and f.converter is None and f.init for f in fields)
        and _slots(cls) == {f.name for f in fields}
    )
    made = None
    if fits:
        namespace = {
            "__slots__": (),
            "__setattr__": object.__setattr__,  # made by object.__new__, its slots then set one by one
            "__delattr__": object.__delattr__,
        }
        made = type(f"_Mutable{cls.__name__}", (cls,), namespace)
    return _twins.setdefault(cls, made)


def _slots(cls: type) -> set[str]:
    """The data slots of a class and its bases (not ``__weakref__`` nor ``__dict__``)."""
    names: set[str] = set()
    for klass in cls.__mro__:
        slots = vars(klass).get("__slots__", ())
        names.update((slots,) if isinstance(slots, str) else slots)
    return names - {"__weakref__", "__dict__"}


class _Source:
    """The source of one generated function, and the objects its names stand for."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.namespace: dict[str, Any] = {"_reject": _reject, "_intern": sys.intern, "_str": str.__str__}

    def bind(self, value: object) -> str:
        """A new name in the namespace for ``value``."""
        name = f"_v{len(self.namespace)}"
        self.namespace[name] = value
        return name


def _generate(cls: type) -> Structurer:
    specs = field_specs(cls)
    source = _Source()
    made = twin(cls)
    read = {spec.name: _expression(spec, source) for spec in specs}
    lines = source.lines
    lines.append("def structure(value, dates):")
    if made is not None:
        lines += ["    record = _new(_twin)", f"    keys = {sum(spec.required for spec in specs)}"]
        source.namespace.update(_new=object.__new__, _twin=made, _cls=cls)
        target = "record.{}"
    else:  # the class is called, with every field as a keyword
        lines += ["    kwargs = {}", f"    keys = {sum(spec.required for spec in specs)}"]
        source.namespace.update(_cls=cls)
        target = "kwargs[{!r}]"
    for spec in specs:
        if not spec.name.isidentifier():  # attrs allows no other; the source is made of these names
            raise TypeError(f"{cls.__name__}: field name {spec.name!r}")
        into = target.format(spec.name)
        if spec.required:
            lines += [f"    x = value[{spec.name!r}]", f"    {into} = {read[spec.name]}"]
            continue
        lines += [
            f"    if {spec.name!r} in value:",
            f"        x = value[{spec.name!r}]",
            f"        {into} = {read[spec.name]}",
            "        keys += 1",
        ]
        if not _of_self(spec):
            lines += ["    else:", f"        {into} = {_default(spec, source)}"]
        elif made is not None:  # made from the fields before it, which the twin holds by now
            lines += ["    else:", f"        {into} = {source.bind(spec.default.factory)}(record)"]
        # (else the class, called without it, makes it from the others)
    # Every key read is one of the class's fields, so the record has no other key if it has as
    # many keys as were read (counted as they are, which costs less than comparing key sets).
    lines += ["    if len(value) != keys or type(value) is not dict:", "        _reject(value)"]
    lines += ["    record.__class__ = _cls", "    return record"] if made is not None else ["    return _cls(**kwargs)"]
    return _compiled(cls, lines, source.namespace)


def _of_self(spec: FieldSpec) -> bool:
    """Whether a field's default is made from the record's other fields (an event's codes)."""
    return isinstance(spec.default, attrs.Factory) and spec.default.takes_self  # type: ignore[arg-type]


def _default(spec: FieldSpec, source: _Source) -> str:
    if isinstance(spec.default, attrs.Factory):  # type: ignore[arg-type]
        return f"{source.bind(spec.default.factory)}()"
    return source.bind(spec.default)


def _expression(spec: FieldSpec, source: _Source) -> str:
    """The source of an expression that reads the JSON value in ``x`` as ``spec`` says, or raises."""
    shared = spec.meaning.label or spec.meaning.collection is not None
    if spec.many:
        if spec.shape is Shape.RECORD:
            # A list of one or two records, the most there are, is read item by item, written
            # out: a comprehension costs a call of its own, and a tuple made from it one more.
            one = f"{source.bind(structurer(spec.item))}"
            read = (
                f"({one}(x[0], dates),) if type(x) is list and len(x) == 1"
                f" else ({one}(x[0], dates), {one}(x[1], dates)) if type(x) is list and len(x) == 2"
                f" else tuple([{one}(y, dates) for y in x]) if type(x) is list else _reject(x)"
            )
            return f"None if x is None else ({read})" if spec.optional else read
        if spec.shape is Shape.TEXT:
            each = "map(_intern, x)" if shared else "map(_str, x)"
        elif spec.shape is Shape.DATE:
            each = "[dates[y] for y in x]"
        else:
            each = f"map({_members(spec, source)}.__getitem__, x)"
        # (An empty list, the commonest, is read as the empty tuple; a string is no list.)
        read = f"(tuple({each}) if x else ()) if type(x) is list else _reject(x)"
    elif spec.shape is Shape.TEXT:
        read = "_intern(x)" if shared else "x if type(x) is str else _reject(x)"
    elif spec.shape is Shape.INT:
        read = "x if type(x) is int else _reject(x)"  # not a bool, not a float
    elif spec.shape is Shape.DATE:
        read = "dates[x]"
    elif spec.shape is Shape.ENUM:
        read = f"{_members(spec, source)}[x]"
    else:
        read = f"{source.bind(structurer(spec.item))}(x, dates)"
    return f"None if x is None else ({read})" if spec.optional else read


def _members(spec: FieldSpec, source: _Source) -> str:
    """The name of a dict of an enum's members by value (a lookup of anything else raises)."""
    return source.bind({member.value: member for member in spec.item})


def _compiled(cls: type, lines: list[str], namespace: dict[str, Any]) -> Structurer:
    """The function ``structure`` that ``lines`` define, compiled in ``namespace`` under a file
    name of its own that :mod:`linecache` knows (as cattrs does): the one place the package runs
    code it writes, from classes' fields, never from data."""
    text = "\n".join(lines) + "\n"
    filename = _unique_filename(cls, text.splitlines(keepends=True))
    exec(compile(text, filename, "exec"), namespace)
    made: Structurer = namespace["structure"]
    made.__qualname__ = made.__name__ = f"structure_{cls.__name__}"
    return made


def _unique_filename(cls: type, lines: list[str]) -> str:
    """A file name for the source of ``cls``'s structurer, entered in linecache's cache; a new
    one if another class of the same name has one already."""
    count = 1
    while True:
        suffix = "" if count == 1 else f"-{count}"
        filename = f"<nato_ukraine generated structure {cls.__module__}.{cls.__qualname__}{suffix}>"
        entry = (len("".join(lines)), None, lines, filename)
        if linecache.cache.setdefault(filename, entry) == entry:
            return filename
        count += 1
