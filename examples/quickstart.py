"""Load the bundled data, look records up by id and by name, and read a citation.

Run from the repository root: python examples/quickstart.py
"""

import nato_ukraine as nu

ds = nu.load()  # parsed on first use, then cached; the dataset is immutable
print(f"nato_ukraine data {ds.data_version}, as of {ds.as_of}")
for name, collection in ds.collections().items():
    print(f"  {name:<11} {len(collection):>4}")

# A record by its stable id.
commission = ds.bodies["nato-ukraine-commission"]
print(f"{commission.name} ({commission.acronym}), established {commission.established}")

# A name that stood for different bodies at different times.
for day in ("2020-05-01", "2024-01-10"):
    print(f"NUC on {day}: {ds.lookup('NUC', on=day).name}")

# Meetings of 2014 to 2016, dates kept at the precision the sources give.
for event in ds.events.between("2014", "2016").where(kind=nu.EventKind.MEETING):
    print(f"  {event.date!s:<10}  {event.name}")

# Every record cites the passage of a source that backs it.
citation = commission.citations[0]
print(f"source: {ds.sources[citation.source].title}")
print(f"quote: {citation.quote}")
