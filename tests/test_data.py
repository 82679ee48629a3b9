"""Pin the bundled dataset: counts, key records field by field, and the rules every record keeps.

The counts and the records checked here are the expectation: a data change that alters them
must change this file too, so no data change goes unnoticed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import nato_ukraine as nu

SOURCES_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "sources"
#: The five documents, by the title their Source record gives (as ../shared/tools/check_evidence.py finds them).
DOCUMENTS = {
    "Statement by the NATO-Ukraine Council at the level of Foreign Ministers": "000_5ff808b7c297d437.txt",
    "Relations with Ukraine": "001_85a3364d930934ea.txt",
    "NATO-Ukraine Council Meets, Allies Pledge Further Air Defences": "002_96b92cf9017b96cc.txt",
    "NATO - Ukraine Relations": "003_6f33883e23405a69.txt",
    "NATO commits to expanding partnership with Ukraine": "004_ff0265a96a75f09a.txt",
}
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
COPIED_RUN = 60

# Which fields of which record class hold ids (``participants.body``: the body of each participation), and which
# collection they point into.
REFERENCES: dict[type, tuple[tuple[str, str], ...]] = {
    nu.Body: (("parents", "bodies"), ("predecessor", "bodies"), ("successor", "bodies")),
    nu.Programme: (
        ("parent", "programmes"),
        ("predecessor", "programmes"),
        ("successor", "programmes"),
        ("bodies", "bodies"),
        ("members", "bodies"),
    ),
    nu.Event: (
        ("participants.body", "bodies"),
        ("participants.person", "people"),
        ("outcomes.programme", "programmes"),
        ("outcomes.agreement", "agreements"),
        ("outcomes.body", "bodies"),
        ("programmes", "programmes"),
        ("agreements", "agreements"),
        ("operations", "operations"),
    ),
    nu.Agreement: (("parties", "bodies"), ("predecessor", "agreements"), ("successor", "agreements")),
    nu.Operation: (("predecessor", "operations"), ("successor", "operations")),
    nu.Person: (("roles.body", "bodies"),),
}


@pytest.fixture(scope="module")
def ds() -> nu.Dataset:
    return nu.load()


@pytest.fixture(scope="module")
def texts(ds: nu.Dataset) -> dict[str, str]:
    """The folded text of each of the five documents, by the id of the source whose title names it."""
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"the source documents are not at {SOURCES_DIR}")
    return {
        source.id: _fold((SOURCES_DIR / DOCUMENTS[source.title]).read_text(encoding="utf-8"))
        for source in ds.sources
        if source.title in DOCUMENTS and source.url is None  # (a web page may share a document's title)
    }


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _strings(getattr(value, field.name))


def _cited(ds: nu.Dataset) -> Iterator[Any]:
    for name, collection in ds.collections().items():
        if name != "sources":
            yield from collection


def _citations(value: Any, where: str = "") -> Iterator[tuple[str, nu.Citation]]:
    """Every citation in a record, however deeply nested (a figure's, a status's), with its path."""
    if isinstance(value, nu.Citation):
        yield where, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _citations(item, f"{where}[{i}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _citations(getattr(value, field.name), f"{where}.{field.name}")


def _every_citation(ds: nu.Dataset) -> Iterator[tuple[str, str, nu.Citation]]:
    """(record id, path in the record, citation) for every citation in the dataset."""
    for record in ds.records():
        for where, citation in _citations(record):
            yield record.id, where, citation


def _ids_at(record: Any, path: str) -> list[str]:
    """The ids at a dotted path in a record (``participants.body``), through tuples, None left out."""
    values = [record]
    for name in path.split("."):
        found = []
        for value in values:
            held = getattr(value, name)
            found += list(held) if isinstance(held, tuple) else [] if held is None else [held]
        values = found
    return values


# --- counts and manifest ------------------------------------------------------------------


def test_collection_counts(ds: nu.Dataset) -> None:
    """The bundled dataset holds exactly the pinned number of records in each collection."""
    expected = {
        "sources": 425,
        "bodies": 67,
        "programmes": 43,
        "events": 233,
        "agreements": 33,
        "operations": 9,
        "people": 48,
    }
    assert expected == {name: len(collection) for name, collection in ds.collections().items()}


def test_manifest(ds: nu.Dataset) -> None:
    """The data is version 2024.3.0, schema 2, as of the latest date it covers, 3 December 2025."""
    assert ("2024.3.0", "2025-12-03", 2) == (ds.data_version, str(ds.as_of), ds.schema_version)


def test_coverage_names_every_collection_and_only_cited_sources(ds: nu.Dataset) -> None:
    """The manifest declares coverage for every collection, resting on sources the dataset has."""
    assert set(ds.collections()) == set(ds.coverage)
    for coverage in ds.coverage.values():
        assert set(coverage.sources) <= set(ds.sources.ids())


def test_the_five_documents_are_sources(ds: nu.Dataset) -> None:
    """The five documents carry the titles, publishers, dates and kinds of the documents' README."""
    expected = {
        "nuc-foreign-ministers-statement-2023": (
            "Statement by the NATO-Ukraine Council at the level of Foreign Ministers",
            "NATO",
            "2023-11-29",
            nu.SourceKind.OFFICIAL_STATEMENT,
        ),
        "nato-relations-with-ukraine": (
            "Relations with Ukraine",
            "NATO",
            "2022-06-15",
            nu.SourceKind.OFFICIAL_WEB_PAGE,
        ),
        "nuc-air-defence-meeting-report-2024": (
            "NATO-Ukraine Council Meets, Allies Pledge Further Air Defences",
            None,
            "2024-01-10",
            nu.SourceKind.NEWS_REPORT,
        ),
        "nato-library-ukraine-research-guide": (
            "NATO - Ukraine Relations",
            "NATO Multimedia Library",
            None,
            nu.SourceKind.RESEARCH_GUIDE,
        ),
        "bucharest-ministerial-news-report-2022": (
            "NATO commits to expanding partnership with Ukraine",
            None,
            "2022-11-29",
            nu.SourceKind.NEWS_REPORT,
        ),
    }
    actual = {
        s.id: (s.title, s.publisher, None if s.published is None else str(s.published), s.kind)
        for s in ds.sources
        if s.url is None
    }
    assert expected == actual


def test_every_other_source_is_a_retrieved_web_page(ds: nu.Dataset) -> None:
    """Every source but the five documents is a stored web page: a url, the date it was retrieved, and a kind
    (news and secondary pages marked as such)."""
    pages = [s for s in ds.sources if s.url is not None]
    assert len(pages) == len(ds.sources) - 5
    assert [] == [s.id for s in pages if not s.url.startswith(("http://", "https://")) or s.retrieved is None]
    kinds = {s.kind for s in pages}
    assert {nu.SourceKind.NEWS_REPORT, nu.SourceKind.OFFICIAL_STATEMENT, nu.SourceKind.OFFICIAL_WEB_PAGE} <= kinds


# --- records checked field by field --------------------------------------------------------


def test_nato_ukraine_commission(ds: nu.Dataset) -> None:
    """The Commission is a joint commission of 1997, ended July 2023, succeeded by the Council."""
    nuc = ds.bodies["nato-ukraine-commission"]
    expected = (
        "NATO-Ukraine Commission",
        "NUC",
        nu.BodyKind.COMMISSION,
        nu.Side.JOINT,
        "1997",
        nu.Precision.YEAR,
        "2023-07",
        nu.Precision.MONTH,
        None,
        "nato-ukraine-council",
    )
    actual = (
        nuc.name,
        nuc.acronym,
        nuc.kind,
        nuc.side,
        str(nuc.established),
        nuc.established.precision if nuc.established else None,
        str(nuc.dissolved),
        nuc.dissolved.precision if nuc.dissolved else None,
        nuc.predecessor,
        nuc.successor,
    )
    assert expected == actual


def test_nato_ukraine_council(ds: nu.Dataset) -> None:
    """The Council is a joint council created in July 2023, succeeding the Commission."""
    nuc = ds.bodies["nato-ukraine-council"]
    expected = (
        "NATO-Ukraine Council",
        "NUC",
        nu.BodyKind.COUNCIL,
        nu.Side.JOINT,
        "2023-07",
        None,
        "nato-ukraine-commission",
        None,
    )
    actual = (
        nuc.name,
        nuc.acronym,
        nuc.kind,
        nuc.side,
        str(nuc.established),
        nuc.dissolved,
        nuc.predecessor,
        nuc.successor,
    )
    assert expected == actual


def test_nuc_resolves_by_date(ds: nu.Dataset) -> None:
    """The acronym NUC means the Commission before July 2023 and the Council after."""
    assert ("nato-ukraine-commission", "nato-ukraine-council") == (
        ds.lookup("NUC", on="2020-05-01").id,
        ds.lookup("NUC", on="2024-01-10").id,
    )


def test_comprehensive_assistance_package(ds: nu.Dataset) -> None:
    """CAP is an active assistance package running since July 2016, with the Representation among its bodies."""
    cap = ds.programmes["comprehensive-assistance-package"]
    expected = ("CAP", nu.ProgrammeKind.ASSISTANCE_PACKAGE, "2016-07", None, nu.ProgrammeStatus.ACTIVE, None)
    actual = (cap.acronym, cap.kind, str(cap.period.start), cap.period.end, cap.status, cap.parent)
    assert expected == actual
    assert {"nato", "nato-representation-to-ukraine"} == set(cap.bodies)


def test_the_six_trust_funds(ds: nu.Dataset) -> None:
    """Each of the six trust funds is its own record; the five of the research guide's "five critical areas" have
    the PfP trust fund policy as their parent, the EOD and C-IED fund (a sixth, launched in 2015) none."""
    policy = "pfp-trust-fund-policy"
    expected = {
        "c4-trust-fund": policy,
        "medical-rehabilitation-trust-fund": policy,
        "military-career-transition-trust-fund": policy,
        "eod-c-ied-trust-fund": None,
        "cyber-defence-trust-fund": policy,
        "logistics-and-standardization-trust-fund": policy,
    }
    funds = ds.programmes.where(kind=nu.ProgrammeKind.TRUST_FUND)
    assert expected == {fund.id: fund.parent for fund in funds}
    assert sorted(fund for fund, parent in expected.items() if parent) == ds.programmes.where(parent=policy).ids()


def test_cyber_defence_trust_fund_completed_in_2017(ds: nu.Dataset) -> None:
    """The Cyber Defence trust fund is completed, its period ending in 2017 at year precision."""
    fund = ds.programmes["cyber-defence-trust-fund"]
    expected = (nu.ProgrammeStatus.COMPLETED, None, "2017", nu.Precision.YEAR)
    actual = (
        fund.status,
        fund.period.start,
        str(fund.period.end),
        fund.period.end.precision if fund.period.end else None,
    )
    assert expected == actual


def test_nato_representation_to_ukraine(ds: nu.Dataset) -> None:
    """The NATO Representation was established in September 2015, in Kyiv, as NATO's."""
    rep = ds.bodies["nato-representation-to-ukraine"]
    expected = (nu.BodyKind.REPRESENTATION, nu.Side.NATO, "nato", "2015-09", nu.Precision.MONTH, "Kyiv")
    actual = (
        rep.kind,
        rep.side,
        rep.parent,
        str(rep.established),
        rep.established.precision if rep.established else None,
        rep.location,
    )
    assert expected == actual


def test_the_representation_has_its_two_parts(ds: nu.Dataset) -> None:
    """The NIDC (7 May 1997) and the NLO (April 1999), both in Kyiv, are the parts of the NATO Representation."""
    expected = {
        "nato-information-and-documentation-centre": ("NIDC", "nato-representation-to-ukraine", "1997-05-07", "Kyiv"),
        "nato-liaison-office": ("NLO", "nato-representation-to-ukraine", "1999-04", "Kyiv"),
    }
    parts = ds.bodies.filter(lambda body: "nato-representation-to-ukraine" in body.parents)
    actual = {body.id: (body.acronym, body.parent, str(body.established), body.location) for body in parts}
    assert expected == actual


def test_enhanced_opportunity_partner_june_2020(ds: nu.Dataset) -> None:
    """Ukraine became an Enhanced Opportunity Partner on 12 June 2020 (the id keeps the month it was made with)."""
    event = ds.events["ukraine-becomes-enhanced-opportunity-partner-2020-06"]
    expected = (nu.EventKind.ACCESSION, "2020-06-12", nu.Precision.DAY, None)
    assert expected == (event.kind, str(event.date), event.date.precision, event.end)
    assert "enhanced-opportunity-partner-status" in event.programmes
    assert "ukraine" in event.bodies


def test_nuc_meeting_of_10_january_2024(ds: nu.Dataset) -> None:
    """The 10 January 2024 Council meeting was held at ambassador level, chaired by Jens Stoltenberg."""
    event = ds.events["nuc-ambassadors-meeting-2024-01-10"]
    expected = (nu.EventKind.MEETING, "2024-01-10", nu.MeetingLevel.AMBASSADORS, "jens-stoltenberg")
    assert expected == (event.kind, str(event.date), event.level, event.chair)
    assert "nato-ukraine-council" in event.bodies
    assert "nato-ukraine-commission" not in event.bodies
    assert {"nuc-ambassadors-meeting-2024-01-10"} == set(ds.events.on("2024-01-10", definitely=True).ids())
    assert all(str(e.date) == "2024-01" for e in ds.events.on("2024-01-10") if e.id != event.id)


def test_nuc_meeting_of_29_november_2023(ds: nu.Dataset) -> None:
    """The first Council meeting of foreign ministers took place in Brussels on 29 November 2023."""
    event = ds.events["nuc-foreign-ministers-meeting-2023-11-29"]
    expected = (nu.EventKind.MEETING, "2023-11-29", nu.MeetingLevel.FOREIGN_MINISTERS, "Brussels")
    assert expected == (event.kind, str(event.date), event.level, event.location)
    assert "nato-ukraine-council" in event.bodies


def test_warsaw_meeting_endorsing_cap(ds: nu.Dataset) -> None:
    """The Commission's heads-of-state meeting at Warsaw on 9 July 2016 endorsed CAP: CAP is its outcome, endorsed."""
    event = ds.events["nuc-heads-of-state-meeting-2016-07-09"]
    expected = (nu.EventKind.MEETING, "2016-07-09", nu.MeetingLevel.HEADS_OF_STATE_AND_GOVERNMENT, "Warsaw")
    assert expected == (event.kind, str(event.date), event.level, event.location)
    assert ("nato-ukraine-commission",) == event.bodies
    assert nu.Outcome(programme="comprehensive-assistance-package", role=nu.OutcomeRole.ENDORSED) in event.outcomes
    assert event in ds.events.where(endorsed="comprehensive-assistance-package")
    assert (nu.EventKind.SUMMIT, "2016-07") == (
        ds.events["warsaw-summit-2016"].kind,
        str(ds.events["warsaw-summit-2016"].date),
    )


def test_bucharest_summit_is_a_foreign_ministers_meeting(ds: nu.Dataset) -> None:
    """The November 2022 "summit" in Bucharest is a two-day foreign ministers' meeting; the loose name is an alias."""
    event = ds.events["nato-foreign-ministers-meeting-bucharest-2022-11-29"]
    expected = (nu.EventKind.MEETING, nu.MeetingLevel.FOREIGN_MINISTERS, "2022-11-29", "2022-11-30", "Bucharest")
    assert expected == (event.kind, event.level, str(event.date), str(event.end), event.location)
    assert "Bucharest summit" in event.aliases


def test_jens_stoltenberg(ds: nu.Dataset) -> None:
    """Jens Stoltenberg's role is Secretary General of NATO."""
    person = ds.people["jens-stoltenberg"]
    assert (("Secretary General of NATO", "nato", None),) == tuple((r.title, r.body, r.period) for r in person.roles)


def test_charter_on_a_distinctive_partnership(ds: nu.Dataset) -> None:
    """The Charter is a charter between NATO and Ukraine signed on 9 July 1997 (in Madrid)."""
    charter = ds.agreements["charter-on-a-distinctive-partnership"]
    expected = (nu.AgreementKind.CHARTER, "1997-07-09", nu.Precision.DAY, ("nato", "ukraine"))
    assert expected == (
        charter.kind,
        str(charter.signed),
        charter.signed.precision if charter.signed else None,
        charter.parties,
    )


def test_dates_keep_the_precision_of_the_text(ds: nu.Dataset) -> None:
    """Dates the sources give as a month or a year stay a month or a year; none gains a day (a day comes only
    with a source that gives it: the 2017 law's 8 June, the Charter's 9 July 1997)."""
    expected = {
        ("agreements", "law-on-nato-membership-as-policy-objective-2017", "signed"): "2017-06-08",
        ("events", "verkhovna-rada-adopts-nato-membership-legislation-2017-06", "date"): "2017-06-08",
        ("agreements", "constitutional-amendment-on-nato-membership-2019", "in_force"): "2019",
        ("agreements", "pfp-status-of-forces-agreement", "in_force"): "2000-05",
        ("events", "nuc-extraordinary-meetings-2022-01", "date"): "2022-01",
        ("events", "nuc-extraordinary-meetings-2022-02", "date"): "2022-02",
        ("events", "warsaw-summit-2016", "date"): "2016-07",
        ("events", "charter-on-a-distinctive-partnership-signed-1997", "date"): "1997-07-09",
        ("bodies", "joint-working-group-on-defence-reform", "established"): "1998-02",
        ("events", "ukraine-joins-partnership-for-peace-1994", "date"): "1994-02",
        ("events", "declaration-to-complement-the-charter-signed-2009", "date"): "2009-08",
        ("events", "vilnius-summit-2023", "date"): "2023-07",
    }
    actual = {key: str(getattr(ds.collections()[key[0]][key[1]], key[2])) for key in expected}
    assert expected == actual


def test_implied_years_are_said_so(ds: nu.Dataset) -> None:
    """Records whose year is only implied by the text's context say so in their description."""
    implied = [
        "crimea-referendum-2014-03-16",
        "nac-statement-on-crimea-referendum-2014-03-16",
    ]
    assert [] == [i for i in implied if "implied" not in ds.events[i].description]


# --- rules every record keeps ----------------------------------------------------------------


def test_ids_are_unique_slugs(ds: nu.Dataset) -> None:
    """Every id is a lower-case slug and no two records share one, across all collections."""
    ids = [record.id for record in ds.records()]
    assert [] == [i for i in ids if not SLUG.fullmatch(i)]
    assert len(ids) == len(set(ids))


def test_every_reference_resolves(ds: nu.Dataset) -> None:
    """Every id a record refers to names a record of the right collection."""
    collections = ds.collections()
    dangling = []
    for record in ds.records():
        for path, target in REFERENCES.get(type(record), ()):
            dangling += [(record.id, path, ref) for ref in _ids_at(record, path) if ref not in collections[target]]
        dangling += [(record.id, where, c.source) for where, c in _citations(record) if c.source not in ds.sources]
    assert [] == dangling


def test_successions_are_mutual(ds: nu.Dataset) -> None:
    """A body's successor names it as predecessor, and the other way round."""
    pairs = {(b.id, b.successor) for b in ds.bodies if b.successor}
    reverse = {(b.predecessor, b.id) for b in ds.bodies if b.predecessor}
    assert pairs == reverse


def test_every_record_but_a_source_is_cited(ds: nu.Dataset) -> None:
    """Every non-source record has at least one citation, and every citation, nested ones included, names a
    source."""
    assert [] == [record.id for record in _cited(ds) if not record.citations]
    cited = {c.source for _, _, c in _every_citation(ds)}
    assert cited <= set(ds.sources.ids())


def test_quotes_are_short_and_located(ds: nu.Dataset) -> None:
    """Every quote, nested ones included (a figure's, a status's), is at most 300 characters, and every citation
    of one of the five long documents says where in it the quote stands (a web page's quote is found by its
    text)."""
    documents = {s.id for s in ds.sources if s.url is None}
    assert [] == [
        (rid, where)
        for rid, where, c in _every_citation(ds)
        if len(c.quote) > 300 or (c.source in documents and not c.locator)
    ]


def test_every_citation_is_looked_at_by_the_evidence_checks(ds: nu.Dataset) -> None:
    """The citations the checks below walk include nested ones: every figure's and every stated status's."""
    paths = [where for _, where, _ in _every_citation(ds)]
    figures = sum(len(record.figures) for record in _cited(ds))
    statuses = sum(1 for p in ds.programmes if p.status_citation is not None)
    assert (figures, statuses) == (
        sum(1 for where in paths if where.startswith(".figures[")),
        sum(1 for where in paths if where == ".status_citation"),
    )
    assert figures > 0
    assert statuses > 0


def test_quotes_are_verbatim(ds: nu.Dataset, texts: dict[str, str]) -> None:
    """Every quote of one of the five documents, nested ones included (a figure's, a status's), appears word for
    word in the document its source's title names, white space folded (as ../shared/tools/check_evidence.py
    checks them); a citation of any other source has a source with a url."""
    assert 5 == len(texts)
    assert [] == [
        (rid, where, c.quote[:60])
        for rid, where, c in _every_citation(ds)
        if c.source in texts and _fold(c.quote) not in texts[c.source]
    ]
    assert [] == [
        (rid, where) for rid, where, c in _every_citation(ds) if c.source not in texts and not ds[c.source].url
    ]  # type: ignore[union-attr]


def test_a_stated_status_is_dated_and_cited(ds: nu.Dataset) -> None:
    """No programme has a status other than unknown without the date and the words of the document that states it;
    the date is the publication date of the source cited, when it has one."""
    stated = [p for p in ds.programmes if p.status is not nu.ProgrammeStatus.UNKNOWN]
    assert [] == [p.id for p in stated if p.status_as_of is None or p.status_citation is None]
    undated = []
    for programme in stated:
        assert programme.status_citation is not None
        published = ds.sources[programme.status_citation.source].published
        if published is not None and published != programme.status_as_of:
            undated.append((programme.id, str(programme.status_as_of), str(published)))
    assert [] == undated
    assert stated


def test_strings_are_nfc(ds: nu.Dataset) -> None:
    """Every string in the data is NFC-normalised."""
    assert [] == [
        (record.id, s[:40])
        for record in ds.records()
        for s in _strings(record)
        if not unicodedata.is_normalized("NFC", s)
    ]


def test_descriptions_are_present(ds: nu.Dataset) -> None:
    """Every record has a description."""
    assert [] == [record.id for record in ds.records() if not record.description.strip()]


def test_descriptions_are_in_our_own_words(ds: nu.Dataset, texts: dict[str, str]) -> None:
    """No description copies a run of 60 or more characters from a source document."""
    corpus = [text.replace("\u2019", "'") for text in texts.values()]
    copied = []
    for record in ds.records():
        text = _fold(record.description).replace("\u2019", "'")
        for i in range(len(text) - COPIED_RUN + 1):
            if any(text[i : i + COPIED_RUN] in doc for doc in corpus):
                copied.append((record.id, text[i : i + COPIED_RUN]))
                break
    assert [] == copied


def test_periods_and_spans_are_ordered(ds: nu.Dataset) -> None:
    """No period, event or body ends before it starts."""
    disordered: list[tuple[str, ...]] = []
    for record in ds.records():
        for start, end in (("established", "dissolved"), ("date", "end"), ("signed", "in_force")):
            first, last = getattr(record, start, None), getattr(record, end, None)
            if first is not None and last is not None and last.latest < first.earliest:
                disordered.append((record.id, start, end))
        for name in ("period", "contribution_period"):
            period = getattr(record, name, None)
            start_, end_ = (None, None) if period is None else (period.start, period.end)
            if start_ is not None and end_ is not None and end_.latest < start_.earliest:
                disordered.append((record.id, name))
    assert [] == disordered


def test_meeting_levels_only_on_meetings(ds: nu.Dataset) -> None:
    """Only meetings carry a meeting level."""
    assert [] == [e.id for e in ds.events if e.level is not None and e.kind is not nu.EventKind.MEETING]
