"""Count the meetings per year and by level; draw a bar chart when matplotlib is installed.

Run from the repository root: python examples/statistics.py [CHART.png]
The chart goes to CHART.png, or to examples/meetings_per_year.png without an argument.
"""

import sys
from pathlib import Path

import nato_ukraine as nu

ds = nu.load()
meetings = ds.events.where(kind=nu.EventKind.MEETING)
per_year = meetings.count_by("year")  # {year: count}, in year order
by_level = meetings.count_by("level")  # {level: count}; None when the sources do not say

print(f"{len(meetings)} meetings from {min(per_year)} to {max(per_year)}")
print()
print("year  meetings")
for year, count in per_year.items():
    print(f"{year}  {count:>8}")
print()
print(f"{'level':<30}  meetings")
for level, count in by_level.items():
    print(f"{level or '(not stated)':<30}  {count:>8}")

try:
    import matplotlib
except ImportError:
    print("\nmatplotlib is not installed, so there is no chart (pip install matplotlib)")
else:
    matplotlib.use("Agg")  # draws to a file; needs no display
    import matplotlib.pyplot as plt

    years = range(min(per_year), max(per_year) + 1)  # years without a meeting show as gaps
    figure, axes = plt.subplots(figsize=(10, 4))
    axes.bar(list(years), [per_year.get(year, 0) for year in years])
    axes.set_title("Meetings in the NATO–Ukraine dataset, per year")
    axes.set_ylabel("meetings")
    chart = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("meetings_per_year.png")
    figure.savefig(chart, dpi=100, bbox_inches="tight")
    print(f"\nchart written to {chart}")
