"""The domain core never imports Qt or the ui package."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys

import coomet_lab

from tests.helpers import REPO


def _all_core_modules() -> list[str]:
    modules = pkgutil.walk_packages(coomet_lab.__path__, "coomet_lab.")
    return sorted(m.name for m in modules if not m.name.endswith("__main__"))


def test_every_core_module_imports_with_qt_unavailable():
    # A fresh interpreter where importing PySide6, shiboken6 or ui fails: any core module that needs them breaks.
    code = (
        "import sys, importlib\n"
        "for blocked in ('PySide6', 'shiboken6', 'ui'):\n"
        "    sys.modules[blocked] = None\n"
        f"for name in {_all_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = [m for m, v in sys.modules.items()\n"
        "          if v is not None and m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not leaked, leaked\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_import_linter_contract_holds():
    lint = shutil.which("lint-imports", path=str(REPO / ".venv" / "bin")) or shutil.which("lint-imports")
    assert lint, "import-linter is part of the test dependencies"
    result = subprocess.run([lint], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout


def _import_cycles(package: str) -> list[list[str]]:
    """Strongly connected groups of modules (Tarjan): modules that import each other, directly or around a loop."""
    import grimp

    graph = grimp.build_graph(package)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in edges.get(module, []):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return cycles


def test_no_module_of_the_core_imports_itself_around_a_loop():
    # Lazy imports inside functions count too: a loop is a loop, wherever the import statement stands.
    assert _import_cycles("coomet_lab") == []


def test_every_core_package_belongs_to_a_declared_layer():
    import tomllib

    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c["layers"] for c in contracts["contracts"] if c["type"] == "layers")
    packages = {m.name for m in pkgutil.iter_modules(coomet_lab.__path__, "coomet_lab.")}
    outside = packages - set(layers) - {"coomet_lab.__main__", "coomet_lab._version", "coomet_lab.data"}
    assert not outside, f"modules outside every layer: {sorted(outside)}"
