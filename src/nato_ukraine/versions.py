"""What a data upgrade changes: ids added, removed and changed between two datasets.

An application that stores our ids pins a data version; before it moves to a new one, it
compares the two::

    >>> import nato_ukraine as nu
    >>> ds = nu.load()
    >>> nu.diff(ds, ds).is_empty
    True

Ids are never renamed or reused, so a removed id is a major data version: :attr:`DatasetDiff.is_major`
says whether a change needs one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from nato_ukraine.dataset import Dataset
    from nato_ukraine.models import Record

__all__ = ["DatasetDiff", "RecordChange", "diff"]


@attrs.frozen
class RecordChange:
    """One record present in both datasets whose fields differ.

    Attributes:
        id: The record's id.
        fields: The names of the fields that differ, in the class's field order (``"type"``
            when the record changed class).
        old: The record in the old dataset.
        new: The record in the new dataset.
    """

    id: str
    fields: tuple[str, ...]
    old: Record
    new: Record


@attrs.frozen
class DatasetDiff:
    """The difference between two datasets, by id.

    Attributes:
        old_version: The old dataset's data version.
        new_version: The new dataset's data version.
        added: Ids only in the new dataset, sorted.
        removed: Ids only in the old dataset, sorted.
        changed: Records in both whose fields differ, sorted by id.
    """

    old_version: str | None
    new_version: str | None
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[RecordChange, ...]

    @property
    def is_empty(self) -> bool:
        """True when the two datasets hold the same records."""
        return not (self.added or self.removed or self.changed)

    @property
    def is_major(self) -> bool:
        """True when an id was removed (or changed class), which only a major data version may do."""
        return bool(self.removed) or any("type" in change.fields for change in self.changed)

    def __str__(self) -> str:
        lines = [f"data {self.old_version or '?'} -> {self.new_version or '?'}"]
        lines += [f"+ {record_id}" for record_id in self.added]
        lines += [f"- {record_id}" for record_id in self.removed]
        lines += [f"~ {change.id}: {', '.join(change.fields)}" for change in self.changed]
        if self.is_empty:
            lines.append("no records differ")
        return "\n".join(lines)


def diff(old: Dataset, new: Dataset) -> DatasetDiff:
    """Compare two datasets record by record.

    Args:
        old: The dataset an application uses now.
        new: The dataset it considers moving to.

    Returns:
        The ids added, removed and changed, with the fields that changed.

    Raises:
        TypeError: If either is not a dataset.
    """
    from nato_ukraine.dataset import Dataset

    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Dataset):
            raise TypeError(f"expected two datasets (nato_ukraine.load()), but {name} is a {type(value).__name__}")
    old_ids = {record.id: record for record in old.records()}
    new_ids = {record.id: record for record in new.records()}
    changed = []
    for record_id in sorted(old_ids.keys() & new_ids.keys()):
        before, after = old_ids[record_id], new_ids[record_id]
        if before == after:
            continue
        if type(before) is not type(after):
            fields: tuple[str, ...] = ("type",)
        else:
            fields = tuple(
                a.name for a in attrs.fields(type(before)) if getattr(before, a.name) != getattr(after, a.name)
            )
        changed.append(RecordChange(record_id, fields, before, after))
    return DatasetDiff(
        old_version=old.data_version,
        new_version=new.data_version,
        added=tuple(sorted(new_ids.keys() - old_ids.keys())),
        removed=tuple(sorted(old_ids.keys() - new_ids.keys())),
        changed=tuple(changed),
    )
