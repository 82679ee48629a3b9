"""Events per year by kind: a table from count_by, and a stacked bar chart when matplotlib is there.

Run from the repository root: python examples/events_by_kind.py [CHART.png]
The chart goes to CHART.png, or to examples/events_by_kind.png without an argument. matplotlib
is used here only; nato_ukraine does not depend on it.
"""

import sys
from pathlib import Path

import nato_ukraine as nu

ds = nu.load()
kinds = list(ds.events.count_by("kind"))  # every kind that occurs, in order
years = list(ds.events.count_by("year"))  # every year with an event, in order
# One count_by per kind gives a year -> count row for each: a table ready to plot.
table = {kind: ds.events.where(kind=kind).count_by("year") for kind in kinds}

print(f"{'year':<6}" + "".join(f"{kind[:12]:>13}" for kind in kinds))
for year in years:
    print(f"{year:<6}" + "".join(f"{table[kind].get(year, 0):>13}" for kind in kinds))

try:
    import matplotlib
except ImportError:
    print("\nmatplotlib is not installed, so there is no chart (pip install matplotlib)")
else:
    matplotlib.use("Agg")  # draws to a file; needs no display
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(12, 4.5))
    colours = plt.get_cmap("tab20").colors  # 20 distinct colours, one per kind
    bottom = [0] * len(years)
    for kind, colour in zip(kinds, colours, strict=False):
        heights = [table[kind].get(year, 0) for year in years]
        axes.bar([str(year) for year in years], heights, bottom=bottom, label=kind, color=colour)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_title("Events in the NATO–Ukraine dataset, per year and kind")
    axes.set_ylabel("events")
    axes.tick_params(axis="x", labelrotation=90)
    axes.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    chart = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("events_by_kind.png")
    figure.savefig(chart, dpi=100, bbox_inches="tight")
    print(f"\nchart written to {chart}")
