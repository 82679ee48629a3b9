"""Synthetic dataset files for the benchmark, in schema version 2, shaped like the bundled data.

Each record looks like one a curator writes: a slug id, a name of a few words, a description of
about 150 characters, one or two citations with a quote of about 120 characters, partial dates
at mixed precision (a quarter years, a third months, the rest days), references into generated
bodies, programmes, agreements and people. An event names its participants as the bundled
events do (``{"body": id, "role": "participant"}``, ``{"person": id, "role": "chair"}``): two on
average, one in eight a person, in the roles and proportions of ``data/events.json``; a third of
the events have outcomes (``{"agreement": id, "role": "signed"}``), one in seven marks its date
inferred. Over half the programmes state a status, with its date and citation; about half the
bodies have parents (a few two), and a few records of each kind have a figure. The text is drawn
from a fixed vocabulary with a fixed seed, so every run writes the same bytes.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

WORDS = (
    "allies",
    "agree",
    "alliance",
    "assistance",
    "capability",
    "centre",
    "commission",
    "council",
    "cyber",
    "defence",
    "dialogue",
    "exercise",
    "forces",
    "framework",
    "fund",
    "government",
    "initiative",
    "interoperability",
    "kyiv",
    "logistics",
    "meeting",
    "military",
    "ministers",
    "mission",
    "modernisation",
    "national",
    "north",
    "office",
    "partnership",
    "plan",
    "political",
    "programme",
    "reform",
    "representation",
    "review",
    "security",
    "standards",
    "statement",
    "strategic",
    "summit",
    "support",
    "training",
    "trust",
    "ukraine",
    "cooperation",
    "declaration",
    "delegation",
    "democratic",
    "education",
    "energy",
    "integration",
    "parliament",
    "procurement",
    "readiness",
    "resilience",
    "sanctions",
    "strategy",
    "transition",
)
CITIES = ("Brussels", "Kyiv", "Madrid", "Vilnius", "Washington", "Warsaw", "Bucharest", "Wales", "Lviv", "Odesa")
LOCATORS = ("para. 1", "para. 2", "para. 3", "chronology", "Key areas of cooperation", "Background")
EVENT_KINDS = (
    "meeting",
    "summit",
    "statement",
    "signing",
    "decision",
    "launch",
    "visit",
    "legislation",
    "endorsement",
    "deployment",
)
LEVELS = ("heads_of_state_and_government", "foreign_ministers", "defence_ministers", "ambassadors", "working_level")
FIRST_YEAR, LAST_YEAR = 1991, 2024


def _text(rng: random.Random, length: int) -> str:
    """Words up to about ``length`` characters, as a sentence."""
    words: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words).capitalize() + "."


def _slug(rng: random.Random, words: int, number: int) -> str:
    return "-".join(rng.choice(WORDS) for _ in range(words)) + f"-{number}"


def _date(rng: random.Random) -> str:
    """A partial date: a year (25%), a month (35%) or a day (40%)."""
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    roll = rng.random()
    if roll < 0.25:
        return f"{year:04d}"
    month = rng.randint(1, 12)
    if roll < 0.60:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{rng.randint(1, 28):02d}"


def _later(date: str, rng: random.Random) -> str:
    """A day-precision date a few days after ``date`` (an event of several days)."""
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else 12
    day = int(date[8:10]) if len(date) == 10 else 28
    if len(date) < 10:  # a coarse start ends on a day in its last month
        return f"{year:04d}-{month:02d}-{rng.randint(day - 2, day):02d}" if len(date) == 7 else f"{year:04d}-12-30"
    return f"{year:04d}-{month:02d}-{min(day + rng.randint(1, 3), 28):02d}"


#: How many participants an event has, and how often (the bundled events: 94, 2.0 on average).
PARTICIPANTS = {0: 12, 1: 25, 2: 33, 3: 14, 4: 5, 5: 2, 6: 1, 7: 1, 14: 1}
#: The share of participations that name a person rather than a body (the bundled: 22 of 190).
PERSON_SHARE = 0.12
#: The roles of bodies and of people among the bundled events' participants, and how often.
BODY_ROLES = {
    "participant": 84,
    "subject": 53,
    "signatory": 13,
    "supplier": 10,
    "briefed": 3,
    "requested": 3,
    "host": 2,
}
PERSON_ROLES = {"participant": 11, "addressed": 3, "briefed": 3, "chair": 2, "host": 1, "endorsed": 1, "subject": 1}
#: How many outcomes an event has, what they name and their verbs (the bundled: 37 in 94 events).
OUTCOMES = {0: 62, 1: 28, 2: 3, 3: 1}
OUTCOME_TARGETS = {"agreement": 18, "programme": 11, "body": 8}
OUTCOME_ROLES = {
    "established": 10,
    "adopted": 8,
    "signed": 7,
    "endorsed": 5,
    "launched": 2,
    "ratified": 2,
    "agreed": 2,
    "not_granted": 1,
}
#: How many programmes an event involves otherwise than as outcomes (the bundled: 23 in 94).
EVENT_PROGRAMMES = {0: 71, 1: 19, 2: 3, 7: 1}
UNITS = ("days", "hours", "institutions", "missiles", "EUR", "members", "standards")
QUALIFIERS = ("exact", "exact", "exact", "about", "up_to", "at_least", "more_than")


def _weighted(rng: random.Random, table: dict[Any, int]) -> Any:
    return rng.choices(tuple(table), weights=tuple(table.values()))[0]


def _citation(rng: random.Random, sources: list[str]) -> dict[str, Any]:
    cite: dict[str, Any] = {"source": rng.choice(sources), "quote": _text(rng, 120)}
    if rng.random() < 0.7:
        cite["locator"] = rng.choice(LOCATORS)
    return cite


def _citations(rng: random.Random, sources: list[str]) -> list[dict[str, Any]]:
    return [_citation(rng, sources) for _ in range(rng.choice((1, 1, 2)))]


def _cited(rng: random.Random, record: dict[str, Any], sources: list[str], figures: float, inferred: str) -> None:
    """Add a record's citations, and now and then a figure (share ``figures``) and an inferred field."""
    record["citations"] = _citations(rng, sources)
    if rng.random() < figures:
        figure: dict[str, Any] = {
            "value": rng.randint(2, 5000),
            "unit": rng.choice(UNITS),
            "counts": _text(rng, 30).rstrip("."),
            "qualifier": rng.choice(QUALIFIERS),
            "citation": _citation(rng, sources),
        }
        if rng.random() < 0.6:
            figure["as_of"] = _date(rng)
        record["figures"] = [figure]
    if inferred and inferred in record and rng.random() < 0.15:
        record["inferred"] = [inferred]


def _participants(rng: random.Random, body_ids: list[str], person_ids: list[str]) -> list[dict[str, str]]:
    """An event's participants: distinct bodies and people, each with a role."""
    count = _weighted(rng, PARTICIPANTS)
    people = min(sum(rng.random() < PERSON_SHARE for _ in range(count)), len(person_ids))
    found = [{"body": ref, "role": _weighted(rng, BODY_ROLES)} for ref in rng.sample(body_ids, count - people)]
    found += [{"person": ref, "role": _weighted(rng, PERSON_ROLES)} for ref in rng.sample(person_ids, people)]
    rng.shuffle(found)
    return found


def _outcomes(rng: random.Random, targets: dict[str, list[str]]) -> list[dict[str, str]]:
    found = []
    for _ in range(_weighted(rng, OUTCOMES)):
        what = _weighted(rng, OUTCOME_TARGETS)
        found.append({what: rng.choice(targets[what]), "role": _weighted(rng, OUTCOME_ROLES)})
    return found


def generate(events: int, *, seed: int = 2024) -> dict[str, Any]:
    """A whole dataset (one JSON object keyed by collection) with ``events`` events.

    Bodies and programmes number one per fifty events (at least twenty each), agreements and
    people one per hundred (at least ten each), sources ten.
    """
    rng = random.Random(seed)
    sources = [
        {"id": f"source-{i}", "name": f"Source {i}", "title": _text(rng, 40), "kind": "official_web_page"}
        for i in range(10)
    ]
    source_ids = [s["id"] for s in sources]
    bodies: list[dict[str, Any]] = []
    for i in range(max(20, events // 50)):
        body: dict[str, Any] = {
            "id": _slug(rng, 3, i),
            "name": _text(rng, 30).rstrip("."),
            "kind": rng.choice(("council", "commission", "office", "agency", "ministry")),
            "side": rng.choice(("nato", "ukraine", "joint")),
            "description": _text(rng, 150),
        }
        if bodies and rng.random() < 0.48:  # part of a body listed before it: no cycle
            body["parents"] = rng.sample([b["id"] for b in bodies[-50:]], 2 if rng.random() < 0.05 else 1)
        if rng.random() < 0.5:
            body["established"] = _date(rng)
        if rng.random() < 0.3:
            body["acronym"] = "".join(w[0] for w in body["name"].split()).upper()
        if rng.random() < 0.03:
            body["levels"] = rng.sample(LEVELS, 2)
        _cited(rng, body, source_ids, 0.03, "established")
        bodies.append(body)
    body_ids = [b["id"] for b in bodies]
    programmes: list[dict[str, Any]] = []
    for i in range(max(20, events // 50)):
        start = _date(rng)
        period = {"start": start}
        if rng.random() < 0.6:
            period["end"] = str(int(start[:4]) + rng.randint(1, 6))
        programme: dict[str, Any] = {
            "id": _slug(rng, 3, i),
            "name": _text(rng, 40).rstrip("."),
            "kind": rng.choice(("trust_fund", "initiative", "programme", "assistance_package")),
            "period": period,
            "bodies": rng.sample(body_ids, rng.randint(1, 2)),
            "description": _text(rng, 150),
        }
        if rng.random() < 0.56:  # a stated status, with the date and the words that state it
            programme["status"] = "ended" if "end" in period else "active"
            programme["status_as_of"] = period.get("end", start)
            programme["status_citation"] = _citation(rng, source_ids)
        if programmes and rng.random() < 0.3:
            programme["parent"] = rng.choice(programmes[-50:])["id"]
        if rng.random() < 0.7:
            programme["areas"] = [rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
        _cited(rng, programme, source_ids, 0.15, "period")
        programmes.append(programme)
    programme_ids = [p["id"] for p in programmes]
    agreements: list[dict[str, Any]] = []
    for i in range(max(10, events // 100)):
        agreement: dict[str, Any] = {
            "id": _slug(rng, 3, i),
            "name": _text(rng, 40).rstrip("."),
            "kind": rng.choice(("charter", "declaration", "agreement", "roadmap", "memorandum")),
            "description": _text(rng, 150),
            "parties": rng.sample(body_ids, 2),
        }
        if rng.random() < 0.6:
            agreement["signed"] = _date(rng)
        _cited(rng, agreement, source_ids, 0.04, "")
        agreements.append(agreement)
    agreement_ids = [a["id"] for a in agreements]
    people: list[dict[str, Any]] = []
    for i in range(max(10, events // 100)):
        person: dict[str, Any] = {
            "id": _slug(rng, 2, i),
            "name": _text(rng, 15).rstrip(".").title(),
            "description": _text(rng, 150),
            "roles": [{"title": _text(rng, 20).rstrip("."), "body": rng.choice(body_ids)}],
        }
        _cited(rng, person, source_ids, 0.0, "")
        people.append(person)
    person_ids = [p["id"] for p in people]
    targets = {"agreement": agreement_ids, "programme": programme_ids, "body": body_ids}
    records = []
    for i in range(events):
        date = _date(rng)
        event: dict[str, Any] = {
            "id": _slug(rng, 4, i),
            "name": _text(rng, 50).rstrip("."),
            "kind": rng.choice(EVENT_KINDS),
            "date": date,
            "description": _text(rng, 150),
        }
        participants = _participants(rng, body_ids, person_ids)
        if participants:
            event["participants"] = participants
        outcomes = _outcomes(rng, targets)
        if outcomes:
            event["outcomes"] = outcomes
        _cited(rng, event, source_ids, 0.03, "date")
        if rng.random() < 0.05:
            event["end"] = _later(date, rng)
        if rng.random() < 0.4:
            event["location"] = rng.choice(CITIES)
        if rng.random() < 0.1:
            event["level"] = rng.choice(LEVELS)
        involved = _weighted(rng, EVENT_PROGRAMMES)
        if involved:
            event["programmes"] = rng.sample(programme_ids, involved)
        if rng.random() < 0.06:
            event["agreements"] = [rng.choice(agreement_ids)]
        if rng.random() < 0.05:
            event["aliases"] = [_text(rng, 30).rstrip(".")]
        records.append(event)
    rng.shuffle(records)  # a user's file is in no particular order
    return {
        "sources": sources,
        "bodies": bodies,
        "programmes": programmes,
        "agreements": agreements,
        "people": people,
        "events": records,
    }


def write(path: Path, events: int) -> Path:
    """Write a synthetic dataset file with ``events`` events to ``path``, as ``json.dump`` does."""
    path.write_text(json.dumps(generate(events), indent=1, ensure_ascii=False), encoding="utf-8")
    return path
