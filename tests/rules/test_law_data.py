"""The law files: all 51 jurisdictions plus federal, every year covered once, every period cited,
and a malformed file fails loudly, naming the file and the field."""

from __future__ import annotations

import datetime
import shutil
import tomllib
from pathlib import Path

import pytest

from rules import (
    FEDERAL,
    FIRST_TAX_YEAR,
    STATE_CODES,
    LawError,
    current_law,
    last_tax_year,
    load_law,
)
from rules._law import LAW_DIR

TODAY = datetime.date(2026, 11, 24)


def test_federal_and_all_51_jurisdictions_are_present():
    law = current_law()
    assert set(law.jurisdictions) == {FEDERAL, *STATE_CODES}
    assert len(STATE_CODES) == 51  # 50 states and DC


@pytest.mark.parametrize("code", [FEDERAL, *STATE_CODES])
def test_every_supported_year_is_covered_by_exactly_one_period(code):
    jurisdiction = current_law().jurisdictions[code]
    for year in range(FIRST_TAX_YEAR, last_tax_year() + 1):
        covering = [p for p in jurisdiction.periods if year in p.years]
        assert len(covering) == 1, (code, year)


@pytest.mark.parametrize("code", [FEDERAL, *STATE_CODES])
def test_every_period_and_rule_has_a_statement_citation_and_review_date(code):
    jurisdiction = current_law().jurisdictions[code]
    entries = [*jurisdiction.periods, *jurisdiction.rules]
    if jurisdiction.capital_losses:
        entries.append(jurisdiction.capital_losses)
    for entry in entries:
        assert entry.statement.strip()
        assert entry.citations and all(c.title for c in entry.citations)
        assert all(c.url == "" or c.url.startswith("https://") for c in entry.citations)
        assert entry.reviewed <= datetime.date.today()


def _raw_citations(path: Path):
    """Every citation table in one law file, as written (no_url is checked, not kept)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = [*data.get("period", []), *data.get("rule", [])]
    if "capital_losses" in data:
        entries.append(data["capital_losses"])
    for entry in entries:
        yield from entry["citations"]


@pytest.mark.parametrize("path", sorted(LAW_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_every_citation_has_an_https_url_or_a_reason_why_none_exists(path):
    for citation in _raw_citations(path):
        has_url = citation.get("url", "").startswith("https://")
        has_reason = bool(citation.get("no_url", "").strip())
        assert has_url != has_reason, (path.name, citation["title"])


# Words that belong in research notes, never in a sentence a taxpayer reads.
RESEARCH_WORDS = (
    "not been read",
    "not been checked",
    "not checked",
    "not been reviewed",
    "not been confirmed",
    "unconfirmed",
    "not verified",
    "inferred",
    "dossier",
    "research",
    "from memory",
    "todo",
    "tbd",
    "(2°)",
    "confidence",
    "check the year’s form",
)


def _user_text(path: Path):
    """Every string a user may read: statements, what an answer rests on, form lines."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    tables = [
        *data.get("period", []),
        *data.get("rule", []),
        *data.get("limit", []),
        data.get("capital_losses", {}),
        data.get("refund", {}),
    ]
    for table in tables:
        for key in ("statement", "rests_on", "form_line"):
            if key in table:
                yield f"{table.get('id', key)}.{key}", table[key]


@pytest.mark.parametrize("path", sorted(LAW_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_no_sentence_a_user_reads_carries_a_research_note(path):
    found = [
        (where, word)
        for where, text in _user_text(path)
        for word in RESEARCH_WORDS
        if word in text.lower()
    ]
    assert not found


def test_the_research_word_check_does_catch_a_note(tmp_path):
    law = _broken_copy(
        tmp_path,
        "ca",
        "you may itemize for California",
        "the amended text has not been read yet; you may itemize for California",
    )
    assert any(
        word in text.lower() for _, text in _user_text(law / "ca.toml") for word in RESEARCH_WORDS
    )


def test_every_deductible_state_period_says_how_the_loss_counts():
    """A floor for every deductible period, and a refund limit for every state with one."""
    for code in STATE_CODES:
        jurisdiction = current_law().jurisdictions[code]
        deductible = [p for p in jurisdiction.periods if p.outcome == "deductible"]
        for period in deductible:
            assert period.floor_percent is not None, (code, period.id)
        if deductible:
            assert jurisdiction.refund is not None, code
            assert jurisdiction.refund.citations, code


def test_the_last_period_is_open_ended_so_next_year_is_covered_too():
    for jurisdiction in current_law().jurisdictions.values():
        assert any(p.years.last is None for p in jurisdiction.periods), jurisdiction.code


def test_rules_version_names_the_review_date_and_changes_with_the_content(tmp_path):
    copy = tmp_path / "law"
    shutil.copytree(LAW_DIR, copy)
    before = load_law(copy, TODAY).version
    assert before.startswith(load_law(copy, TODAY).last_reviewed.isoformat())
    (copy / "tx.toml").write_text((copy / "tx.toml").read_text() + "\n# a comment\n")
    assert load_law(copy, TODAY).version != before


def _broken_copy(tmp_path: Path, code: str, old: str, new: str) -> Path:
    copy = tmp_path / "law"
    shutil.copytree(LAW_DIR, copy)
    path = copy / f"{code}.toml"
    text = path.read_text()
    assert old in text, f"fixture text {old!r} not in {code}.toml"
    path.write_text(text.replace(old, new, 1))
    return copy


@pytest.mark.parametrize(
    ("code", "old", "new", "names"),
    [
        pytest.param(
            "us",
            'outcome = "suspended_2018_2025"',
            'outcome = "maybe"',
            "period[1].outcome",
            id="unknown-outcome",
        ),
        pytest.param(
            "us",
            "years = { first = 2018, last = 2025 }",
            "years = { first = 2019, last = 2025 }",
            "2018",
            id="gap-in-years",
        ),
        pytest.param(
            "us",
            "years = { first = 2018, last = 2025 }",
            "years = { first = 2017, last = 2025 }",
            "covered twice",
            id="overlap",
        ),
        pytest.param(
            "ny",
            "years = 3\n",
            "years = 30\n",
            "refund.years",
            id="refund-years-out-of-range",
        ),
        pytest.param(
            "ny",
            'runs_from = "04-15"',
            'runs_from = "04-31"',
            "refund.runs_from",
            id="refund-date-that-does-not-exist",
        ),
        pytest.param(
            "ny",
            'limit = ["federal_overall_limit", "itemized_deduction_limit"]',
            'limit = ["federal_overall_limit", "itemised_deduction_limit"]',
            "period[0].limit",
            id="period-names-a-limit-that-does-not-exist",
        ),
        pytest.param(
            "ca",
            'kind = "excess_agi_percent"',
            'kind = "six_percent"',
            "limit[0].kind",
            id="unknown-limit-kind",
        ),
        pytest.param(
            "ny",
            '["150000", "25"], ["475000", "25"]',
            '["475000", "25"], ["150000", "25"]',
            "rising order",
            id="limit-points-out-of-order",
        ),
        pytest.param(
            "al",
            'floor_agi = "state"',
            'floor_agi = "alabama"',
            "floor_agi",
            id="floor-agi-neither-federal-nor-state",
        ),
        pytest.param(
            "us",
            'applies_to = ["employer_plan", "employer_roth", "inherited_ira"]',
            'applies_to = ["employer_plans"]',
            "applies_to",
            id="rule-for-an-unknown-account-group",
        ),
        pytest.param(
            "us",
            "reviewed = 2026-11-24",
            'reviewed = "soon"',
            "period[0].reviewed",
            id="review-date-not-a-date",
        ),
        pytest.param(
            "us",
            'url = "https://www.law.cornell.edu/uscode/text/26/67" }',
            'url = "http://example.com" }',
            "url",
            id="citation-not-https",
        ),
        pytest.param(
            "us",
            'outcome = "allowed_misc_itemized"',
            'outcom = "allowed_misc_itemized"',
            "unknown keys",
            id="typo-in-a-key",
        ),
        pytest.param(
            "us",
            ', url = "https://www.law.cornell.edu/uscode/text/26/67" }',
            " }",
            "period[0].citations[0].url",
            id="citation-with-neither-url-nor-reason",
        ),
        pytest.param(
            "us",
            ', url = "https://www.law.cornell.edu/uscode/text/26/67" }',
            ', url = "https://www.law.cornell.edu/uscode/text/26/67", no_url = "gone" }',
            "period[0].citations[0].no_url",
            id="citation-with-both-url-and-reason",
        ),
        pytest.param(
            "us",
            ', url = "https://www.law.cornell.edu/uscode/text/26/67" }',
            ', no_url = " " }',
            "period[0].citations[0].no_url",
            id="citation-with-an-empty-reason",
        ),
        pytest.param(
            "us",
            ', url = "https://www.law.cornell.edu/uscode/text/26/67" }',
            ', link = "https://www.law.cornell.edu/uscode/text/26/67" }',
            "period[0].citations[0]: unknown keys ['link']",
            id="citation-with-an-unknown-key",
        ),
    ],
)
def test_a_malformed_file_fails_naming_the_file_and_the_field(tmp_path, code, old, new, names):
    with pytest.raises(LawError) as error:
        load_law(_broken_copy(tmp_path, code, old, new), TODAY)
    assert f"{code}.toml" in str(error.value)
    assert names in str(error.value)


def test_a_period_without_citations_is_refused(tmp_path):
    copy = tmp_path / "law"
    shutil.copytree(LAW_DIR, copy)
    path = copy / "us.toml"
    text = path.read_text()
    start = text.index("citations = [", text.index('id = "suspended_tcja"'))
    end = text.index("]\n", text.index("\n]", start)) + 2
    path.write_text(text[:start] + "citations = []\n" + text[end:])
    with pytest.raises(LawError, match=r"us\.toml: period\[1\]\.citations"):
        load_law(copy, TODAY)


def test_a_missing_jurisdiction_is_refused(tmp_path):
    copy = tmp_path / "law"
    shutil.copytree(LAW_DIR, copy)
    (copy / "wy.toml").unlink()
    with pytest.raises(LawError, match="WY"):
        load_law(copy, TODAY)


def test_a_file_that_is_not_toml_is_refused_by_name(tmp_path):
    copy = tmp_path / "law"
    shutil.copytree(LAW_DIR, copy)
    (copy / "ny.toml").write_text("jurisdiction = \n")
    with pytest.raises(LawError, match=r"ny\.toml"):
        load_law(copy, TODAY)


def test_the_rules_package_imports_no_django():
    root = Path(__file__).resolve().parents[2] / "rules"
    for source in root.rglob("*.py"):
        text = source.read_text()
        assert "import django" not in text and "from django" not in text, source
