"""The law's Spanish catalog: made from the law files, merged as msgmerge does, and checked.

Fixture law files and catalogs live in a temporary folder; the last tests read the real ones.
"""

from __future__ import annotations

import gettext
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from interview.management import law_catalog

LAW = """
jurisdiction = "ZZ"
name = "Zedland"

[refund]
statement = "Zedland allows 3 years to claim a refund."

[[period]]
id = "allowed"
form_line = "Form Z-1, line 4"
statement = "For {year}, {state} allows the loss of {loss} above 2% of AGI."
rests_on = "This rests on the 2025 Form Z-1."

[[limit]]
id = "cap"
label = "Less Zedland's limit (Form Z-1, line 9)"
statement = "For {year}, {state} allows the loss of {loss} above 2% of AGI."
"""


@pytest.fixture
def law(tmp_path: Path) -> tuple[Path, Path]:
    directory = tmp_path / "law"
    directory.mkdir()
    (directory / "zz.toml").write_text(LAW, encoding="utf-8")
    return directory, tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.po"


STATEMENT = "For {year}, {state} allows the loss of {loss} above 2% of AGI."
FORM_LINE = "Form Z-1, line 4"
RESTS_ON = "This rests on the 2025 Form Z-1."
LABEL = "Less Zedland's limit (Form Z-1, line 9)"
NAME = "Zedland"
REFUND = "Zedland allows 3 years to claim a refund."
SPANISH = {
    STATEMENT: "Para {year}, {state} permite la pérdida de {loss} sobre el 2% del AGI.",
    REFUND: "Zedlandia permite 3 años para reclamar un reembolso.",
    NAME: "Zedlandia",
    FORM_LINE: "Formulario Z-1, línea 4",
    RESTS_ON: "Esto se basa en el Formulario Z-1 de 2025.",
    LABEL: "Menos el límite de Zedlandia (Formulario Z-1, línea 9)",
}


def translate(catalog: Path, spanish: dict[str, str]) -> None:
    po = polib.pofile(str(catalog))
    for entry in po:
        entry.msgstr = spanish.get(entry.msgid, entry.msgstr)
    po.save()


def entries(catalog: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(catalog))}


def test_every_shown_text_of_a_law_file_is_a_message_with_its_file_and_table(law):
    directory, _catalog = law
    messages = law_catalog.law_messages(directory)
    assert messages[STATEMENT] == [
        "rules/law/zz.toml:period.allowed.statement",
        "rules/law/zz.toml:limit.cap.statement",
    ]
    assert messages["Form Z-1, line 4"] == ["rules/law/zz.toml:period.allowed.form_line"]
    assert messages["This rests on the 2025 Form Z-1."] == [
        "rules/law/zz.toml:period.allowed.rests_on"
    ]
    assert messages["Less Zedland's limit (Form Z-1, line 9)"] == [
        "rules/law/zz.toml:limit.cap.label"
    ]
    assert messages["Zedland"] == ["rules/law/zz.toml:name"]
    assert "Zedland allows 3 years to claim a refund." in messages
    assert "allowed" not in messages and "ZZ" not in messages  # ids and codes are not shown


def test_the_catalog_is_written_with_references_and_compiled(law):
    directory, catalog = law
    assert law_catalog.write_catalog(directory, catalog) == 6
    found = entries(catalog)
    statement = found[STATEMENT]
    assert statement.occurrences == [
        ("rules/law/zz.toml:period.allowed.statement", ""),
        ("rules/law/zz.toml:limit.cap.statement", ""),
    ]
    assert "python-brace-format" in statement.flags
    assert "python-brace-format" not in found["Form Z-1, line 4"].flags
    assert catalog.with_suffix(".mo").exists()


def test_a_kept_translation_stays_a_changed_english_turns_fuzzy_and_a_removed_one_obsolete(law):
    directory, catalog = law
    law_catalog.write_catalog(directory, catalog)
    translate(catalog, {k: SPANISH[k] for k in (REFUND, FORM_LINE, RESTS_ON)})
    text = (directory / "zz.toml").read_text(encoding="utf-8")
    text = text.replace("allows 3 years", "allows 4 years").replace(
        'rests_on = "This rests on the 2025 Form Z-1."\n', ""
    )
    (directory / "zz.toml").write_text(text, encoding="utf-8")
    law_catalog.write_catalog(directory, catalog)

    po = polib.pofile(str(catalog))
    by_id = {e.msgid: e for e in po}
    assert by_id["Form Z-1, line 4"].msgstr == "Formulario Z-1, línea 4"
    assert "fuzzy" not in by_id["Form Z-1, line 4"].flags
    changed = by_id["Zedland allows 4 years to claim a refund."]
    assert "fuzzy" in changed.flags
    assert changed.previous_msgid == "Zedland allows 3 years to claim a refund."
    assert changed.msgstr == SPANISH[REFUND]  # the translator sees what to redo
    gone = by_id["This rests on the 2025 Form Z-1."]
    assert gone.obsolete
    # Compiled: the kept translation is served, the fuzzy one is not.
    with catalog.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert compiled.gettext("Form Z-1, line 4") == "Formulario Z-1, línea 4"
    changed_msgid = "Zedland allows 4 years to claim a refund."
    assert compiled.gettext(changed_msgid) == changed_msgid


def test_problems_name_missing_stale_and_mismatched_translations(law):
    directory, catalog = law
    law_catalog.write_catalog(directory, catalog)
    mismatched = SPANISH[STATEMENT].replace("{loss}", "{perdida}")
    translate(catalog, {STATEMENT: mismatched, NAME: SPANISH[NAME], LABEL: SPANISH[LABEL]})
    po = polib.pofile(str(catalog))
    for entry in po:
        if entry.msgid == FORM_LINE:
            entry.msgstr, entry.flags = SPANISH[FORM_LINE], ["fuzzy"]
    po.save()

    counts, problems = law_catalog.problems(directory, catalog)
    assert (counts.total, counts.translated, counts.fuzzy, counts.mismatched) == (6, 2, 1, 1)
    assert counts.untranslated == 2  # the refund and rests_on
    assert (
        "rules/law/zz.toml:period.allowed.statement: the Spanish has placeholders "
        "perdida, state, year, the English loss, state, year"
    ) in problems
    assert "rules/law/zz.toml:period.allowed.form_line: the English changed since it was " in (
        "\n".join(problems)
    )
    assert "rules/law/zz.toml:refund.statement: no Spanish translation" in problems


def test_a_text_not_yet_in_the_catalog_is_a_problem(law):
    directory, catalog = law
    law_catalog.write_catalog(directory, catalog)
    text = (directory / "zz.toml").read_text(encoding="utf-8")
    (directory / "zz.toml").write_text(text.replace("line 4", "line 5"), encoding="utf-8")
    _counts, problems = law_catalog.problems(directory, catalog)
    assert (
        "rules/law/zz.toml:period.allowed.form_line: not in the Spanish catalog "
        "(run manage.py law --messages)"
    ) in problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("above 2% of AGI", frozenset(), id="a-bare-percent-is-a-percent"),
        pytest.param("2% de su AGI", frozenset(), id="percent-then-d-is-not-a-directive"),
        pytest.param("{loss} and {loss}", frozenset({"loss"}), id="brace-fields"),
        pytest.param("%(year)s and {state}", frozenset({"%(year)", "state"}), id="named-percent"),
        pytest.param("a {brace", frozenset({"<unbalanced brace>"}), id="unbalanced-brace"),
    ],
)
def test_placeholders(text, expected):
    assert law_catalog.placeholders(text) == expected


def test_law_check_spanish_fails_on_a_placeholder_mismatch_and_plain_check_reports_counts(
    law, monkeypatch, capsys
):
    directory, catalog = law
    law_catalog.write_catalog(directory, catalog)
    translate(catalog, {STATEMENT: "Para {year}, {state} permite la pérdida de {perdida}."})
    monkeypatch.setattr(law_catalog, "LAW_DIR", directory)
    monkeypatch.setattr(law_catalog, "CATALOG", catalog)

    # The catalog is complete, so plain --check is strict too (SPANISH_STRICT): it prints the
    # counts, then fails.
    with pytest.raises(CommandError, match="6 law texts lack a current Spanish translation"):
        call_command("law", "--check")
    assert (
        "Spanish: 0 of 6 law texts translated; 0 stale (fuzzy), 1 with other placeholders, 5 "
        in (capsys.readouterr().out)
    )
    with pytest.raises(CommandError, match="6 law texts lack a current Spanish translation"):
        call_command("law", "--check", "--spanish")
    assert "the Spanish has placeholders perdida, state, year" in capsys.readouterr().err


def test_law_check_spanish_passes_a_complete_catalog(law, monkeypatch, capsys):
    directory, catalog = law
    law_catalog.write_catalog(directory, catalog)
    translate(catalog, SPANISH)
    monkeypatch.setattr(law_catalog, "LAW_DIR", directory)
    monkeypatch.setattr(law_catalog, "CATALOG", catalog)
    call_command("law", "--check", "--spanish")
    assert "Spanish: 6 of 6 law texts translated" in capsys.readouterr().out


# ---- the real catalogs ----


def test_the_law_catalog_has_every_shown_text_of_the_law_files():
    """A law-file edit is followed by `manage.py law --messages` (translations are kept)."""
    _counts, problems = law_catalog.problems(law_catalog.LAW_DIR, law_catalog.CATALOG)
    assert [p for p in problems if "not in the Spanish catalog" in p] == []


def spanish_catalogs() -> list[Path]:
    return [Path(p) / "es" / "LC_MESSAGES" / "django.po" for p in settings.LOCALE_PATHS]


@pytest.mark.parametrize("catalog", spanish_catalogs(), ids=lambda p: str(p.parent.parent.parent))
def test_each_compiled_spanish_catalog_is_its_po_compiled(catalog, tmp_path):
    """The .mo files are committed (a fresh machine runs without GNU gettext): each must say
    what its .po says (`compilemessages`, or `manage.py law --messages` for the law's)."""
    mo = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(catalog)], check=True)
    with mo.open("rb") as fresh, catalog.with_suffix(".mo").open("rb") as committed:
        assert (
            gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(fresh)._catalog
        )


@pytest.mark.parametrize("catalog", spanish_catalogs(), ids=lambda p: str(p.parent.parent.parent))
def test_every_message_of_the_spanish_catalogs_is_translated_and_current(catalog):
    po = polib.pofile(str(catalog))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


def test_every_law_text_has_a_current_spanish_translation_with_the_same_placeholders():
    """What `manage.py law --check --spanish` fails on, for the real law files and catalog."""
    _counts, problems = law_catalog.problems(law_catalog.LAW_DIR, law_catalog.CATALOG)
    assert problems == []
