"""`make bench`: speed and weight as ratios against floors measured in the same run.

Writes bench/results.json and prints a table. Nothing here is asserted in `make test`.
"""

from __future__ import annotations

import contextlib
import datetime
import gzip
import http.client
import json
import os
import platform
import re
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
HOST, PORT = "127.0.0.1", 8765
sys.path.insert(0, str(ROOT))


def median_ms(fn: Callable[[], object], repeat: int, warmup: int = 5) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def paired_median_ms(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median times of several functions run in turn, so that a busy machine slows all alike."""
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            started = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def server_env() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_STATIC_MANIFEST": "1",
        "RATE_LIMIT_PER_MINUTE": "1000000",
        "RLC_BENCH_HELLO": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
    }


@contextlib.contextmanager
def served(workers: int = 1) -> Iterator[None]:
    env = server_env()
    subprocess.run(
        [PY, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [PY, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    process = subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"{HOST}:{PORT}",
            "--workers",
            str(workers),
            "--access-logfile",
            "/dev/null",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                connection = http.client.HTTPConnection(HOST, PORT, timeout=1)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            time.sleep(0.1)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


class Browser:
    """A tiny cookie-keeping HTTP client over one keep-alive connection."""

    def __init__(self) -> None:
        self.connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: str | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return response.status, data


def wizard_step_ratio() -> dict[str, float]:
    browser = Browser()
    browser.request("GET", "/questions/account_type/?reset")
    browser.request("GET", "/questions/account_type/")
    _status, page = browser.request("GET", "/questions/account_type/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    form = urlencode(
        {
            "csrfmiddlewaretoken": token,
            "interview_wizard-current_step": "account_type",
            "account_type-account_type": "roth_ira",
        }
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"http://{HOST}:{PORT}/",
    }

    def post_step() -> None:
        status, _ = browser.request("POST", "/questions/account_type/", form, headers)
        assert status == 302, status

    def hello() -> None:
        status, _ = browser.request("GET", "/bench/hello")
        assert status == 200

    step = median_ms(post_step, 300)
    floor = median_ms(hello, 300)
    return {
        "wizard_step_ms": round(step, 2),
        "hello_ms": round(floor, 2),
        "wizard_step_ratio": round(step / floor, 2),
    }


def page_weight() -> dict[str, float]:
    browser = Browser()
    _status, html = browser.request("GET", "/", headers={"Accept-Encoding": "gzip"})
    total = len(gzip.compress(html))
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)
    for asset in assets:
        _status, body = browser.request("GET", asset.decode(), headers={"Accept-Encoding": "gzip"})
        total += len(body)  # WhiteNoise serves the pre-compressed file when asked
    css = [a for a in assets if a.endswith(b".css")]
    for sheet in css:  # fonts referenced by the stylesheets are part of the first load too
        _status, body = browser.request("GET", sheet.decode())
        text = body.decode(errors="ignore")
        for font in set(re.findall(r"url\(([^)]+\.woff2)\)", text)):
            path = os.path.normpath(os.path.join(os.path.dirname(sheet.decode()), font))
            if (
                path.endswith("400-normal." + path.split("400-normal.")[-1])
                and "preload" in html.decode()
            ):
                continue  # already counted as the preloaded font
            _status, body = browser.request("GET", path)
            total += len(body)
    return {"first_page_weight_kb": round(total / 1024, 1)}


def rules_speed() -> dict[str, float]:
    from rules import STATE_CODES, AccountType, Answers, determine, load_law

    answers = [
        Answers(kind, year, state, Decimal("20000"), True, Decimal("18000"), Decimal("50000"))
        for kind in AccountType
        for year in (2016, 2020, 2026)
        for state in STATE_CODES[::5]
    ]
    for a in answers:
        determine(a)
    started = time.perf_counter()
    count = 0
    while time.perf_counter() - started < 2.0:
        for a in answers:
            determine(a)
        count += len(answers)
    per_second = count / (time.perf_counter() - started)
    load = median_ms(load_law, 10, warmup=1)
    return {"determinations_per_second": round(per_second), "law_load_ms": round(load, 1)}


class _Words(HTMLParser):
    """The words printed from an HTML body: its text nodes (not the head's title) and the
    citation addresses that pdf.css prints from data-address attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_head = self.in_head or tag == "head"
        self.words.extend(value for name, value in attrs if name == "data-address" and value)

    def handle_endtag(self, tag: str) -> None:
        self.in_head = self.in_head and tag != "head"

    def handle_data(self, data: str) -> None:
        if not self.in_head and data.strip():
            self.words.append(" ".join(data.split()))


def plain_document(html: str) -> str:
    """The same words as `html`, each text in a paragraph, no stylesheet: the floor for a PDF."""
    parser = _Words()
    parser.feed(html)
    paragraphs = "".join(f"<p>{escape(text)}</p>" for text in parser.words)
    return f"<!DOCTYPE html><html lang=en><body>{paragraphs}</body></html>"


def pdf_speed() -> dict[str, float]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    django.setup()
    import weasyprint
    from django.template.loader import render_to_string
    from django.utils import timezone

    from interview import pdf
    from interview.explain import explain
    from interview.summary import answer_rows
    from rules import AccountType, Answers, determine

    d = determine(
        Answers(
            AccountType.ROTH_IRA,
            2016,
            "NY",
            Decimal("20000"),
            True,
            Decimal("18000"),
            Decimal("50000"),
        )
    )
    rows = answer_rows(pdf._api_answers_for_rows(d), lambda step: "")
    html = pdf._html(d, {}, rows, timezone.localdate())
    plain = plain_document(html)
    e = explain(d)
    pictures = render_to_string("partials/_timeline.html", {"t": e.timeline}) + render_to_string(
        "partials/_basis_bar.html", {"b": e.bar}
    )
    one_line = median_ms(lambda: weasyprint.HTML(string="<p>Hello</p>").write_pdf(), 30)
    # Ours against a plain document of the same words, and what each of our features costs
    # (measured one at a time on our HTML): tagging, automatic table layout, the SVG pictures.
    ms = paired_median_ms(
        {
            "same_words": lambda: weasyprint.HTML(string=plain).write_pdf(),
            "fresh": lambda: pdf._render(d, {}, rows, timezone.localdate()),
            "untagged": lambda: pdf.write_pdf(html, tagged=False),
            "auto_tables": lambda: pdf.write_pdf(html, "table { table-layout: auto }"),
            "pictures": lambda: pdf.write_pdf(html.replace("</body>", pictures + "</body>")),
        },
        repeat=int(os.environ.get("BENCH_PDF_REPEAT", "15")),
    )
    pdf.render_pdf(d)
    cached = median_ms(lambda: pdf.render_pdf(d), 50)
    return {
        "pdf_one_line_ms": round(one_line, 1),
        "pdf_fresh_ms": round(ms["fresh"], 1),
        "pdf_ratio": round(ms["fresh"] / one_line, 1),
        "pdf_same_words_plain_ms": round(ms["same_words"], 1),
        "pdf_vs_same_words_ratio": round(ms["fresh"] / ms["same_words"], 2),
        "pdf_untagged_ms": round(ms["untagged"], 1),
        "pdf_auto_table_layout_ms": round(ms["auto_tables"], 1),
        "pdf_with_svg_pictures_ms": round(ms["pictures"], 1),
        "pdf_cached_ms": round(cached, 2),
    }


def load_test(users: int, seconds: int) -> dict[str, object]:
    out = ROOT / "bench" / "locust"
    out.parent.mkdir(exist_ok=True)
    subprocess.run(
        [
            str(Path(PY).parent / "locust"),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "-u",
            str(users),
            "-r",
            str(max(1, users // 10)),
            "-t",
            f"{seconds}s",
            "--host",
            f"http://{HOST}:{PORT}",
            "--csv",
            str(out),
            "--only-summary",
            "--loglevel",
            "ERROR",
        ],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
    )
    rows = list(__import__("csv").DictReader((out.with_name("locust_stats.csv")).open()))
    result: dict[str, object] = {}
    pages = [r for r in rows if r["Name"] not in ("Aggregated",) and "pdf" not in r["Name"]]
    pdfs = [r for r in rows if "pdf" in r["Name"]]
    total = next(r for r in rows if r["Name"] == "Aggregated")

    def pct(group: list[dict[str, str]], key: str) -> float:
        weighted = [
            (float(r[key]), int(r["Request Count"])) for r in group if r[key] not in ("N/A", "")
        ]
        if not weighted:
            return 0.0
        return max(value for value, _count in weighted)

    result.update(
        load_users=users,
        load_seconds=seconds,
        load_requests=int(total["Request Count"]),
        load_errors=int(total["Failure Count"]),
        load_rps=round(float(total["Requests/s"]), 1),
        load_p50_ms=float(total["50%"]),
        load_p95_ms=float(total["95%"]),
        load_p99_ms=float(total["99%"]),
        load_pages_worst_p95_ms=pct(pages, "95%"),
        load_pdf_p95_ms=pct(pdfs, "95%"),
    )
    return result


GOALS = {
    "wizard_step_ratio": ("≤ 1.5", lambda v: v <= 1.5),
    "determinations_per_second": ("≥ 50,000", lambda v: v >= 50_000),
    "pdf_ratio": ("≤ 2.5", lambda v: v <= 2.5),
    "pdf_vs_same_words_ratio": ("≤ 2", lambda v: v <= 2),
    "pdf_cached_ms": ("≤ 10", lambda v: v <= 10),
    "load_errors": ("0", lambda v: v == 0),
    "load_pages_worst_p95_ms": ("≤ 500", lambda v: v <= 500),
    "first_page_weight_kb": ("≤ 150", lambda v: v <= 150),
}


def main() -> None:
    users = int(os.environ.get("BENCH_USERS", "200"))
    seconds = int(os.environ.get("BENCH_SECONDS", "60"))
    results: dict[str, object] = {
        "measured": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}",
    }
    results.update(rules_speed())
    results.update(pdf_speed())
    with served(workers=1):
        results.update(wizard_step_ratio())
        results.update(page_weight())
    if users > 0:
        workers = (os.cpu_count() or 1) * 2 + 1
        with served(workers=workers):
            results.update(load_test(users, seconds))
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print("| figure | value | goal |\n|---|---|---|")
    for key, value in results.items():
        goal = GOALS.get(key)
        mark = "" if goal is None else (" ✓" if goal[1](value) else " ✗")
        print(f"| {key} | {value} | {goal[0] + mark if goal else ''} |")


if __name__ == "__main__":
    main()
