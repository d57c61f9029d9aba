"""The folders are the architecture (issue 19): imports run one way, down the data flow, and no
module grows past what one reader holds in mind.

views -> pdf / api -> explanation -> questions -> rules; platform carries every request and
imports none of the others. A new import that goes up (say, explanation importing the API, or
platform importing a view) fails here with the file that does it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "interview"
# What each part of interview/ may import of the others (besides rules, Django and libraries).
ALLOWED = {
    "questions": {"formatting", "platform"},  # the wizard keeps answers in the journey
    "explanation": {"questions", "formatting"},
    "api": {"explanation", "questions", "formatting"},
    "pdf": {"explanation", "questions", "formatting"},
    "platform": {"models"},
    "views": {"api", "pdf", "explanation", "questions", "platform", "formatting", "models"},
    "formatting": set(),
    "models": set(),
}
# Only this module of questions/ may use platform/ (JourneyStorage, JourneyRouting).
QUESTIONS_USING_PLATFORM = {"interview/questions/wizard.py"}


def part(path: Path) -> str:
    relative = path.relative_to(APP)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_parts(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = node.module.split(".")
            if names[0] == "interview":
                found |= {names[1]} if len(names) > 1 else {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.add("relative import")
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("interview.")}
    return found


MODULES = sorted(p for p in APP.rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("path", [pytest.param(p, id=str(p.relative_to(ROOT))) for p in MODULES])
def test_imports_run_down_the_data_flow(path):
    mine = part(path)
    if mine not in ALLOWED:
        return  # apps, urls, templatetags, management: the app's wiring, above everything
    imported = imported_parts(path) - {mine}
    assert "relative import" not in imported, "imports name their package: interview.<part>"
    upward = imported - ALLOWED[mine]
    assert not upward, f"{path.relative_to(ROOT)} imports {sorted(upward)}"
    if mine == "questions" and "platform" in imported:
        assert str(path.relative_to(ROOT)) in QUESTIONS_USING_PLATFORM


def test_the_rules_import_no_django_nor_the_interview():
    for path in (ROOT / "rules").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import django" not in text and "from django" not in text, path.name
        assert "interview" not in imported_parts(path), path.name


def test_the_app_shows_its_parts_and_no_module_is_too_long():
    top = sorted(p.name for p in APP.glob("*.py"))
    assert len(top) <= 12, top
    for package in ("questions", "explanation", "api", "pdf", "platform", "views"):
        doc = ast.get_docstring(ast.parse((APP / package / "__init__.py").read_text()))
        assert doc and len(doc) > 100, f"{package}/__init__.py says what it holds"
    long = {
        str(p.relative_to(ROOT)): n
        for p in [*MODULES, *(ROOT / "rules").glob("*.py")]
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300
    }
    assert not long, long
