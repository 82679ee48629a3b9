# Two commands set everything up on a fresh machine with Python >= 3.10 and make:
#   make demo   - create .venv, install the package, print a summary and the timeline
#   make test   - install the dev tools, run ruff, mypy --strict, pytest and the strict docs build

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check --quiet

.PHONY: demo test lint typecheck pytest docs fuzz wheel bench clean mutate

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml requirements-dev.txt | $(PY)
	$(PIP) install -e ".[pandas]" -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

$(VENV)/.installed-docs: requirements-docs.txt | $(PY)
	$(PIP) install -r requirements-docs.txt
	@touch $@

demo: $(VENV)/.installed
	$(PY) -m nato_ukraine summary
	@echo
	$(PY) -m nato_ukraine timeline

# ruff, and the layers contract (pyproject.toml): each module imports only from the layers below it.
lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src
	$(VENV)/bin/lint-imports

typecheck: $(VENV)/.installed-dev
	$(VENV)/bin/mypy

pytest: $(VENV)/.installed-dev
	$(PY) -m pytest

# The site must build offline and without a warning: a broken link or a public object without
# a docstring fails it.
docs: $(VENV)/.installed-docs
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict

test: lint typecheck pytest docs

clean:
	rm -rf $(VENV) build dist site .mypy_cache .pytest_cache .ruff_cache .hypothesis

# The loader's fuzzer at full strength: 10,000 examples of each fuzz test (see tests/conftest.py),
# on every core (pytest-xdist; worksteal, as the tests differ in length by a factor of ten).
fuzz: $(VENV)/.installed-dev
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/test_fuzz.py -n auto --dist worksteal

# Build the wheel, install it in a fresh venv and load the bundled data from it (also in pytest).
wheel: $(VENV)/.installed-dev
	$(PY) -m pytest tests/test_wheel.py

# How fast it imports, loads and answers, side by side with json.loads, attrs+cattrs, pydantic and
# msgspec (benchmark-only dependencies, in requirements-bench.txt): one table, PASS/FAIL per
# target. A few minutes; see docs/performance.md.
$(VENV)/.installed-bench: requirements-bench.txt | $(VENV)/.installed
	$(PIP) install -r requirements-bench.txt
	@touch $@

bench: $(VENV)/.installed-bench
	$(PY) benchmarks/bench.py

# Mutation testing with mutmut (docs/testing.md): each mutant of MUTATE's files (dates.py and the
# query core by default) is run against the tests that call the function it changes, and the
# target fails if the tests kill fewer than MUTATE_MIN percent of a file's mutants. Long: about a
# quarter of an hour for dates.py alone on two cores. Every run starts afresh (mutants/ is
# rebuilt); `$(VENV)/bin/mutmut show NAME` shows a mutant it lists.
#   make mutate MUTATE=src/nato_ukraine/dates.py
MUTATE     ?= src/nato_ukraine/dates.py src/nato_ukraine/_indexes.py src/nato_ukraine/collection.py
MUTATE_MIN ?= 90

mutate: $(VENV)/.installed-dev
	rm -rf mutants
	$(VENV)/bin/mutmut run $(foreach file,$(MUTATE),'$(subst /,.,$(patsubst src/%.py,%,$(file))).*')
	$(PY) tests/mutation_score.py --min $(MUTATE_MIN) $(MUTATE)
