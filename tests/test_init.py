"""The package's namespace: dir() lists the public names, whatever has been used, and asks no import."""

from __future__ import annotations

import ast
import subprocess
import sys

import nato_ukraine as nu

# Module attributes dir(nu) lists beside __all__ (Python sets more, __cached__ say, depending on its version).
MODULE_ATTRIBUTES = {"__all__", "__doc__", "__file__", "__name__", "__package__", "__path__", "__spec__", "__version__"}


def in_fresh_interpreter(statements: str) -> object:
    """The value of the last line of ``statements`` (an expression), run by a fresh interpreter."""
    *before, last = statements.splitlines()
    code = "\n".join([*before, f"print(repr({last}))"])
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    return ast.literal_eval(result.stdout)


def test_dir_lists_the_public_names_and_module_attributes() -> None:
    """dir(nu) is __all__ and the module attributes, sorted: no TYPE_CHECKING, no _SOURCES, no submodule."""
    nu.load().timeline()  # (which sets submodules such as nu.models and nu.timeline as attributes)

    listed = dir(nu)
    others = set(listed) - set(nu.__all__)

    assert (sorted(listed), set()) == (listed, set(nu.__all__) - set(listed))
    assert MODULE_ATTRIBUTES <= others
    assert [] == sorted(name for name in others if not (name.startswith("__") and name.endswith("__")))
    assert set() == others & {"__getattr__", "__dir__"}


def test_every_name_dir_lists_is_there() -> None:
    """Each name dir(nu) lists can be got from the package, __version__ included."""
    missing = [name for name in dir(nu) if not hasattr(nu, name)]

    assert [] == missing


def test_dir_is_the_same_before_and_after_use() -> None:
    """A fresh import lists the same names as one that has loaded data and drawn the timeline."""
    listed = in_fresh_interpreter(
        "import nato_ukraine as nu\nfirst = dir(nu)\nnu.load().timeline()\nfirst == dir(nu) and first"
    )

    assert dir(nu) == listed


def test_dir_imports_none_of_the_package() -> None:
    """dir(nu) after `import nato_ukraine` imports none of the package's modules."""
    imported = in_fresh_interpreter(
        "import sys, nato_ukraine\ndir(nato_ukraine)\nsorted(m for m in sys.modules if m.startswith('nato_ukraine.'))"
    )

    assert [] == imported
