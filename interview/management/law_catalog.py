"""The law's Spanish: a gettext catalog made from rules/law/*.toml and kept beside it.

The law files stay the one source, in English. Every text of theirs that a reader sees (a period's
statement, form_line and rests_on, a rule's, a limit's or the refund's statement, a limit's
worksheet label, the jurisdiction's name) is a msgid of rules/law/locale/es/LC_MESSAGES/django.po,
which Django merges through LOCALE_PATHS; interview/explanation passes those texts through gettext.

`write_catalog()` works as `makemessages` does: the texts go to a template (.pot) and GNU
msgmerge merges it into the catalog, so a kept translation stays, one whose English changed turns
fuzzy with its previous msgid (`#|`) for the translator, and one whose English is gone turns
obsolete (`#~`). msgfmt then compiles it, with the checks compilemessages runs.
`problems()` is what `manage.py law --check --spanish` fails on.
"""

from __future__ import annotations

import re
import string
import subprocess
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polib

import rules

LAW_DIR = Path(rules.__file__).resolve().parent / "law"
CATALOG = LAW_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
# The keys of a law table whose text a reader sees (README "The law files").
SHOWN = ("statement", "form_line", "rests_on", "label", "leaves_out")
_NAMED_PERCENT = re.compile(r"%\((\w+)\)[#0 +-]?\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
HEADER = {
    "Project-Id-Version": "Retirement Loss Check law",
    "Language": "es",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}


def _tables(data: dict) -> Iterator[tuple[str, dict]]:
    """Each table of a law file that holds shown text, named as `kind.id` (`refund`, ...)."""
    for kind in ("refund", "capital_losses"):
        if isinstance(data.get(kind), dict):
            yield kind, data[kind]
    for kind in ("period", "rule", "limit", "tax_schedule", "contribution_limit"):
        for i, table in enumerate(data.get(kind, [])):
            yield f"{kind}.{table.get('id') or i}", table


def law_messages(directory: Path) -> dict[str, list[str]]:
    """Every shown English text of the law files -> where it is (`rules/law/ny.toml:period.x.statement`).

    The texts are stripped as rules/_law_reader.py strips them, so each msgid is exactly the text
    that explain() asks gettext for."""
    out: dict[str, list[str]] = {}
    for path in sorted(directory.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        where = f"rules/law/{path.name}"
        found = [("name", data.get("name"))]
        for table_name, table in _tables(data):
            found += [(f"{table_name}.{key}", table.get(key)) for key in SHOWN]
        for ref, text in found:
            if isinstance(text, str) and text.strip():
                out.setdefault(text.strip(), []).append(f"{where}:{ref}")
    return out


def placeholders(text: str) -> frozenset[str]:
    """The {brace} fields str.format fills in, and any %(name)s ones (a bare % is a percent)."""
    try:
        braces = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    except ValueError:  # an unbalanced brace: say so rather than pass
        braces = {"<unbalanced brace>"}
    return frozenset(braces | {f"%({n})" for n in _NAMED_PERCENT.findall(text)})


def template(messages: dict[str, list[str]]) -> polib.POFile:
    pot = polib.POFile(wrapwidth=100)
    pot.header = (
        "The Spanish of the law's texts (rules/law/*.toml), made by `manage.py law --messages`.\n"
        "Translate the msgstr only: the English is edited in the law files. Keep every {placeholder}."
    )
    pot.metadata = dict(HEADER)
    for msgid, refs in messages.items():
        entry = polib.POEntry(msgid=msgid, msgstr="", occurrences=[(ref, "") for ref in refs])
        if any(p.startswith("%") for p in placeholders(msgid)):
            entry.flags.append("python-format")
        elif placeholders(msgid):
            entry.flags.append("python-brace-format")
        pot.append(entry)
    return pot


def _run(*args: str) -> None:
    # LC_ALL=C: the tools' own messages in English, whatever the machine's locale.
    done = subprocess.run(  # noqa: S603 - GNU gettext's own tools, our own file names
        args, capture_output=True, text=True, env={"LC_ALL": "C", "PATH": _PATH}
    )
    if done.returncode:
        raise RuntimeError(f"{args[0]} failed: {done.stderr.strip()}")


_PATH = "/usr/local/bin:/usr/bin:/bin"


def write_catalog(directory: Path, catalog: Path) -> int:
    """Make the template from the law files, merge it into `catalog` (msgmerge) and compile it
    beside (msgfmt --check-format, as compilemessages does). Returns the number of entries."""
    messages = law_messages(directory)
    catalog.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "law.pot"
        template(messages).save(str(pot))
        if catalog.exists():
            _run(
                "msgmerge",
                "--quiet",
                "--update",
                "--previous",
                "--backup=none",
                "--width=100",
                str(catalog),
                str(pot),
            )
        else:
            catalog.write_text(pot.read_text(encoding="utf-8"), encoding="utf-8")
    compile_catalog(catalog)
    return len(messages)


def compile_catalog(catalog: Path) -> None:
    _run("msgfmt", "--check-format", "-o", str(catalog.with_suffix(".mo")), str(catalog))


@dataclass(frozen=True)
class Counts:
    total: int
    translated: int
    fuzzy: int
    mismatched: int  # translated, but with other placeholders than the English

    @property
    def untranslated(self) -> int:
        return self.total - self.translated - self.fuzzy - self.mismatched


def problems(directory: Path, catalog: Path) -> tuple[Counts, list[str]]:
    """What keeps the Spanish of the law from being complete and current: a shown text with no
    translation (or not in the catalog: `law --messages` not run), a fuzzy one (its English changed
    since), or a translation whose placeholders differ from the English."""
    messages = law_messages(directory)
    po = polib.pofile(str(catalog)) if catalog.exists() else polib.POFile()
    entries = {e.msgid: e for e in po if not e.obsolete}
    out: list[str] = []
    translated = fuzzy = mismatched = 0
    for msgid, refs in messages.items():
        entry, where = entries.get(msgid), refs[0]
        if entry is None:
            out.append(f"{where}: not in the Spanish catalog (run manage.py law --messages)")
        elif "fuzzy" in entry.flags:
            fuzzy += 1
            out.append(f"{where}: the English changed since it was translated (fuzzy)")
        elif not entry.msgstr:
            out.append(f"{where}: no Spanish translation")
        elif placeholders(entry.msgstr) != placeholders(msgid):
            want = ", ".join(sorted(placeholders(msgid))) or "none"
            got = ", ".join(sorted(placeholders(entry.msgstr))) or "none"
            mismatched += 1
            out.append(f"{where}: the Spanish has placeholders {got}, the English {want}")
        else:
            translated += 1
    return Counts(len(messages), translated, fuzzy, mismatched), out
