"""State scenario table: every jurisdiction, each period with a different outcome.

Expected values come from the research dossiers (shared/research/states-a.md, states-b.md and
open-questions.md) and the statutes and forms they cite, worked by hand. The standard case is a
Roth IRA group closed for 18,000 against 20,000 of basis: loss 20,000 − 18,000 = 2,000.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from rules import AccountType, Answers, StateStatus, determine

D = Decimal
DED, NOT, REVIEW, NONE = (
    StateStatus.DEDUCTIBLE,
    StateStatus.NOT_DEDUCTIBLE,
    StateStatus.NEEDS_REVIEW,
    StateStatus.NO_INCOME_TAX,
)
LOSS = D("2000")  # 20,000 basis − 18,000 received


def case(state, year, status, loss=LOSS, *, id, **kw):
    return pytest.param(state, year, status, loss, kw, id=id)


CASES = [
    # --- No personal income tax on these payouts (constitutions/statutes cited in each file).
    *[
        case(s, y, NONE, None, id=f"{s.lower()}-{y}-no-income-tax")
        for s in ("AK", "FL", "NV", "SD", "TX", "WY", "NH", "TN", "WA")
        for y in (2016, 2020)
    ],
    # --- States that kept the 2% items after 2017.
    case("AL", 2017, DED, id="al-2017-own-schedule-a"),
    case("AL", 2021, DED, id="al-2021-own-schedule-a-2pct-of-al-agi"),
    case("AL", 2026, DED, id="al-2026-own-statute-unchanged"),
    case("AR", 2019, DED, id="ar-2019-ar3-other-expenses"),
    case("AR", 2026, DED, id="ar-2026-own-statute"),
    case("CA", 2016, DED, id="ca-2016-follows-federal-itemized"),
    case("CA", 2020, DED, id="ca-2020-schedule-ca-does-not-conform"),
    case("CA", 2026, DED, id="ca-2026-sb-711-no-obbba-conformity"),
    case("HI", 2019, DED, id="hi-2019-hrs-235-2-4-suspension-inoperative"),
    # Act 35, SLH 2026 §3 repeals HRS §235-2.4(b); DOTAX Ann. 2026-06: "will conform to IRC
    # section 67(h)" (law-audit-2026-11.md, issue 10).
    case("HI", 2026, NOT, id="hi-2026-act-35-conforms-to-67h"),
    case("AZ", 2025, NOT, id="az-2025-follows-suspension"),
    case("NY", 2015, DED, id="ny-2015-follows-federal"),
    case("NY", 2022, DED, id="ny-2022-it-196-pinned-to-pre-tcja"),
    case("NY", 2026, DED, id="ny-2026-615a-has-no-sunset"),
    # --- Pre-2018 conformity states: 2018 only (IA IRC 1/1/2015; MN IRC 12/16/2016).
    case("IA", 2018, DED, id="ia-2018-pre-tcja-code"),
    case("IA", 2019, NOT, id="ia-2019-follows-suspension"),
    case("MN", 2018, DED, id="mn-2018-pre-tcja-code"),
    case("MN", 2019, NOT, id="mn-2019-own-list-without-other-expenses"),
    # --- Kansas: 70% in 2013, 65% in 2014, nothing 2015–2017 (K.S.A. 79-32,120; KDOR Notice 13-11).
    case("KS", 2012, DED, id="ks-2012-full-federal-itemized"),
    case("KS", 2013, DED, id="ks-2013-70-percent"),
    case("KS", 2014, DED, id="ks-2014-65-percent"),
    case("KS", 2016, NOT, id="ks-2016-listed-deductions-only"),
    # --- Follow federal: deductible through 2017, not from 2018.
    *[
        case(s, y, DED if y <= 2017 else NOT, id=f"{s.lower()}-{y}-follows-federal")
        for s in (
            "AZ",
            "CO",
            "DE",
            "DC",
            "ID",
            "KY",
            "LA",
            "MD",
            "MS",
            "MO",
            "NE",
            "NM",
            "ND",
            "OK",
            "OR",
            "SC",
            "VA",
            "VT",
        )
        for y in (2017, 2018, 2026)
    ],
    # --- 2026 unsettled: static conformity before Pub. L. 119-21 (open-questions Q1-GA, Q1-ME).
    case("GA", 2017, DED, id="ga-2017-follows-federal"),
    case("GA", 2025, NOT, id="ga-2025-follows-suspension"),
    case("GA", 2026, REVIEW, id="ga-2026-needs-review"),
    case("ME", 2016, DED, id="me-2016-follows-federal"),
    case("ME", 2020, NOT, id="me-2020-follows-suspension"),
    case("ME", 2026, REVIEW, id="me-2026-needs-review"),
    # --- Montana: Schedule III 2018–2023 unsettled; federal taxable income from 2024.
    case("MT", 2017, DED, id="mt-2017-schedule-iii"),
    case("MT", 2020, REVIEW, id="mt-2020-needs-review"),
    case("MT", 2024, NOT, id="mt-2024-federal-taxable-income"),
    # --- Earlier cut-offs: NC from 2014, RI from 2011; UT credit base 2008–2017; WI from 2014.
    case("NC", 2013, DED, id="nc-2013-federal-taxable-income"),
    case("NC", 2014, NOT, id="nc-2014-own-itemized-list"),
    case("RI", 2010, DED, id="ri-2010-federal-itemized"),
    case("RI", 2011, NOT, id="ri-2011-itemized-eliminated"),
    case("UT", 2005, DED, id="ut-2005-tc-40-federal-itemized-deduction"),
    case("UT", 2015, DED, id="ut-2015-taxpayer-credit-base"),
    case("UT", 2018, NOT, id="ut-2018-credit-base-without-loss"),
    case("WI", 2010, REVIEW, id="wi-2010-credit-base-unsettled"),
    case("WI", 2015, NOT, id="wi-2015-credit-without-misc"),
    # --- Never: no itemized deductions, or retirement payouts exempt.
    *[
        case(s, y, NOT, id=f"{s.lower()}-{y}-never")
        for s in ("CT", "IL", "IN", "MI", "OH", "WV")
        for y in (2010, 2022)
    ],
    # --- State-basis states: no loss deduction, but the state loss uses the state basis.
    case("MA", 2016, NOT, id="ma-2016-cost-recovery-no-deduction"),
    case("NJ", 2020, NOT, id="nj-2020-no-losses-on-nj-1040"),
    case("PA", 2026, NOT, id="pa-2026-no-miscellaneous-deductions"),
]


@pytest.mark.parametrize(("state", "year", "status", "loss", "extra"), CASES)
def test_state_outcome(state, year, status, loss, extra):
    answers = Answers(
        account_type=AccountType.ROTH_IRA,
        tax_year=year,
        state=state,
        basis=D("20000"),
        fully_liquidated=True,
        total_distributions=D("18000"),
        **extra,
    )
    result = determine(answers).state
    assert result.status is status
    assert result.loss == loss
    if status is DED:
        assert result.form_line
    assert all(s.citations for s in result.statements)


@pytest.mark.parametrize(
    ("state", "year", "federal_basis", "state_basis", "status", "loss"),
    [
        # CA: extra California IRA basis (FTB Pub. 1005); 25,000 − 18,000 = 7,000 for California.
        pytest.param(
            "CA", 2020, "0", "25000", DED, "7000", id="ca-state-basis-gives-a-california-only-loss"
        ),
        pytest.param(
            "CA", 2020, "20000", "25000", DED, "7000", id="ca-state-basis-larger-than-federal"
        ),
        # MA/NJ/PA taxed contributions: the state loss is computed, but it cannot be claimed.
        pytest.param(
            "MA", 2019, "0", "25000", NOT, "7000", id="ma-state-basis-loss-not-deductible"
        ),
        pytest.param(
            "NJ", 2019, "0", "25000", NOT, "7000", id="nj-state-basis-loss-not-deductible"
        ),
        pytest.param(
            "PA", 2019, "0", "25000", NOT, "7000", id="pa-state-basis-loss-not-deductible"
        ),
        # A state without a state-basis rule ignores state_basis: NY uses the federal 20,000.
        pytest.param("NY", 2020, "20000", "25000", DED, "2000", id="ny-ignores-a-state-basis"),
    ],
)
def test_state_basis_drives_the_state_loss(state, year, federal_basis, state_basis, status, loss):
    answers = Answers(
        account_type=AccountType.TRADITIONAL_IRA,
        tax_year=year,
        state=state,
        basis=D(federal_basis),
        fully_liquidated=True,
        total_distributions=D("18000"),
        state_basis=D(state_basis),
    )
    result = determine(answers)
    assert result.state.status is status
    assert result.state.loss == D(loss)


@pytest.mark.parametrize(
    ("state", "paid_out", "basis", "status"),
    [
        # The federal conditions come first: no basis or open accounts → no state loss either.
        pytest.param("NY", True, "0", NOT, id="ny-no-basis-no-loss"),
        pytest.param("CA", False, "20000", NOT, id="ca-accounts-still-open"),
        pytest.param("GA", False, "20000", NOT, id="ga-2026-open-accounts-settled-no"),
        pytest.param("TX", False, "0", NONE, id="tx-no-income-tax-either-way"),
    ],
)
def test_the_conditions_apply_before_the_state_law(state, paid_out, basis, status):
    answers = Answers(
        account_type=AccountType.ROTH_IRA,
        tax_year=2026,
        state=state,
        basis=D(basis),
        fully_liquidated=paid_out,
        total_distributions=D("18000") if paid_out else None,
    )
    assert determine(answers).state.status is status


@pytest.mark.parametrize(
    ("state", "status"),
    [
        pytest.param("NY", DED, id="ny-capital-loss-follows-federal-agi"),
        pytest.param("WI", DED, id="wi-capital-loss-500-limit"),
        pytest.param("PA", DED, id="pa-capital-loss-within-class"),
        pytest.param("FL", NONE, id="fl-no-income-tax"),
        pytest.param("WA", REVIEW, id="wa-capital-gains-excise"),
    ],
)
def test_brokerage_capital_losses_by_state(state, status):
    answers = Answers(AccountType.TAXABLE_BROKERAGE, 2022, state, D("20000"), True, D("12000"))
    result = determine(answers).state
    assert result.status is status
    assert result.loss == (None if status is NONE else D("8000"))


@pytest.mark.parametrize(
    ("proceeds", "sold", "status"),
    [
        pytest.param("25000", True, NOT, id="ny-brokerage-gain-is-no-state-loss"),
        pytest.param(None, False, NOT, id="ny-brokerage-unsold-is-no-state-loss"),
    ],
)
def test_a_brokerage_account_without_a_realized_loss_has_nothing_for_the_state(
    proceeds, sold, status
):
    answers = Answers(
        AccountType.TAXABLE_BROKERAGE,
        2022,
        "NY",
        D("20000"),
        sold,
        None if proceeds is None else D(proceeds),
    )
    assert determine(answers).state.status is status
