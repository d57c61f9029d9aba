"""What an unsettled answer rests on, said plainly (issue 20, item 8).

Georgia and Maine 2026 on, Montana 2018–2023 stay needs_review: no enacted act or form settles
them (Georgia: HB 290 of 2025 keeps the Code "enacted on or before January 1, 2025", and the 2026
act found, HB 463, changes the rate, the standard deduction and exemptions only; Maine: 36 M.R.S.
§111(1-A) "as of December 31, 2024", no 2026 act moving it; Montana: Mont. Code §15-30-2131(1)(a)
names IRC §§161 and 211, not §67, and the 2021–2022 Schedule III has no 2% line). So the
sentence a person reads must say what the answer rests on (the law it turns on), and when and
where the state will settle it, with the refund window for amending afterwards.
"""

from __future__ import annotations

import pytest

from rules._law import current_law

CASES = [
    # state, period id, the law it rests on, where the state will say, when
    ("GA", "conformity_2026_unsettled", "HB 290", "dor.georgia.gov", "January or February 2027"),
    (
        "ME",
        "conformity_2026_unsettled",
        "§111(1-A)",
        "maine.gov/revenue",
        "January or February 2027",
    ),
    ("MT", "schedule_iii_unsettled", "§15-30-2131", "MTRevenue.gov", "before you amend"),
]


def period(code: str, period_id: str):
    (found,) = [p for p in current_law().jurisdictions[code].periods if p.id == period_id]
    return found


@pytest.mark.parametrize("code, period_id, law, where, when", CASES, ids=lambda v: str(v))
def test_an_unsettled_answer_says_what_it_rests_on_and_when_the_state_will_say(
    code, period_id, law, where, when
):
    p = period(code, period_id)
    assert p.outcome == "needs_review"
    assert p.rests_on.startswith("This answer rests on ")
    assert law in p.rests_on
    assert where in p.rests_on and when in p.rests_on
    assert "refund window" in p.rests_on


@pytest.mark.parametrize("code", ["GA", "ME"])
def test_the_open_ended_2026_period_says_when_2027_is_settled_too(code):
    assert "for 2027, a year later" in period(code, "conformity_2026_unsettled").rests_on
