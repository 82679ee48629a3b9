"""Synthetic dataset files for the benchmark, shaped like the bundled data.

Each record looks like one a curator writes: a slug id, a name of a few words, a description of
about 150 characters, one or two citations with a quote of about 120 characters, partial dates
at mixed precision (a quarter years, a third months, the rest days), references into generated
bodies and programmes. The text is drawn from a fixed vocabulary with a fixed seed, so every run
writes the same bytes.
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


def _citations(rng: random.Random, sources: list[str]) -> list[dict[str, Any]]:
    cites = []
    for _ in range(rng.choice((1, 1, 2))):
        cite: dict[str, Any] = {"source": rng.choice(sources), "quote": _text(rng, 120)}
        if rng.random() < 0.7:
            cite["locator"] = rng.choice(LOCATORS)
        cites.append(cite)
    return cites


def generate(events: int, *, seed: int = 2024) -> dict[str, Any]:
    """A whole dataset (one JSON object keyed by collection) with ``events`` events.

    Bodies and programmes number one per fifty events (at least twenty each), sources ten.
    """
    rng = random.Random(seed)
    sources = [
        {"id": f"source-{i}", "name": f"Source {i}", "title": _text(rng, 40), "kind": "official_web_page"}
        for i in range(10)
    ]
    source_ids = [s["id"] for s in sources]
    bodies = []
    for i in range(max(20, events // 50)):
        body: dict[str, Any] = {
            "id": _slug(rng, 3, i),
            "name": _text(rng, 30).rstrip("."),
            "kind": rng.choice(("council", "commission", "office", "agency", "ministry")),
            "side": rng.choice(("nato", "ukraine", "joint")),
            "description": _text(rng, 150),
            "citations": _citations(rng, source_ids),
        }
        if rng.random() < 0.5:
            body["established"] = _date(rng)
        if rng.random() < 0.3:
            body["acronym"] = "".join(w[0] for w in body["name"].split()).upper()
        bodies.append(body)
    body_ids = [b["id"] for b in bodies]
    programmes = []
    for i in range(max(20, events // 50)):
        start = _date(rng)
        period = {"start": start}
        if rng.random() < 0.6:
            period["end"] = str(int(start[:4]) + rng.randint(1, 6))
        programmes.append(
            {
                "id": _slug(rng, 3, i),
                "name": _text(rng, 40).rstrip("."),
                "kind": rng.choice(("trust_fund", "initiative", "programme", "assistance_package")),
                "period": period,
                "status": "ended" if "end" in period else "active",
                "bodies": rng.sample(body_ids, rng.randint(1, 2)),
                "description": _text(rng, 150),
                "citations": _citations(rng, source_ids),
            }
        )
    programme_ids = [p["id"] for p in programmes]
    records = []
    for i in range(events):
        date = _date(rng)
        event: dict[str, Any] = {
            "id": _slug(rng, 4, i),
            "name": _text(rng, 50).rstrip("."),
            "kind": rng.choice(EVENT_KINDS),
            "date": date,
            "description": _text(rng, 150),
            "bodies": rng.sample(body_ids, rng.randint(1, 3)),
            "citations": _citations(rng, source_ids),
        }
        if rng.random() < 0.05:
            event["end"] = _later(date, rng)
        if rng.random() < 0.4:
            event["location"] = rng.choice(CITIES)
        if rng.random() < 0.1:
            event["level"] = rng.choice(LEVELS)
        if rng.random() < 0.35:
            event["programmes"] = [rng.choice(programme_ids)]
        records.append(event)
    rng.shuffle(records)  # a user's file is in no particular order
    return {"sources": sources, "bodies": bodies, "programmes": programmes, "events": records}


def write(path: Path, events: int) -> Path:
    """Write a synthetic dataset file with ``events`` events to ``path``, as ``json.dump`` does."""
    path.write_text(json.dumps(generate(events), indent=1, ensure_ascii=False), encoding="utf-8")
    return path
