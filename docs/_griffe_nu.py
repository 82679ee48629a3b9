"""A Griffe extension that reads the package's docstrings the way the package writes them.

The docstrings follow Google style with a few reStructuredText habits: Sphinx roles
(``:class:`~nato_ukraine.dates.Period```), ``::`` before an indented block, a simple table, and
``#:`` comments that document a module attribute or an enum member. This extension turns them
into the Markdown mkdocstrings renders, with cross-references, and lists each enum's values.

It also makes ``mkdocs build --strict`` fail, by logging a warning, when a public object has no
docstring or a role names nothing that exists.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

import griffe

logger = griffe.get_logger("griffe_nu")

PACKAGE = "nato_ukraine"
# Roles that name something outside the package render as code, unlinked (the build is offline).
EXTERNAL = frozenset(
    {"attrs", "cattrs", "dateutil", "datetime", "enum", "functools", "gc", "json", "linecache", "os", "pandas", "typing"}
)
ROLE = re.compile(r":(?:py:)?(class|func|meth|attr|data|mod|exc|obj|const):`(~?)([^`]+)`")
TABLE_RULE = re.compile(r"^ *=+( +=+)+ *$")
ENUM_BASES = frozenset({"Enum", "IntEnum", "_Choice", "enum.Enum", "enum.IntEnum"})


class NatoUkraineDocstrings(griffe.Extension):
    """Rewrite the package's docstrings into Markdown and check that public objects have one."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Run once the package is loaded: add ``#:`` docstrings, rewrite every docstring, check."""
        if pkg.name != PACKAGE:
            return
        objects = list(_walk(pkg))
        for obj in objects:
            if obj.docstring is None and obj.is_attribute:
                text = _comment_docstring(obj)
                if text:
                    obj.docstring = griffe.Docstring(
                        text,
                        lineno=obj.lineno,
                        parent=obj,
                        parser=loader.docstring_parser,
                        parser_options=loader.docstring_options,
                    )
        for obj in objects:
            if obj.docstring is not None:
                obj.docstring.value = _markdown(obj.docstring.value, obj, pkg)
            if obj.is_class and _is_enum(obj):
                _list_enum_values(obj)
        for obj in _public_api(pkg):
            if obj.docstring is None or not obj.docstring.value.strip():
                logger.warning(f"{obj.path} is public but has no docstring ({obj.relative_filepath}:{obj.lineno})")


def _walk(obj: griffe.Object) -> Any:
    """Every object defined in ``obj`` (not imported), ``obj`` included."""
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from _walk(member)


def _public_api(pkg: griffe.Module) -> Any:
    """The objects the API reference shows: public modules, their exports, their public methods."""
    seen: set[str] = set()
    modules = [pkg, *(m for m in pkg.modules.values() if not m.name.startswith("_"))]
    for module in modules:
        yield module
        for name in module.exports or ():
            member = module.members.get(name)
            if member is None:
                continue
            target = member.final_target if member.is_alias else member
            if target.path in seen:
                continue
            seen.add(target.path)
            yield target
            if target.is_class:
                for child in target.members.values():
                    if child.is_alias or child.name.startswith("_"):
                        continue
                    if child.is_function or (child.is_attribute and "property" in child.labels):
                        yield child


def _comment_docstring(attr: griffe.Object) -> str:
    """The ``#:`` comment above an attribute's line, or on it, as Sphinx reads them."""
    lines = attr.lines_collection[attr.filepath]
    index = attr.lineno - 1
    trailing = lines[index].partition("#:")[2].strip() if "#:" in lines[index] else ""
    above: list[str] = []
    while index > 0 and lines[index - 1].strip().startswith("#:"):
        index -= 1
        above.insert(0, lines[index].strip()[2:].strip())
    return " ".join(above) or trailing


def _is_enum(cls: griffe.Object) -> bool:
    return any(str(base) in ENUM_BASES for base in cls.bases)


def _list_enum_values(cls: griffe.Object) -> None:
    """Add the string values of an enum's members (what the JSON form holds) to its docstring.

    Left out when every member has a docstring of its own, which the reference shows instead.
    """
    members = [m for m in cls.members.values() if m.is_attribute and not m.name.startswith("_") and m.value is not None]
    values = [str(m.value) for m in members]
    if not values or not all(v[:1] in "'\"" for v in values) or all(m.docstring for m in members):
        return
    if cls.docstring is not None:
        cls.docstring.value += "\n\nValues: " + ", ".join(f"`{v[1:-1]}`" for v in values) + "."


def _markdown(text: str, obj: griffe.Object, pkg: griffe.Module) -> str:
    """A docstring's reStructuredText habits as Markdown."""
    text = ROLE.sub(lambda match: _role(match, obj, pkg), text)
    return _literal_blocks(_tables(text.split("\n")))


def _role(match: re.Match[str], obj: griffe.Object, pkg: griffe.Module) -> str:
    kind, short, target = match.groups()
    target = target.lstrip("!.")
    shown = target.rsplit(".", 1)[-1] if short else target
    if kind in ("func", "meth"):
        shown += "()"
    found = _find(target, obj, pkg)
    if found is None and target.split(".")[0] not in EXTERNAL and _is_shown(obj):
        logger.warning(f"{obj.path}: the role :{kind}:`{target}` names nothing in the package")
    try:
        identifier = None if found is None else _public_path(found)
    except griffe.AliasResolutionError:  # a module the package imports (linecache): outside it
        identifier = None
    # An object the reference does not show (private, or outside the package) is named, not linked.
    return f"`{shown}`" if identifier is None else f"[`{shown}`][{identifier}]"


def _find(target: str, obj: griffe.Object, pkg: griffe.Module) -> Any:
    """The object ``target`` names, seen from ``obj`` as Python scoping would; None if nothing."""
    head, _, rest = target.partition(".")
    if head == PACKAGE:
        return _member(pkg, rest) if rest else pkg
    scope: Any = obj
    while scope is not None:  # the object, its class, its module, ..., the package
        if head in scope.members:
            return _member(scope, target)
        scope = scope.parent
    # As Sphinx reads ".name": the one member of a class in the same module with that name.
    module = obj if obj.is_module else obj.module
    owners = [cls for cls in module.classes.values() if target in cls.members]
    return _member(owners[0], target) if len(owners) == 1 else None


def _member(scope: Any, dotted: str) -> Any:
    try:
        return scope[dotted]
    except (KeyError, griffe.AliasResolutionError):
        return None


def _public_path(found: Any) -> str | None:
    """The path the reference shows an object under: its own if public, else its public alias's."""
    target = found.final_target if found.is_alias else found
    for candidate in (target, found):
        if _is_shown(candidate):
            return str(candidate.path)
    return None


def _is_shown(obj: Any) -> bool:
    """Whether the reference shows the object: it and every parent up to the package are public."""
    return all(part.is_public for part in _lineage(obj))


def _lineage(obj: Any) -> list[Any]:
    chain = []
    while obj is not None and obj.parent is not None:
        chain.append(obj)
        obj = obj.parent
    return chain


def _tables(lines: list[str]) -> list[str]:
    """reStructuredText simple tables as Markdown tables (a row whose first cell is blank continues the last)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not TABLE_RULE.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        spans = [match.span() for match in re.finditer(r"=+", lines[i])]
        rows: list[list[str]] = []
        rules = 1
        i += 1
        while i < len(lines) and rules < 3:
            line = lines[i]
            i += 1
            if TABLE_RULE.match(line):
                rules += 1
                continue
            cells = [
                line[a : (spans[k + 1][0] if k + 1 < len(spans) else len(line))].strip()
                for k, (a, _) in enumerate(spans)
            ]
            if rules == 2 and len(rows) > 1 and not cells[0]:
                rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells, strict=True)]
            else:
                rows.append(cells)
        out.append("| " + " | ".join(rows[0]) + " |")
        out.append("|" + "|".join("---" for _ in spans) + "|")
        out.extend("| " + " | ".join(row) + " |" for row in rows[1:])
    return out


def _literal_blocks(lines: list[str]) -> str:
    """``text::`` and the indented block after it become ``text:`` and a fenced code block."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not (line.rstrip().endswith("::") and _indented_block_follows(lines, index - 1)):
            out.append(line)
            continue
        if line.strip() != "::":
            out.append(line.rstrip()[:-1])
        block: list[str] = []
        indent = _indent(line)
        while index < len(lines) and (not lines[index].strip() or _indent(lines[index]) > indent):
            block.append(lines[index])
            index += 1
        while block and not block[-1].strip():
            block.pop()
        body = textwrap.dedent("\n".join(block)).strip("\n")
        language = "pycon" if body.startswith(">>>") else "python" if _is_python(body) else "text"
        out.extend(["", f"{' ' * indent}```{language}", *textwrap.indent(body, " " * indent).split("\n")])
        out.extend([f"{' ' * indent}```", ""])
    return "\n".join(out)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _indented_block_follows(lines: list[str], index: int) -> bool:
    for line in lines[index + 1 :]:
        if line.strip():
            return _indent(line) > _indent(lines[index])
    return False


def _is_python(text: str) -> bool:
    try:
        compile(text, "<docstring>", "exec")
    except SyntaxError:
        return False
    return True
