# %% [markdown]
# # Who chaired the Commission and the Council, and what numbers the sources give
#
# A notebook as a script: open it in Jupyter (or VS Code) as cells, or run it from the
# repository root: `python examples/who_did_what.py`. With pandas installed (the `pandas` extra),
# the last cell shows the figures as a DataFrame too.

# %%
import nato_ukraine as nu

ds = nu.load()
bodies = ["nato-ukraine-commission", "nato-ukraine-council"]

# %% [markdown]
# ## Meetings of the Commission and the Council, by year and chair
#
# `body=` matches an event that names either body in any role; `count_by("year", "chair")`
# counts each meeting under its year and the person who chaired it (None where the sources do
# not say who did).

# %%
meetings = ds.events.where(kind=nu.EventKind.MEETING, body=bodies)
per_year = meetings.count_by("year", "chair")
print(f"{len(meetings)} meetings of the NATO-Ukraine Commission or Council")
print(f"{'year':<6}{'chair':<28}meetings")
for (year, chair), count in per_year.items():
    who = ds[chair].name if chair is not None else "(not stated)"
    print(f"{year:<6}{who:<28}{count}")

# %% [markdown]
# ## Every stated number
#
# Each figure is typed (a whole number, its unit, what it counts, how exact it is) and dated,
# on the record it is about, with the citation that states it.

# %%
figures = ds.figures()
print()
print(f"{len(figures)} figures")
for row in figures:
    qualifier = "" if row["qualifier"] == "exact" else row["qualifier"].replace("_", " ") + " "
    as_of = row["as_of"] or "undated"
    print(f"{qualifier}{row['value']:,} {row['unit']} ({as_of}): {row['id']}")

# %%
try:
    frame = figures.to_pandas()
except ImportError:
    print("\npandas is not installed, so there is no DataFrame (pip install 'nato-ukraine[pandas]')")
else:
    print()
    print(frame[["id", "value", "unit", "qualifier", "as_of"]].to_string(index=False))
