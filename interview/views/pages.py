"""Thin page views: they load one journey's answers, call the engine and render.

Every page of a journey names it by the key in its URL (journeys.py), so each tab shows, and
downloads, its own journey's result.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from interview import pdf
from interview.explanation.presentation import Presentation, present
from interview.platform import journeys, pdf_cache
from interview.questions.answers import AnswersMissing, answers_from_interview
from interview.questions.preparer import PreparerForm
from rules import determine


@require_http_methods(["GET", "HEAD"])
def start(request: HttpRequest) -> HttpResponse:
    """The start page; with answers already given here, it offers to continue or start again."""
    key = journeys.in_progress(request.session)
    resume_url = None
    if key is not None:
        finished = journeys.answers(request.session, key) is not None
        resume_url = reverse("interview:result" if finished else "interview:questions", args=[key])
    return render(request, "start.html", {"resume_url": resume_url})


@require_http_methods(["GET", "HEAD", "POST"])
def new_journey(request: HttpRequest) -> HttpResponse:
    """Start now / Start again: a new journey of its own; other tabs' journeys are untouched.

    Only the button's POST (with its CSRF token) starts one. A GET — a bookmark, a link from any
    site, a prefetch — changes nothing and shows the start page with that button: five such
    navigations used to push a finished check out of the browser's five (issue 18, finding 10).
    """
    if request.method != "POST":
        return start(request)
    return redirect("interview:questions", key=journeys.start(request.session))


@require_http_methods(["GET", "HEAD"])
def journey_ended(request: HttpRequest) -> HttpResponse:
    return render(request, "journey_ended.html", {"kept": journeys.MAX_JOURNEYS})


def _presented(request: HttpRequest, key: str) -> Presentation:
    """The journey's confirmed answers, determined and presented, with "Change" links."""
    stored = journeys.answers(request.session, key)
    if stored is None:
        raise AnswersMissing("no confirmed answers in this journey")
    return present(
        determine(answers_from_interview(stored)),
        stored,
        lambda step: reverse("interview:step", args=[key, step]),
    )


def _missing(request: HttpRequest, key: str) -> HttpResponse:
    if journeys.exists(request.session, key):
        # Not confirmed yet (or unreadable): the journey's first open question.
        return redirect("interview:questions", key=key)
    return redirect(journeys.ended(request.session))


def _printed_client(form: PreparerForm) -> str:
    """The client name sent in the preparer's form, for this page's print stamp only (issue 20,
    item 12: without scripts nothing else can put it there). Cleaned field by field, so a
    refused note does not lose a good name; never kept."""
    if not form.is_bound:
        return ""
    form.is_valid()
    return form.cleaned_data.get("client", "")


def _result_page(request: HttpRequest, p: Presentation, key: str, form: PreparerForm, status=200):
    context = {"p": p, "preparer_form": form, "key": key, "printed_client": _printed_client(form)}
    if journeys.change_waiting(request.session, key):
        # A changed answer not yet confirmed (here or in another tab): these figures are the
        # confirmed answers', and the page says so (issue 20, item 11).
        context["check_url"] = reverse("interview:step", args=[key, "check"])
    return render(request, "result.html", context, status=status)


def _pdf_of_older_answers(request: HttpRequest, key: str) -> bool:
    """A PDF asked for while a change waits, before the person saw that it does."""
    seen = request.POST if request.method == "POST" else request.GET
    return journeys.change_waiting(request.session, key) and seen.get("as_confirmed") != "1"


@require_http_methods(["GET", "HEAD"])
def result(request: HttpRequest, key: str) -> HttpResponse:
    try:
        p = _presented(request, key)
    except AnswersMissing:
        return _missing(request, key)
    return _result_page(request, p, key, PreparerForm())


@require_http_methods(["GET", "HEAD", "POST"])
def result_pdf(request: HttpRequest, key: str) -> HttpResponse:
    try:
        p = _presented(request, key)
    except AnswersMissing:
        return _missing(request, key)
    if _pdf_of_older_answers(request, key):
        # Say that a change waits before a PDF is made: the page offers both ways on.
        return _result_page(request, p, key, PreparerForm(request.POST or None), status=409)
    preparer: dict[str, str] = {}
    if request.method == "POST":
        form = PreparerForm(request.POST)
        if not form.is_valid():
            return _result_page(request, p, key, form, status=400)
        preparer = {name: value for name, value in form.cleaned_data.items() if value}
        if request.POST.get("show") == "page":  # the page again, its stamp naming the client
            return _result_page(request, p, key, form)
    if preparer:  # printed on this PDF only: never kept
        return pdf.pdf_response(p, pdf.render(p, preparer), preparer)
    return pdf.pdf_response(p, _kept_or_rendered(request, p))


def _kept_or_rendered(request: HttpRequest, p: Presentation) -> bytes:
    """This session's kept copy of the same PDF, or a fresh one, kept where the store allows
    (interview.platform.pdf_cache: in the shared store only, for at most the idle timeout)."""
    if not pdf_cache.enabled():
        return pdf.render(p)
    fingerprint = pdf.fingerprint(p)
    content = pdf_cache.get(request.session, fingerprint)
    if content is None:
        content = pdf.render(p)
        pdf_cache.put(request.session, fingerprint, content)
    return content


@require_POST
def delete_answers(request: HttpRequest) -> HttpResponse:
    # The PDF kept for this session first: its name is in the session flush() empties.
    pdf_cache.forget(request.session)
    # flush() deletes the server-side session row and issues a new, empty session id.
    request.session.flush()
    return render(request, "deleted.html")


@require_http_methods(["GET", "HEAD"])
def extend_session(request: HttpRequest) -> HttpResponse:
    # "I need more time": push the idle expiry forward, never rewriting the answers: this runs
    # while another tab may be saving one (issue 13, finding 6).
    request.session.touch()
    return HttpResponse(status=204)


def _help(request: HttpRequest, template: str, step: str, key: str | None) -> HttpResponse:
    # "Back to the question" returns to the journey that opened the help page.
    if key:
        back = reverse("interview:step", args=[key, step])
    else:
        back = reverse("interview:old_step", args=[step])
    return render(request, template, {"back_url": back})


@require_http_methods(["GET", "HEAD"])
def help_basis(request: HttpRequest, key: str | None = None) -> HttpResponse:
    return _help(request, "help/basis.html", "has_basis", key)


@require_http_methods(["GET", "HEAD"])
def help_paid_out(request: HttpRequest, key: str | None = None) -> HttpResponse:
    return _help(request, "help/paid_out.html", "fully_liquidated", key)


@require_http_methods(["GET", "HEAD"])
def expired(request: HttpRequest) -> HttpResponse:
    return render(request, "expired.html")
