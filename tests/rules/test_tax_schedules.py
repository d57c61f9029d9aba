"""The states' rate schedules and the contribution limits (issue 21), worked by hand from the
sources, and the law reader refusing a malformed [[tax_schedule]] or [[contribution_limit]]
with the file and the field named."""

from __future__ import annotations

import datetime
import shutil
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from rules import FEDERAL, STATE_CODES, FilingStatus, LawError, current_law, load_law
from rules._law import LAW_DIR
from tests.rules.test_law_data import RESEARCH_WORDS, _broken_copy

TODAY = datetime.date(2026, 12, 3)
D = Decimal
S = FilingStatus.SINGLE
J = FilingStatus.MARRIED_JOINT
SEP = FilingStatus.MARRIED_SEPARATE
HOH = FilingStatus.HEAD_OF_HOUSEHOLD
QSS = FilingStatus.QUALIFYING_SURVIVING_SPOUSE


def _schedule(code: str, year: int = 2026):
    schedule = current_law().jurisdictions[code].tax_schedule_for(year)
    assert schedule is not None, (code, year)
    return schedule


@pytest.mark.parametrize(
    ("code", "status", "taxable", "tax"),
    [
        # FTB 2025 Schedule X: 1% of 11,079 = 110.79; 2% of (26,264 − 11,079 = 15,185) = 303.70;
        # 4% of (41,452 − 26,264 = 15,188) = 607.52 ("$1,022.01 plus 6% of the amount over
        # $41,452"); 6% of (50,000 − 41,452 = 8,548) = 512.88; 1,022.01 + 512.88 = 1,534.89
        pytest.param("CA", S, "50000", "1534.89", id="ca-single-50k"),
        # Schedule Y: 1% of 22,158 = 221.58; 2% of 30,370 = 607.40; 4% of 30,376 = 1,215.04
        # (2,044.02 at 82,904); 6% of (100,000 − 82,904 = 17,096) = 1,025.76; total 3,069.78
        pytest.param("CA", J, "100000", "3069.78", id="ca-joint-100k"),
        # Schedule Z: 1% of 22,173 = 221.73; 2% of 30,357 = 607.14; 4% of 15,186 = 607.44;
        # 6% of (70,000 − 67,716 = 2,284) = 137.04; total 1,573.35
        pytest.param("CA", HOH, "70000", "1573.35", id="ca-head-70k"),
        # Schedule X to 742,953: 1,987.41 at 57,542; 8% of 15,182 = 1,214.56 (3,201.97);
        # 9.3% of 298,755 = 27,784.215 (30,986.185); 10.3% of 74,292 = 7,652.076 (38,638.261);
        # 11.3% of 297,182 = 33,581.566 (72,219.827, the schedule's "$72,219.83"); 12.3% of
        # (1,000,000 − 742,953 = 257,047) = 31,616.781; above 1,000,000 13.3% (the 1% Behavioral
        # Health Services Tax on top) of 100,000 = 13,300; total 117,136.608
        pytest.param("CA", S, "1100000", "117136.608", id="ca-single-1.1m-mental-health-tax"),
        # Tax Law §601(c) for 2026: 3.9% of 8,500 = 331.50; 4.4% of 3,200 = 140.80; 5.15% of
        # 2,200 = 113.30; 5.4% of (50,000 − 13,900 = 36,100) = 1,949.40; total 2,535.00
        pytest.param("NY", S, "50000", "2535.00", id="ny-single-50k"),
        # §601(a): 3.9% of 17,150 = 668.85; 4.4% of 6,450 = 283.80; 5.15% of 4,300 = 221.45;
        # 5.4% of (100,000 − 27,900 = 72,100) = 3,893.40; total 5,067.50
        pytest.param("NY", J, "100000", "5067.50", id="ny-joint-100k"),
        # §601(b): 3.9% of 12,800 = 499.20; 4.4% of 4,850 = 213.40; 5.15% of 3,250 = 167.375;
        # 5.4% of 86,750 = 4,684.50; 5.9% of (120,000 − 107,650 = 12,350) = 728.65; 6,293.125
        pytest.param("NY", HOH, "120000", "6293.125", id="ny-head-120k"),
        # Ala. Code §40-18-5: 2% of 500 = 10; 4% of 2,500 = 100; 5% of 47,000 = 2,350; 2,460
        pytest.param("AL", S, "50000", "2460", id="al-single-50k"),
        # joint: 2% of 1,000 = 20; 4% of 5,000 = 200; 5% of 44,000 = 2,200; 2,420
        pytest.param("AL", J, "50000", "2420", id="al-joint-50k"),
        # Act 1 of 2026: 3.7% of 50,000 less 367.20 = 1,850 − 367.20 = 1,482.80; by brackets:
        # 2% of 5,600 = 112; 3% of 4,800 = 144; 3.4% of 10,400 = 353.60; 3.7% of 23,600 = 873.20
        pytest.param("AR", S, "50000", "1482.80", id="ar-single-50k"),
        # 2% of 5,600 = 112; 3% of 4,800 = 144; 3.4% of (20,000 − 16,000) = 136; total 392
        pytest.param("AR", J, "20000", "392", id="ar-joint-20k"),
        pytest.param("AR", S, "5000", "0", id="ar-below-5600-no-tax"),
        # 4.99% flat: 50,000 × 4.99% = 2,495; 80,000 × 4.99% = 3,992
        pytest.param("GA", S, "50000", "2495", id="ga-single-50k"),
        pytest.param("GA", J, "80000", "3992", id="ga-joint-80k"),
        # MRS 2026 schedule #1: 5.8% of 27,400 = 1,589.20 (MRS prints $1,589); 6.75% of
        # (50,000 − 27,400 = 22,600) = 1,525.50; total 3,114.70 (MRS: 3,114.50)
        pytest.param("ME", S, "50000", "3114.70", id="me-single-50k"),
        # schedule #2: 5.8% of 41,100 = 2,383.80; 6.75% of 56,200 = 3,793.50; 7.15% of
        # (100,000 − 97,300 = 2,700) = 193.05; total 6,370.35
        pytest.param("ME", HOH, "100000", "6370.35", id="me-head-100k"),
        # #1 to 64,850: 1,589.20 + 6.75% of 37,450 = 2,527.875; 7.15% of 935,150 = 66,863.225;
        # the 2% surcharge on top above 1,000,000: 9.15% of 100,000 = 9,150; total 80,130.30
        pytest.param("ME", S, "1100000", "80130.300", id="me-single-1.1m-surcharge"),
    ],
)
def test_the_tax_is_worked_out_from_the_state_brackets(code, status, taxable, tax):
    assert _schedule(code).tax(D(taxable), status) == D(tax)


@pytest.mark.parametrize("code", ["AL", "AR", "CA", "GA", "ME", "NY"])
def test_no_tax_on_nothing_or_less(code):
    assert _schedule(code).tax(D(0), S) == 0
    assert _schedule(code).tax(D(-5000), J) == 0


@pytest.mark.parametrize(
    ("code", "status", "agi", "deduction"),
    [
        # Alabama's chart (2024 Form 40 instructions, §40-18-15(b)): single $3,000 up to
        # $25,999; less $25 for each whole $500 over $25,500: 30,000 → 9 steps → 2,775;
        # $2,500 from $35,500
        pytest.param("AL", S, "20000", "3000", id="al-single-20k-full"),
        pytest.param("AL", S, "30000", "2775", id="al-single-30k-9-steps"),
        pytest.param("AL", S, "40000", "2500", id="al-single-40k-floor"),
        # joint: the chart's $26,000–$26,499 row is $8,325, $30,000–$30,499 is $6,925
        pytest.param("AL", J, "25999", "8500", id="al-joint-25999-full"),
        pytest.param("AL", J, "26499", "8325", id="al-joint-26499-one-step"),
        pytest.param("AL", J, "30000", "6925", id="al-joint-30k"),
        pytest.param("AL", J, "35500", "5000", id="al-joint-35500-floor"),
        # separate: $4,250 to $12,999; $13,000–$13,249 $4,162; $17,500–$17,749 $2,578; $2,500
        pytest.param("AL", SEP, "13100", "4162", id="al-separate-13100"),
        pytest.param("AL", SEP, "17600", "2578", id="al-separate-17600"),
        pytest.param("AL", SEP, "17750", "2500", id="al-separate-17750-floor"),
        # head of family: 5,200 less 135 a step: 30,000 → 9 steps → 3,985
        pytest.param("AL", HOH, "30000", "3985", id="al-head-30k"),
        # Maine 2026: 15,300 less 15,300 × (120,000 − 102,250) / 75,000 = 15,300 × 0.7633… =
        # 11,679; none from 177,250
        pytest.param("ME", S, "100000", "15300", id="me-single-below-phase-out"),
        pytest.param("ME", S, "120000", "11679", id="me-single-120k-phasing-out"),
        pytest.param("ME", S, "200000", "0", id="me-single-200k-none"),
        pytest.param("ME", J, "100000", "30600", id="me-joint-100k"),
        pytest.param("CA", S, "1000000", "5706", id="ca-single-any-agi"),
        pytest.param("CA", HOH, "50000", "11412", id="ca-head"),
        pytest.param("NY", HOH, "50000", "11200", id="ny-head"),
        pytest.param("NY", QSS, "50000", "16050", id="ny-surviving-spouse"),
        pytest.param("GA", J, "50000", "30000", id="ga-joint"),
        pytest.param("AR", J, "50000", "4940", id="ar-joint"),
    ],
)
def test_the_standard_deduction_for_the_status_and_agi(code, status, agi, deduction):
    assert _schedule(code).standard_deduction(status, D(agi)) == D(deduction)


@pytest.mark.parametrize(
    ("code", "status", "exemptions"),
    [
        pytest.param("AL", S, "1500", id="al-single"),
        pytest.param("AL", J, "3000", id="al-joint"),
        pytest.param("ME", J, "10600", id="me-joint-two-people"),
        pytest.param("ME", S, "5300", id="me-single"),
        pytest.param("CA", S, "0", id="ca-credits-not-exemptions"),
        pytest.param("NY", J, "0", id="ny-none-for-the-taxpayer"),
    ],
)
def test_personal_exemptions_subtracted_from_income(code, status, exemptions):
    assert _schedule(code).exemptions(status, D(60000)) == D(exemptions)


def test_a_year_whose_figures_are_not_published_says_whose_they_are():
    california = _schedule("CA")
    assert california.figures_for == 2025
    assert "2025" in california.statement
    assert _schedule("CA", 2031) is california  # open-ended: later years reuse it
    assert current_law().jurisdictions["CA"].tax_schedule_for(2025) is None
    assert _schedule("NY").figures_for == 2026


def test_every_state_where_the_loss_can_count_in_2026_has_a_schedule():
    law = current_law()
    for code in STATE_CODES:
        jurisdiction = law.jurisdictions[code]
        if jurisdiction.period_for(2026).outcome in {"deductible", "needs_review"}:
            schedule = jurisdiction.tax_schedule_for(2026)
            assert schedule is not None, code
            assert schedule.citations and schedule.leaves_out, code


@pytest.mark.parametrize(
    ("group", "year", "age", "limit"),
    [
        # IRS Notice 2025-67: IRA $7,500, catch-up $1,100 at 50 or older
        pytest.param("roth_iras", 2026, "49", "7500", id="ira-2026-49"),
        pytest.param("roth_iras", 2026, "50", "8600", id="ira-2026-50"),
        pytest.param("traditional_iras", 2026, "61", "8600", id="ira-2026-61-no-higher"),
        pytest.param("roth_iras", 2026, None, "7500", id="ira-2026-no-age"),
        # Notice 2024-80: IRA $7,000 + $1,000
        pytest.param("roth_iras", 2025, "50", "8000", id="ira-2025-50"),
        # §402(g) 2026: $24,500; catch-up $8,000; ages 60–63 $11,250 instead
        pytest.param("employer_plan", 2026, "49", "24500", id="plan-2026-49"),
        pytest.param("employer_plan", 2026, "50", "32500", id="plan-2026-50"),
        pytest.param("employer_roth", 2026, "61", "35750", id="plan-2026-61"),
        pytest.param("employer_plan", 2026, "63.5", "35750", id="plan-2026-63-and-a-half"),
        pytest.param("employer_plan", 2026, "64", "32500", id="plan-2026-64-back-to-50-plus"),
        # 2025: $23,500 + $11,250 at 60–63
        pytest.param("employer_plan", 2025, "61", "34750", id="plan-2025-61"),
        pytest.param("employer_plan", 2027, "50", "32500", id="plan-2027-reuses-2026"),
        # §219(d)(4): nothing goes into an inherited IRA, at any age
        pytest.param("inherited_ira", 2026, "61", "0", id="inherited-never"),
    ],
)
def test_the_contribution_limit_by_age(group, year, age, limit):
    found = current_law().jurisdictions[FEDERAL].contribution_limit_for(group, year)
    assert found is not None
    assert found.for_age(None if age is None else D(age)) == D(limit)


def test_no_limit_for_a_brokerage_account_or_a_state():
    law = current_law()
    assert law.jurisdictions[FEDERAL].contribution_limit_for("brokerage", 2026) is None
    assert law.jurisdictions["CA"].contribution_limit_for("roth_iras", 2026) is None


@pytest.mark.parametrize(
    ("code", "rule_id", "values"),
    [
        pytest.param("US", "early_withdrawal_72t", {"rate": "10", "age": "59.5"}, id="72t"),
        pytest.param("US", "simple_ira_first_two_years", {"rate": "25", "years": "2"}, id="72t6"),
        pytest.param("US", "conversion_five_years", {"years": "5", "rate": "10"}, id="408A"),
        pytest.param(
            "CA",
            "early_distribution_additional_tax",
            {"rate": "2.5", "simple_rate": "6"},
            id="ca-17085",
        ),
        # Ark. Code §26-51-414(c): 10% of the federal additional tax: 10% × 10% = 1%
        pytest.param(
            "AR",
            "early_distribution_additional_tax",
            {"rate": "1", "simple_rate": "2.5"},
            id="ar-26-51-414c",
        ),
    ],
)
def test_the_costs_of_paying_out_early_are_figures_in_the_law(code, rule_id, values):
    (rule,) = current_law().jurisdictions[code].rules_for(rule_id, 2026)
    assert dict(rule.values) == {k: D(v) for k, v in values.items()}


# Maine's own tax on early payouts (36 M.R.S. §5204-A) ended with 2012; none was found for
# Alabama, Georgia or New York.
@pytest.mark.parametrize("code", ["AL", "GA", "ME", "NY"])
def test_no_state_additional_tax_on_early_payouts_where_the_state_has_none(code):
    jurisdiction = current_law().jurisdictions[code]
    assert jurisdiction.rules_for("early_distribution_additional_tax", 2026) == ()


# ---- The reader refuses a malformed table, naming the file and the field ----


def _copy(tmp_path: Path, code: str, add: str) -> Path:
    """The law files with text added at the end of one of them."""
    copy = tmp_path / "law"
    shutil.copytree(LAW_DIR, copy)
    path = copy / f"{code}.toml"
    path.write_text(path.read_text() + add)
    return copy


CA_SINGLE = 'single = [["0", "1"], ["11079", "2"]'
IRA_2025 = 'id = "ira_contribution_limit"\nyears = { first = 2025, last = 2025 }'


@pytest.mark.parametrize(
    ("code", "old", "new", "names"),
    [
        pytest.param(
            "ca",
            'id = "ca_rates_2025_figures"',
            'id = "x"\nrate = "1"',
            "tax_schedule[0]: unknown keys ['rate']",
            id="unknown-key",
        ),
        pytest.param(
            "ca",
            'married_separate = "5706"\n',
            "",
            "tax_schedule[0].standard_deduction: no figures for married_separate",
            id="status-missing",
        ),
        pytest.param(
            "ca",
            'single = "5706"',
            'single = "5706"\nwidow = "5706"',
            "tax_schedule[0].standard_deduction: unknown keys ['widow']",
            id="unknown-status",
        ),
        pytest.param(
            "ca",
            CA_SINGLE,
            'single = [["100", "1"], ["11079", "2"]',
            "tax_schedule[0].brackets.single: must start from taxable income 0",
            id="brackets-not-from-0",
        ),
        pytest.param(
            "ca",
            CA_SINGLE,
            'single = [["0", "1"], ["0", "2"]',
            "tax_schedule[0].brackets.single: must be in rising order",
            id="brackets-not-rising",
        ),
        pytest.param(
            "ca",
            CA_SINGLE,
            'single = [["0", "1"], [11079, "2"]',
            "tax_schedule[0].brackets.single[1]: must be a number",
            id="amount-not-text",
        ),
        pytest.param(
            "ca",
            CA_SINGLE,
            'single = [["0", "1"], ["11079", "200"]',
            "a rate is a percent",
            id="rate-over-100",
        ),
        pytest.param(
            "ca",
            "figures_for = 2025",
            "figures_for = 2027",
            "tax_schedule[0].figures_for",
            id="figures-after-the-years",
        ),
        pytest.param(
            "al",
            'single = "500"',
            'single = "0"',
            "tax_schedule[0].standard_deduction_step",
            id="zero-step",
        ),
        pytest.param(
            "me",
            'married_joint = "10600"',
            'married_joint = [["0", "10600"], ["0", "0"]]',
            "tax_schedule[0].exemption.married_joint",
            id="exemption-points-not-rising",
        ),
        pytest.param(
            "us",
            IRA_2025,
            'id = "ira_contribution_limit"\nyears = { first = 2025, last = 2026 }',
            "contribution_limit[1].years: overlaps contribution_limit[0]",
            id="limits-overlap",
        ),
        pytest.param(
            "us",
            'groups = ["inherited_ira"]',
            'groups = ["inherited_iras"]',
            "contribution_limit[4].groups",
            id="unknown-group",
        ),
        pytest.param(
            "us",
            'higher_catch_up_ages = ["60", "63"]\nstatement = "For 2025',
            'statement = "For 2025',
            "contribution_limit[2].higher_catch_up: goes with higher_catch_up_ages",
            id="higher-catch-up-without-ages",
        ),
        pytest.param(
            "us",
            'limit = "7500"',
            'limit = "7,500"',
            "contribution_limit[1].limit",
            id="limit-not-a-number",
        ),
        pytest.param(
            "us", 'limit = "0"\n', "", "contribution_limit[4].limit: missing", id="limit-missing"
        ),
    ],
)
def test_a_malformed_schedule_or_limit_fails_naming_the_file_and_the_field(
    tmp_path, code, old, new, names
):
    with pytest.raises(LawError) as error:
        load_law(_broken_copy(tmp_path, code, old, new), TODAY)
    assert f"{code}.toml" in str(error.value)
    assert names in str(error.value)


def test_two_schedules_for_the_same_year_are_refused(tmp_path):
    text = (LAW_DIR / "ga.toml").read_text()
    again = text[text.index("[[tax_schedule]]") :].replace('id = "ga_rates_2026"', 'id = "again"')
    with pytest.raises(LawError, match=r"ga\.toml: tax_schedule\[1\]\.years: overlaps"):
        load_law(_copy(tmp_path, "ga", "\n" + again), TODAY)


@pytest.mark.parametrize(
    ("code", "table", "names"),
    [
        pytest.param(
            "us",
            "tax_schedule",
            "us.toml: tax_schedule: belongs in a state's file",
            id="schedule-in-us",
        ),
        pytest.param(
            "ca",
            "contribution_limit",
            "ca.toml: contribution_limit: belongs in us.toml",
            id="limit-in-ca",
        ),
    ],
)
def test_each_table_belongs_in_its_own_file(tmp_path, code, table, names):
    with pytest.raises(LawError) as error:
        load_law(_copy(tmp_path, code, f'\n[[{table}]]\nid = "misplaced"\n'), TODAY)
    assert names in str(error.value)


def test_what_a_user_reads_carries_no_research_note():
    """The same words test_law_data refuses in statements, for the new tables."""
    for path in sorted(LAW_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for table in (*data.get("tax_schedule", []), *data.get("contribution_limit", [])):
            for key in ("statement", "leaves_out"):
                text = table.get(key, "").lower()
                assert not [w for w in RESEARCH_WORDS if w in text], (path.name, table["id"])
