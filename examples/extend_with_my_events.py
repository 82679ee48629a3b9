"""Add records of your own to the bundled data; they are checked like the bundled ones.

Run from the repository root: python examples/extend_with_my_events.py
my_events.json, beside this script, holds a source (your own notes) and two events that refer to
a bundled body by its id. The command line checks such a file too:
nato-ukraine validate examples/my_events.json
"""

import json
import tempfile
from pathlib import Path

import nato_ukraine as nu

mine = Path(__file__).with_name("my_events.json")
bundled = nu.load()
ds = nu.load(extra=mine)  # a new dataset: the bundled records and yours, validated together
print(f"{len(bundled)} bundled records + {len(ds) - len(bundled)} of mine = {len(ds)}")

# Your events answer the same queries as the bundled ones.
print("What involves the NATO-Ukraine Council since 2024:")
for event in ds.events.between("2024", None).where(body="nato-ukraine-council"):
    print(f"  {event.date!s:<10}  {event.name}")

# A mistake stops the load before anything is built, and every problem is reported at once.
broken = json.loads(mine.read_text(encoding="utf-8"))
broken["events"][0]["date"] = "Juny 2024"
broken["events"][1]["participants"][0]["body"] = "nato-ukraine-counsel"
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    try:
        nu.load(extra=path)
    except nu.DataError as error:
        print(f"{len(error.problems)} problems in the broken copy:")
        for problem in error.problems:
            print(f"  {problem.path}: {problem.message}")
