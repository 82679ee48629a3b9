"""Rewrite a dataset's JSON form from an earlier schema version into the current one.

Schema version 2 (nato-ukraine 0.2) changed three fields; every other change added fields,
which a file of version 1 simply does not have:

* a body's ``parent`` (one id or null) became ``parents`` (a list: some bodies belong to two);
* an event's ``bodies``, ``people`` and ``chair`` became ``participants``, each naming a body or
  a person with a role. Version 1 said nothing of roles, so each becomes a ``participant``, and
  the chair a ``chair``: review the roles, which the new form is for;
* a programme's ``status`` other than ``unknown`` needs ``status_as_of`` (the date of the
  document that states it) and ``status_citation`` (its words). Version 1 had neither, and
  nothing can be inferred: each such status is reported, to be completed by hand.

``nato-ukraine migrate FILE`` runs :func:`migrate` on a file and writes the result::

    >>> from nato_ukraine.migrate import migrate
    >>> new, notes = migrate({"bodies": [{"id": "b", "parent": "nato"}]})
    >>> new["bodies"][0]["parents"], notes
    (['nato'], [])
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any

__all__ = ["migrate", "migrate_file"]


def migrate_file(path: str | os.PathLike[str]) -> tuple[str, list[str]]:
    """A dataset file (one JSON document) rewritten in the current schema version, as the text
    of the new file (keys sorted, two spaces of indent), and the notes of :func:`migrate`.

    Raises:
        OSError: If the file cannot be read.
        ValueError: If it is not a JSON object (the message names the file).
    """
    with open(path, encoding="utf-8") as handle:
        try:
            document, notes = migrate(json.load(handle))
        except (ValueError, TypeError) as exc:  # (json's errors are ValueErrors)
            raise ValueError(f"{os.fspath(path)}: not a dataset document: {exc}") from None
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n", notes


def migrate(document: Any) -> tuple[dict[str, Any], list[str]]:
    """A dataset document (the JSON form, parsed) rewritten in the current schema version.

    Args:
        document: A dataset document of schema version 1 or 2: an object with a key per
            collection (and ``manifest``), or a dataset directory's ``manifest.json``. It is
            not changed.

    Returns:
        The document in schema version 2, and notes on what needs a person's attention, each
        with the path of what it is about (``programmes[3].status``).

    Raises:
        TypeError: If ``document`` is not a JSON object.
    """
    if not isinstance(document, dict):
        raise TypeError(f"a dataset document is a JSON object, not {type(document).__name__}")
    new: dict[str, Any] = copy.deepcopy(document)
    notes: list[str] = []
    for _, body in _records(new, "bodies"):
        if "parent" in body:
            parent = body.pop("parent")
            body["parents"] = [*body.get("parents", []), *([] if parent is None else [parent])]
    for _, event in _records(new, "events"):
        _participants(event)
    for i, programme in _records(new, "programmes"):
        status = programme.get("status", "unknown")
        missing = [key for key in ("status_as_of", "status_citation") if programme.get(key) is None]
        if status != "unknown" and missing:
            notes.append(
                f"programmes[{i}].status: {status!r} needs {' and '.join(missing)} (the date and words of "
                "the document that states it); give them, or leave the status out (unknown)"
            )
    manifest = new.get("manifest")
    if isinstance(manifest, dict):
        manifest["schema_version"] = 2
    elif _is_manifest(new):  # a directory's manifest.json: the manifest itself
        new["schema_version"] = 2
    return new, notes


def _is_manifest(document: dict[str, Any]) -> bool:
    """Whether a document is a manifest (``manifest.json``) rather than a dataset document."""
    return bool(document) and set(document) <= {"data_version", "as_of", "schema_version", "coverage"}


def _records(document: dict[str, Any], collection: str) -> list[tuple[int, dict[str, Any]]]:
    """The records of a collection that are objects, with their positions."""
    records = document.get(collection)
    if not isinstance(records, list):
        return []
    return [(i, record) for i, record in enumerate(records) if isinstance(record, dict)]


def _participants(event: dict[str, Any]) -> None:
    """Move an event's ``bodies``, ``people`` and ``chair`` into ``participants``."""
    if not any(key in event for key in ("bodies", "people", "chair")):
        return
    participants: list[dict[str, Any]] = list(event.get("participants", []))
    participants += [{"body": ref, "role": "participant"} for ref in event.pop("bodies", None) or []]
    chair = event.pop("chair", None)
    for ref in event.pop("people", None) or []:
        participants.append({"person": ref, "role": "chair" if ref == chair else "participant"})
    if chair is not None and not any(p.get("person") == chair for p in participants):
        participants.append({"person": chair, "role": "chair"})
    event["participants"] = participants
