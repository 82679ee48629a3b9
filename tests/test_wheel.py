"""The built package: build the wheel, install it in a fresh venv, and load the bundled data from it;
build the sdist, unpack it on its own, and find in it what ``make test`` needs.

Slow (about a minute: the builds and the install fetch hatchling and the dependencies from PyPI),
and part of ``make test`` all the same; ``make wheel`` runs it alone.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import nato_ukraine as nu

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "nato_ukraine"

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command (with ``env`` added to a clean environment); its standard output. A failure
    shows what the command said."""
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    environment.update(env or {})
    done = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=900
    )
    assert 0 == done.returncode, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--wheel", "--outdir", out, ROOT, cwd=out)
    (built,) = out.glob("nato_ukraine-*.whl")
    return built


@pytest.fixture(scope="module")
def installed_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python of a fresh venv with the wheel (and its dependencies) installed."""
    venv = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", venv, cwd=venv)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel, cwd=venv)
    return python


def test_wheel_holds_typing_marker_and_data(wheel: Path) -> None:
    """The wheel ships py.typed and every bundled data file."""
    expected = {"nato_ukraine/py.typed"} | {f"nato_ukraine/data/{p.name}" for p in PACKAGE.glob("data/*.json")}
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())

    assert expected <= names, sorted(expected - names)
    assert "nato_ukraine/data/manifest.json" in names


def test_installed_wheel_loads_bundled_data(installed_python: Path, tmp_path: Path) -> None:
    """The installed wheel, imported away from the checkout, loads the same bundled data as the checkout."""
    script = (
        "import json, nato_ukraine as nu; ds = nu.load(); "
        "print(json.dumps({'count': len(ds), 'data_version': ds.data_version, 'as_of': str(ds.as_of), "
        "'ids': sorted(r.id for r in ds.records()), 'file': nu.__file__, 'version': nu.__version__}))"
    )
    ds = nu.load()

    lines = run(installed_python, "-I", "-c", script, cwd=tmp_path).splitlines()
    found = json.loads(lines[-1])

    assert len(ds) == found["count"]
    assert ds.data_version == found["data_version"]
    assert str(ds.as_of) == found["as_of"]
    assert sorted(r.id for r in ds.records()) == found["ids"]
    assert nu.__version__ == found["version"]
    assert not Path(found["file"]).is_relative_to(ROOT), found["file"]


def test_installed_command_line(installed_python: Path, tmp_path: Path) -> None:
    """The installed console script runs and reports the bundled record count."""
    script = installed_python.parent / ("nato-ukraine.exe" if os.name == "nt" else "nato-ukraine")

    summary = json.loads(run(script, "summary", "--json", cwd=tmp_path))

    assert len(nu.load()) == summary["total"]


# What `make test` (and `make bench`) reads besides the requirements files the Makefile names: these
# directories whole, and these files (mkdocs.yml and the Griffe extension for `make docs`; the README
# and the CHANGELOG, which the tests and the docs read or link).
SDIST_DIRECTORIES = ("src", "tests", "docs", "examples", "benchmarks")
SDIST_FILES = ("Makefile", "pyproject.toml", "mkdocs.yml", "README.md", "CHANGELOG.md", "LICENSE", "docs/_griffe_nu.py")
# The test modules that read the project's files beyond the package (the docs pages, the examples,
# pyproject.toml, ../shared, which they skip without), run in the unpacked sdist: a quarter minute.
FILE_TESTS = (
    "tests/test_architecture.py",
    "tests/test_data.py",
    "tests/test_dates.py",
    "tests/test_docs.py",
    "tests/test_examples.py",
)


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist built from this checkout."""
    out = tmp_path_factory.mktemp("sdist")
    run(sys.executable, "-m", "build", "--sdist", "--outdir", out, ROOT, cwd=out)
    (built,) = out.glob("nato_ukraine-*.tar.gz")
    return built


@pytest.fixture(scope="module")
def unpacked(sdist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist unpacked on its own, away from the checkout (no .git, no ../shared): its top directory."""
    into = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(sdist) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(into, filter="data")
        else:  # (a Python without the filters, which trusts the archive as tar does)
            archive.extractall(into)
    (top,) = into.iterdir()
    return top


def ignored(path: Path, patterns: list[str]) -> bool:
    """Whether .gitignore's patterns (the forms that file uses) leave out ``path``, relative to the root."""
    return any(
        fnmatch.fnmatch(path.as_posix(), pattern.rstrip("/"))
        or any(fnmatch.fnmatch(part, pattern.rstrip("/")) for part in path.parts)
        for pattern in patterns
    )


def test_sdist_holds_what_make_test_needs(unpacked: Path) -> None:
    """The unpacked sdist holds the Makefile, its requirements, mkdocs.yml and each file of the directories it reads."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    requirements = sorted(set(re.findall(r"requirements-[\w-]+\.txt", makefile)))
    patterns = [line for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines() if line.strip()]
    checkout = {
        path.relative_to(ROOT)
        for directory in SDIST_DIRECTORIES
        for path in (ROOT / directory).rglob("*")
        if path.is_file() and not ignored(path.relative_to(ROOT), patterns)
    }
    shipped = {path.relative_to(unpacked) for path in unpacked.rglob("*") if path.is_file()}

    assert {"requirements-dev.txt", "requirements-docs.txt"} <= set(requirements), requirements
    assert [] == sorted(name for name in (*SDIST_FILES, *requirements) if Path(name) not in shipped)
    assert [] == sorted(str(path) for path in checkout - shipped)


def test_no_test_runs_git() -> None:
    """No test reads the git checkout or runs git, so that the sdist's tests pass without one."""
    mentions = re.compile(r"""["']git["']|["']\.git\b""")
    tests = sorted((ROOT / "tests").rglob("*.py"))

    assert tests
    assert [] == [str(path.relative_to(ROOT)) for path in tests if mentions.search(path.read_text(encoding="utf-8"))]


def test_unpacked_sdist_passes_the_tests_of_its_files(unpacked: Path) -> None:
    """The tests of the docs, the examples, the data and the layout pass in the unpacked sdist, on its own files."""
    env = {"PYTHONPATH": str(unpacked / "src")}
    imported = run(sys.executable, "-c", "import nato_ukraine; print(nato_ukraine.__file__)", cwd=unpacked, env=env)

    assert Path(imported.strip()).is_relative_to(unpacked), imported
    run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *FILE_TESTS, cwd=unpacked, env=env)
