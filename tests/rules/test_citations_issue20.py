"""Each period cites the law as it stood in its own years (issue 20, item 7).

Hawaii's §67(g) exception (HRS §235-2.4(b)) came with Act 27 of 2018, for the suspension that
Pub. L. 115-97 added for 2018: before 2018 the 2% floor came in through the general conformity
(§235-2.3). California's §17076(c) and its January 1, 2025 conformity date came with SB 711
(Stats. 2025, ch. 231) for tax years from 2025; 2018–2024 rest on the January 1, 2015 date.
"""

from __future__ import annotations

import pytest

from rules import current_law


def _cited(code: str, year: int) -> str:
    period = current_law().jurisdictions[code].period_for(year)
    return " ".join(f"{c.title} {c.pinpoint}" for c in period.citations)


@pytest.mark.parametrize("year", [2000, 2010, 2017])
def test_hawaii_before_2018_does_not_cite_the_2018_exception(year):
    cited = _cited("HI", year)
    assert "67(g)" not in cited
    assert "§235-2.3" in cited


def test_hawaii_2018_on_cites_the_exception():
    assert "67(g)" in _cited("HI", 2018)


@pytest.mark.parametrize("year", [2025, 2026])
def test_california_from_2025_cites_sb_711_and_17076c(year):
    cited = _cited("CA", year)
    assert "SB 711" in cited
    assert "17076(c)" in cited or "§17076(a), (c)" in cited


def test_california_2018_to_2024_cites_the_2015_conformity_date():
    assert "§17024.5" in _cited("CA", 2020)
    assert "January 1, 2015" in _cited("CA", 2020)


def test_california_2026_statement_says_sb_711_applies_from_2025():
    period = current_law().jurisdictions["CA"].period_for(2026)
    assert "SB 711" in period.statement and "from 2025" in period.statement
