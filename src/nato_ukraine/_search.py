"""Finding records by what people type: folded names for ``lookup``, ranked search for ``search``.

Both read the fields the record classes declare as names and prose
(:func:`nato_ukraine._fields.naming`), and both fold what they compare (:func:`fold`): case,
diacritics, punctuation and the order of words do not count, so "Communique", "NATO Ukraine
Commission" and "commission, NATO–Ukraine" each find what they mean. ``lookup`` goes no further:
it never guesses between two records. Search also forgives one typo in a word of four letters or
more, and ranks what it finds (see :func:`rank`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any, NamedTuple

from nato_ukraine._fields import naming

__all__ = ["Searchable", "fold", "fold_all", "rank", "search", "searchable", "words"]

# Punctuation and symbols separate words; letters, digits and marks are kept (the marks then
# dropped with the diacritics). A pattern as a string: the re module compiles it on first use.
_SEPARATORS = r"[^\w]+|_"

#: Each ASCII character but a letter or a digit, as a space: what the pattern above does, for the
#: common case of an ASCII text, in one translate.
_ASCII_SEPARATORS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def words(text: str) -> list[str]:
    """The words of a text, folded: lower case, without diacritics, punctuation a space."""
    if text.isascii():
        return text.translate(_ASCII_SEPARATORS).lower().split()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(_SEPARATORS, " ", plain).casefold().split()


def fold(text: str) -> str:
    """A name as ``lookup`` compares it: its folded words, in a fixed order (so "Commission
    NATO-Ukraine" is "NATO Ukraine Commission")."""
    return " ".join(sorted(words(text)))


def fold_all(texts: list[str]) -> list[str]:
    """:func:`fold` of each text."""
    return list(map(fold, texts))


class Searchable(NamedTuple):
    """What search reads of a record, folded once: its names, the words of each, its prose's words."""

    record: Any
    name: str
    others: frozenset[str]
    name_words: tuple[list[str], ...]
    all_name_words: frozenset[str]
    text_words: frozenset[str]


def searchable(records: Iterable[Any]) -> list[Searchable]:
    """What search reads of each record (built once, on the first search)."""
    found = []
    for record in records:
        names = naming(type(record))
        written = names.names(record)
        name_words = tuple(words(name) for name in written)
        found.append(
            Searchable(
                record,
                fold(written[0]),
                frozenset(fold(other) for other in written[1:]),
                name_words,
                frozenset(word for each in name_words for word in each),
                frozenset(words(names.text(record))),
            )
        )
    return found


def rank(item: Searchable, query: str, asked: list[str]) -> tuple[int, float] | None:
    """How well a record answers a search (lower is better), or None if it does not: 0 for its
    name, 1 for an alias or acronym, 2 when every word asked is a word of its names (better the
    more of one of its names they make: "Столтенберг" is half of the person's Ukrainian name, and
    a tenth of a news report's title), 3 when every word is a word of its prose; a word asked may
    differ from the one it matches by one letter (added, dropped or changed), if it has four or
    more."""
    if query == item.name or query == fold(item.record.id.replace("-", " ")):
        return (0, 0.0)
    if query in item.others:
        return (1, 0.0)
    if all(_has(item.all_name_words, word) for word in asked):
        return (2, -max(_share(name, asked) for name in item.name_words))
    if all(_has(item.text_words, word) for word in asked):
        return (3, 0.0)
    return None


def search(items: list[Searchable], text: str) -> list[Any]:
    """The records whose names or prose answer ``text``, best first, ties by id."""
    asked = words(text)
    if not asked:
        return []
    query = " ".join(sorted(asked))
    found = []
    for item in items:
        score = rank(item, query, asked)
        if score is not None:
            found.append((score, item.record.id, item.record))
    found.sort(key=lambda entry: (entry[0], entry[1]))
    return [record for _, _, record in found]


def _share(name: list[str], asked: list[str]) -> float:
    """How much of a name the words asked make: the share of its words that one of them matches."""
    return sum(any(_near(word, own) for word in asked) for own in name) / max(1, len(name))


def _has(known: frozenset[str], word: str) -> bool:
    """Whether ``word``, or a word one letter from it (for a word of four letters or more), is known."""
    return word in known or (len(word) >= 4 and any(_near(word, other) for other in known))


def _near(a: str, b: str) -> bool:
    """Whether two words are the same, or (both of four letters or more) one edit apart."""
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    at = 0
    while at < len(a) and a[at] == b[at]:
        at += 1
    if len(a) == len(b):  # one letter changed, the rest the same
        return a[at + 1 :] == b[at + 1 :]
    return a[at:] == b[at + 1 :]  # one letter added to the longer
