"""The installed package: build the wheel, install it in a fresh venv, and load the bundled data from it.

Slow (about a minute: the build and the install fetch hatchling and the dependencies from PyPI),
and part of ``make test`` all the same; ``make wheel`` runs it alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import nato_ukraine as nu

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "nato_ukraine"

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path) -> str:
    """Run a command; its standard output. A failure shows what the command said."""
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
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
