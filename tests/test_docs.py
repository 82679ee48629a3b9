"""The README and the documentation show what the data and the code give.

Every ``pycon`` block of the README and of the documentation pages runs as a doctest; the
numbers the README states in words equal the data's; the command lines of the README run; the
sessions on the command-line page print what they show; the API reference names every public
name.
"""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

import nato_ukraine as nu
from nato_ukraine.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
# Pages other engineers write (the data policy, the performance notes) are left to them.
OTHERS = frozenset({DOCS / "data.md", DOCS / "performance.md"})
PAGES = sorted(page for page in DOCS.rglob("*.md") if page not in OTHERS)
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def fenced(text: str, language: str) -> list[tuple[int, str]]:
    """The (first line number, body) of every fenced block in ``language``."""
    pattern = re.compile(rf"^```{language}\n(.*?)^```$", re.MULTILINE | re.DOTALL)
    return [(text.count("\n", 0, match.start(1)), match.group(1)) for match in pattern.finditer(text)]


def run_pycon(path: Path) -> tuple[int, int, str]:
    """Run a file's pycon blocks as one doctest session; (examples, failures, the runner's report)."""
    text = path.read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    globs: dict[str, object] = {}
    name = str(path.relative_to(ROOT))
    attempted = failed = 0
    for lineno, body in fenced(text, "pycon"):
        test = parser.get_doctest(body, globs, name, name, lineno)
        result = runner.run(test, out=report.append, clear_globs=False)
        globs.update(test.globs)  # the next block goes on from this one, as in one session
        attempted, failed = attempted + result.attempted, failed + result.failed
    return attempted, failed, "".join(report)


def page_id(page: Path) -> str:
    return str(page.relative_to(DOCS))


def test_readme_session() -> None:
    """The README's pycon session prints what the data gives."""
    attempted, failed, report = run_pycon(README)
    assert attempted > 0, "the README has no pycon session"
    assert 0 == failed, report


@pytest.mark.parametrize("page", [p for p in PAGES if fenced(p.read_text(encoding="utf-8"), "pycon")], ids=page_id)
def test_page_examples(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A documentation page's pycon examples print what the data and the code give (run from the repository root)."""
    monkeypatch.chdir(ROOT)
    _, failed, report = run_pycon(page)
    assert 0 == failed, report


@pytest.mark.parametrize(
    "page",
    ["index.md", "tutorial.md", *(f"concepts/{p.name}" for p in sorted((DOCS / "concepts").glob("*.md")))],
)
def test_page_has_examples(page: str) -> None:
    """The home page, the tutorial and each concept page show at least one checked example."""
    assert [] != fenced((DOCS / page).read_text(encoding="utf-8"), "pycon")


def readme_prose() -> str:
    """The README without its fenced blocks, white space folded."""
    text = re.sub(r"^```.*?^```$", "", README.read_text(encoding="utf-8"), flags=re.MULTILINE | re.DOTALL)
    return re.sub(r"\s+", " ", text)


def test_readme_source_count() -> None:
    """The number of sources the README says the data is built from is the number of sources."""
    match = re.search(r"built from (\w+) sources", readme_prose())
    assert match is not None
    stated = NUMBERS[match[1]] if match[1] in NUMBERS else int(match[1])
    assert len(nu.load().sources) == stated


def test_readme_as_of() -> None:
    """The as-of date the README gives is the data's."""
    match = re.search(r"as of (\d{4}-\d{2}-\d{2})", readme_prose())
    assert match is not None
    assert str(nu.load().as_of) == match[1]


def test_readme_span() -> None:
    """The years the README says the data spans are those of its first and last events."""
    match = re.search(r"relationship from (\d{4}) to (\w+) (\d{4})", readme_prose())
    assert match is not None
    events = nu.load().events
    first, last = min(e.date for e in events), max(e.date for e in events)
    month = nu.PartialDate.parse(f"{match[2]} {match[3]}")
    assert (int(match[1]), month) == (first.year, nu.PartialDate(last.year, last.month))


def readme_commands() -> list[str]:
    return [
        line.strip()
        for _, body in fenced(README.read_text(encoding="utf-8"), "console")
        for line in body.splitlines()
        if line.startswith("nato-ukraine ")
    ]


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command(command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Each command line the README shows runs and prints something (examples/ holds my_events.json)."""
    monkeypatch.chdir(ROOT / "examples")
    code = main(shlex.split(command)[1:])
    out, err = capsys.readouterr()
    assert (0, "") == (code, err)
    assert "" != out


def cli_sessions() -> list[tuple[str, str]]:
    """The (command, output) pairs of the console blocks on the command-line page."""
    sessions: list[tuple[str, str]] = []
    for _, body in fenced((DOCS / "cli.md").read_text(encoding="utf-8"), "console"):
        for chunk in re.split(r"^\$ ", body, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            sessions.append((command, output))
    return sessions


@pytest.mark.parametrize(("command", "output"), cli_sessions(), ids=[c for c, _ in cli_sessions()])
def test_cli_page_session(
    command: str, output: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A session on the command-line page prints what the page shows (run from the repository root)."""
    monkeypatch.chdir(ROOT)
    args = shlex.split(command)
    assert "nato-ukraine" == args[0]
    code = main(args[1:])
    assert (0, output) == (code, capsys.readouterr().out)


def test_cli_page_has_sessions() -> None:
    """The command-line page shows at least one checked session."""
    assert [] != cli_sessions()


def test_api_index_names_every_public_name() -> None:
    """The API reference's front page links every name in ``nato_ukraine.__all__``."""
    text = (DOCS / "api" / "index.md").read_text(encoding="utf-8")
    linked = re.findall(r"^\| \[`(\w+)`\]\[", text, flags=re.MULTILINE)
    assert sorted(nu.__all__) == sorted(linked)
