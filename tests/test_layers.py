"""The package's layering: a module imports from its own subpackage and from earlier
layers only (eucj_bank.LAYERS), and the package never imports MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import eucj_bank

PACKAGE = Path(eucj_bank.__file__).parent
MAX_LINES = 300


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE)


def _imported(path: Path) -> set[str]:
    """Absolute dotted names of everything `path` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    here = path.relative_to(PACKAGE.parent).with_suffix("").parts
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level]
                names.add(".".join(base + ((node.module,) if node.module else ())))
            elif node.module:
                names.add(node.module)
    return names


def test_every_module_lives_in_a_layer():
    stray = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert not stray, f"modules outside the subpackages: {stray}"
    assert {p.parent.name for p in _modules()} == set(eucj_bank.LAYERS)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_down_the_layers(path):
    layer = eucj_bank.LAYERS.index(path.parent.name)
    allowed = set(eucj_bank.LAYERS[: layer + 1])
    for name in _imported(path):
        parts = name.split(".")
        assert parts[0] not in {"mkdocs", "material", "mkdocs_static_i18n"}, f"{path.name} imports {name}"
        if parts[0] == "eucj_bank":
            assert len(parts) > 1 and parts[1] in allowed, (
                f"{path.relative_to(PACKAGE)} imports {name}: layer {path.parent.name} may import "
                f"{sorted(allowed)} only")


def test_the_layer_check_sees_a_wrong_import(tmp_path):
    wrong = tmp_path / "eucj_bank" / "catalogue" / "bad.py"
    wrong.parent.mkdir(parents=True)
    wrong.write_text("from ..site.ui import t\nfrom eucj_bank.copies import build_session\n")
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path / "eucj_bank"
    try:
        assert _imported(wrong) == {"eucj_bank.site.ui", "eucj_bank.copies"}
    finally:
        PACKAGE = saved


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines; split it by concern"
