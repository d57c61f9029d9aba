"""The determination as JSON: the API's public contract (extend it, never break it)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from interview.api.planner import closing_plan_json
from interview.explanation.explain import Explanation, Sentence
from interview.explanation.presentation import Presentation
from interview.explanation.record import (
    answers_json,
    earlier_year_figures,
    state_worksheet_figures,
    worksheet_figures,
)
from interview.explanation.state_worksheet import WorksheetLine
from interview.formatting import decimal_string
from rules import BasisWorksheet, Citation, Determination, RefundWindow


def state_basis_worksheet_json(d: Determination, e: Explanation) -> dict[str, object] | None:
    """California's basis by year as sent, with what it adds up to and its lines."""
    worksheet = d.answers.state_basis_worksheet
    figures = state_worksheet_figures(worksheet)
    if worksheet is None or figures is None:
        return None
    return {
        **figures,
        "not_deducted": decimal_string(worksheet.not_deducted),
        "state_basis": decimal_string(d.answers.state_basis),
        "lines": worksheet_json(e.state_basis_worksheet),
    }


def basis_worksheet_json(d: Determination, e: Explanation) -> dict[str, object] | None:
    """The worksheet as sent, with its computed lines (label, amount, form line)."""
    figures = worksheet_figures(d.answers.basis_worksheet)
    if figures is None:
        return None
    return {
        **figures,
        "earlier_years": _earlier_years_worked(d.answers.basis_worksheet),
        "basis": decimal_string(d.answers.basis),
        "total_received": decimal_string(d.answers.total_distributions),
        "lines": worksheet_json(e.basis_worksheet),
        "needs_review": e.basis_needs_review,
    }


def _earlier_years_worked(worksheet: BasisWorksheet | None) -> list[dict[str, object]] | None:
    if worksheet is None or not worksheet.earlier_years:
        return None
    return [
        {
            **earlier_year_figures(y),
            "basis_used": decimal_string(y.basis_used),
            "basis_after": decimal_string(y.basis_after),
        }
        for y in worksheet.earlier_years
    ]


def worksheet_json(lines: Iterable[WorksheetLine]) -> list[dict[str, str | None]]:
    return [
        {
            "label": line.label,
            "amount": decimal_string(line.value),
            "display": line.amount,
            "form_line": line.note or None,
        }
        for line in lines
    ]


def refund_window_json(window: RefundWindow | None) -> dict[str, object] | None:
    if window is None:
        return None
    return {
        "years": int(window.years) if window.years == int(window.years) else float(window.years),
        "deadline": window.deadline.isoformat(),
        "likely_passed": window.likely_passed,
    }


def determination_json(p: Presentation) -> dict[str, object]:
    """The API's answer: the presentation the page and the PDF render, as JSON."""
    d, e = p.determination, p.explanation
    f, s = d.federal, d.state
    amounts = s.amounts
    return {
        "rules_version": d.rules_version,
        "answers": answers_json(d.answers),
        "basis_worksheet": basis_worksheet_json(d, e),
        "state_basis_worksheet": state_basis_worksheet_json(d, e),
        "federal": {
            "deductible": f.deductible,
            "reason": f.reason.value,
            "account_group": f.group.value,
            "loss": decimal_string(f.loss),
            "floor": decimal_string(f.floor),
            "deductible_after_floor": decimal_string(f.deductible_after_floor),
            "capital_loss_this_year": decimal_string(f.capital_loss_this_year),
            "capital_loss_carryover": decimal_string(f.capital_loss_carryover),
            "form_line": f.form_line or None,
            "worksheet": worksheet_json(e.worksheet),
            "headline": e.federal_headline,
            "explanation": sentences_json(e.federal),
        },
        "state": {
            "code": s.code,
            "name": s.name,
            "status": s.status.value,
            "reason": s.reason,
            "loss": decimal_string(s.loss),
            "floor": decimal_string(amounts.floor if amounts else None),
            "deductible_after_floor": decimal_string(amounts.counts if amounts else None),
            "form_line": s.form_line or None,
            "worksheet": worksheet_json(e.state_worksheet),
            "refund_window": refund_window_json(s.refund_window),
            "used_state_basis": s.used_state_basis,
            "headline": e.state_headline,
            "explanation": sentences_json(e.state),
            "citations": [
                citation_json(c)
                for c in dict.fromkeys(c for st in s.statements for c in st.citations)
            ],
        },
        "closing_plan": closing_plan_json(p, sentences_json),
        "what_would_change": list(e.what_would_change),
        "next_steps": list(e.next_steps),
        "citations": [citation_json(c) for c in d.citations],
    }


def citation_json(citation: Citation) -> dict[str, str]:
    return {"title": citation.title, "pinpoint": citation.pinpoint, "url": citation.url}


def sentences_json(sentences: Iterable[Sentence]) -> list[Mapping[str, object]]:
    return [
        {
            "code": s.code,
            "kind": s.kind,
            "text": s.text,
            "years": {"first": s.years.first, "last": s.years.last},
            "citations": [citation_json(c) for c in s.citations],
        }
        for s in sentences
    ]
