"""Check a data upgrade before an app moves to it: which ids it adds, removes and changes.

Run from the repository root: python examples/pin_and_diff.py
An app that stores record ids pins the data version it was tested with. Here the candidate
upgrade is the bundled data written out with Dataset.to_json() and edited by hand.
"""

import json
import tempfile
from pathlib import Path

import nato_ukraine as nu

PINNED = "2024.1.0"  # the data version this app was tested with
STORED_IDS = ["nato-ukraine-council", "eu-ukraine-association-council-meeting-2016-12-19"]  # ids the app saved

current = nu.load()
print(f"pinned data {PINNED}, installed data {current.data_version}")

# The candidate, made up for this example: one record edited, one event removed, one added.
data = json.loads(current.to_json())
data["manifest"]["data_version"] = "2024.2.0"
trust_fund = next(p for p in data["programmes"] if p["id"] == "cyber-defence-trust-fund")
trust_fund["description"] += " (edited)"
data["events"] = [e for e in data["events"] if e["id"] != STORED_IDS[1]]
meeting = next(e for e in data["events"] if e["id"] == "nuc-ambassadors-meeting-2024-01-10")
data["events"].append({**meeting, "id": "example-added-event", "name": "An event the candidate adds"})
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "candidate.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    candidate = nu.load(path)

change = nu.diff(current, candidate)
print(change)  # "+ id" added, "- id" removed, "~ id: fields" changed

# Ids are never renamed or reused: an upgrade that removes one must be a major version.
if change.is_major:
    print(f"{candidate.data_version} removes ids, which only a major data version may do")
missing = [record_id for record_id in STORED_IDS if record_id not in candidate]
print(f"ids the app stores that {candidate.data_version} lacks: {', '.join(missing) or 'none'}")
