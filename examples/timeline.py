"""Print the dated history between two dates: events, foundings, starts, ends and signings.

Run from the repository root: python examples/timeline.py [FROM [TO]]   (default: 2014 2016)
A date may be a year, a month or a day: 2014, 2014-03, "9 July 2016".
"""

import sys

import nato_ukraine as nu

args = sys.argv[1:]
start = args[0] if args else "2014"
end = args[1] if len(args) > 1 else "2016"

ds = nu.load()
entries = ds.timeline(start, end)  # in date order; "2016" sorts before "2016-07"
print(f"{len(entries)} dated entries from {start} to {end}")
for entry in entries:
    # For an event, say what kind it was; for another record, which of its dates this is.
    what = entry.record.kind.value if isinstance(entry.record, nu.Event) else entry.what
    print(f"{entry.date!s:<10}  {what:<16}  {entry.record.name}")
