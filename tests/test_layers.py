"""The package's folders are its layers, and each imports only the layers below it.

core (paths, errors, messages) < io < domain < verdicts < publish < pipeline. The domain is pure
(no io); the verdict engine never formats for readers; publishing never runs notebooks."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from analysis import paths

PACKAGE = paths.project_root() / "src" / "analysis"
ORDER = ["core", "io", "domain", "verdicts", "publish", "pipeline"]
#: What each layer may import besides itself.
ALLOWED = {
    "core": {"core"},
    "io": {"core", "io"},
    "domain": {"core", "domain"},
    "verdicts": {"core", "io", "domain", "verdicts"},
    "publish": {"core", "io", "domain", "verdicts", "publish"},
    "pipeline": {"core", "io", "domain", "verdicts", "publish", "pipeline"},
}


def layer_of(module: str) -> str:
    parts = module.split(".")
    if parts[0] != "analysis" or len(parts) == 1:
        return "core"
    return parts[1] if parts[1] in ORDER else "core"


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return {m for m in found if m.startswith("analysis")}


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__main__.py")


def test_the_folders_are_the_layers():
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith("_")} >= set(ORDER[1:])


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_module_imports_only_lower_layers(path):
    module = ".".join(("analysis", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
    mine = layer_of(module)
    wrong = sorted(m for m in imports(path) if layer_of(m) not in ALLOWED[mine]
                   and not (m.count(".") == 1 and m.split(".")[1] in ORDER))
    assert not wrong, f"{module} ({mine}) imports {wrong}"


def test_the_domain_is_pure():
    for path in (PACKAGE / "domain").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "open(" not in text and "print(" not in text and "read_csv" not in text, path.name


def test_no_verdict_is_decided_outside_the_engine():
    """Only the verdict layer names verdict codes to decide them (publish shows them)."""
    for path in MODULES:
        if layer_of("analysis." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)) in ("verdicts", "publish"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "Verdict." not in text, path.name
