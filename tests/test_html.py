"""The HTML a notebook shows for a collection: a row per record (the first fifty), the cells a reader scans, and how
many rows are left out."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import nato_ukraine as nu


class _Table(HTMLParser):
    """The caption, the header cells and the rows' cells of an HTML table, as text (a folded cell: its summary)."""

    def __init__(self) -> None:
        super().__init__()
        self.caption = ""
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None  # the text of the open caption or cell
        self._folded = 0  # how deep inside <details> (whose text but the <summary> is left out)
        self._in_summary = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            self._folded += 1
        elif tag == "summary":
            self._in_summary = True
        elif self._folded == 0 and tag == "tr":
            self.rows.append([])
        elif self._folded == 0 and tag in ("caption", "th", "td"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "details":
            self._folded -= 1
        elif tag == "summary":
            self._in_summary = False
        elif self._folded == 0 and tag in ("caption", "th", "td") and self._cell is not None:
            text, self._cell = "".join(self._cell), None
            if tag == "caption":
                self.caption = text
            elif tag == "th":
                self.header.append(text)
            else:
                self.rows[-1].append(text)

    def handle_data(self, data: str) -> None:
        if self._cell is not None and (self._folded == 0 or self._in_summary):
            self._cell.append(data)


def table(html: str) -> _Table:
    parsed = _Table()
    parsed.feed(html)
    parsed.rows = [row for row in parsed.rows if row]  # (the header's row holds <th>s only)
    return parsed


@pytest.fixture(scope="module")
def ds() -> nu.Dataset:
    return nu.load()


def test_a_collection_of_events_shows_id_kind_date_name_and_how_many_citations(ds: nu.Dataset) -> None:
    events = ds.events.between("2024-01", "2024-01")
    shown = table(events._repr_html_())
    assert shown.caption == f"events: {len(events)} records"
    assert shown.header == ["id", "kind", "date", "name", "citations"]
    assert shown.rows == [[e.id, e.kind.value, str(e.date), e.name, str(len(e.citations))] for e in events]


def test_records_with_no_kind_have_no_kind_column_and_an_undated_one_an_empty_date(ds: nu.Dataset) -> None:
    people = ds.people
    shown = table(people._repr_html_())
    assert shown.header == ["id", "date", "name", "citations"]
    undated = next(p for p in people if not any(role.period for role in p.roles))
    row = next(r for r in shown.rows if r[0] == undated.id)
    assert row == [undated.id, "", undated.name, str(len(undated.citations))]


def test_a_body_shows_the_date_it_was_established(ds: nu.Dataset) -> None:
    body = ds.bodies["nato-ukraine-commission"]
    bodies = ds.bodies.filter(lambda b: b.id == body.id)
    assert table(bodies._repr_html_()).rows == [
        [body.id, body.kind.value, str(body.established), body.name, str(len(body.citations))]
    ]


def test_a_long_collection_shows_fifty_rows_and_says_how_many_more(ds: nu.Dataset) -> None:
    shown = table(ds.events._repr_html_())
    assert len(shown.rows) == 51  # fifty records and the line that counts the rest
    assert [row[0] for row in shown.rows[:50]] == [e.id for e in list(ds.events)[:50]]
    assert shown.rows[-1] == [f"… and {len(ds.events) - 50} more"]


def test_an_empty_collection_is_an_empty_table(ds: nu.Dataset) -> None:
    empty = ds.events.filter(lambda e: False)
    shown = table(empty._repr_html_())
    assert (shown.caption, shown.header, shown.rows) == ("events: 0 records", ["id", "date", "name", "citations"], [])
