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
            "-c",
            "config/gunicorn.py",  # the shipped worker settings (gthread, 4 threads)
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
        self.location = ""  # the last response's Location header

    def request(
        self, method: str, path: str, body: str | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        self.location = response.headers.get("Location", "")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return response.status, data


def wizard_step_ratio() -> dict[str, float]:
    browser = Browser()
    # "Start now" (a POST from the start page): a journey of its own (/j/<key>/…), then its
    # first question.
    _status, start_page = browser.request("GET", "/")
    start_token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', start_page).group(1)
    status, page = browser.request(
        "POST",
        "/new/",
        urlencode({"csrfmiddlewaretoken": start_token.decode()}),
        {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://{HOST}:{PORT}/"},
    )
    step_path = "/new/"
    for _hop in range(5):
        if status != 302:
            break
        step_path = browser.location
        status, page = browser.request("GET", step_path)
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
        status, _ = browser.request("POST", step_path, form, headers)
        assert status == 302, status

    def session_floor() -> None:
        # The same request to a bare view doing the same session work with Django's stock
        # engine (bench/floors.py): the honest floor for a step.
        status, _ = browser.request("POST", "/bench/session-step", form, headers)
        assert status == 302, status

    def hello() -> None:
        status, _ = browser.request("GET", "/bench/hello")
        assert status == 200

    # In turn, so that a busy moment of the shared machine slows all three alike.
    times = paired_median_ms(
        {"step": post_step, "floor": session_floor, "hello": hello}, repeat=300
    )
    return {
        "wizard_step_ms": round(times["step"], 2),
        "session_floor_ms": round(times["floor"], 2),
        "wizard_step_vs_session_floor_ratio": round(times["step"] / times["floor"], 2),
        "hello_ms": round(times["hello"], 2),
        "wizard_step_ratio": round(times["step"] / times["hello"], 2),
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
    return {
        "determinations_per_second": round(per_second),
        "law_load_ms": round(load, 1),
        **planner_ratio(),
    }


def planner_ratio() -> dict[str, float]:
    """Should I close it? (issue 21): a determination with the planner (the same accounts asked
    again as if paid out, the state's tax twice) against the same answers paid out, as a ratio
    in this run: the planner's cost, whatever the machine."""
    from rules import AccountType, Answers, FilingStatus, PlanFigures, determine

    def answers(state: str, plan: bool) -> Answers:
        return Answers(
            account_type=AccountType.ROTH_IRA,
            tax_year=2026,
            state=state,
            basis=Decimal("30000"),
            fully_liquidated=not plan,
            total_distributions=None if plan else Decimal("21000"),
            agi=Decimal("80000"),
            filing_status=FilingStatus.SINGLE,
            age_at_distribution=Decimal("45"),
            plan=PlanFigures(value_now=Decimal("21000")) if plan else None,
        )

    states = ("CA", "NY", "AL", "AR", "TX", "GA")
    planned = [answers(s, True) for s in states]
    paid = [answers(s, False) for s in states]
    times = paired_median_ms(
        {
            "planned": lambda: [determine(a) for a in planned],
            "paid": lambda: [determine(a) for a in paid],
        },
        repeat=200,
    )
    return {"planner_vs_paid_out_determination": round(times["planned"] / times["paid"], 2)}


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


def pdf_case():
    """Django set up in this process, and the case every PDF figure renders: (d, presentation)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    django.setup()
    from interview.explanation.presentation import present
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
    return d, present(d)


def pdf_speed() -> dict[str, float]:
    d, presented = pdf_case()
    import weasyprint
    from django.template.loader import render_to_string

    from interview.explanation.presentation import present
    from interview.pdf import document as pdf

    html = pdf._html(presented, {})
    plain = plain_document(html)
    e = presented.explanation
    pictures = render_to_string("partials/_timeline.html", {"t": e.timeline}) + render_to_string(
        "partials/_basis_bar.html", {"b": e.bar}
    )
    one_line = median_ms(lambda: weasyprint.HTML(string="<p>Hello</p>").write_pdf(), 30)
    # Ours against a plain document of the same words, and what each of our features costs
    # (measured one at a time on our HTML): tagging, automatic table layout, the SVG pictures.
    ms = paired_median_ms(
        {
            "same_words": lambda: weasyprint.HTML(string=plain).write_pdf(),
            "fresh": lambda: pdf.render(present(d)),  # the presentation is part of the work
            "untagged": lambda: pdf.write_pdf(html, tagged=False),
            "auto_tables": lambda: pdf.write_pdf(html, "table { table-layout: auto }"),
            "pictures": lambda: pdf.write_pdf(html.replace("</body>", pictures + "</body>")),
        },
        repeat=int(os.environ.get("BENCH_PDF_REPEAT", "15")),
    )
    # A repeat download from the kept copy: pdf_served_kept_copy_ms (bench/pdf_served.py).
    return {
        "pdf_one_line_ms": round(one_line, 1),
        "pdf_fresh_ms": round(ms["fresh"], 1),
        "pdf_ratio": round(ms["fresh"] / one_line, 1),
        "pdf_same_words_plain_ms": round(ms["same_words"], 1),
        "pdf_vs_same_words_ratio": round(ms["fresh"] / ms["same_words"], 2),
        "pdf_untagged_ms": round(ms["untagged"], 1),
        "pdf_auto_table_layout_ms": round(ms["auto_tables"], 1),
        "pdf_with_svg_pictures_ms": round(ms["pictures"], 1),
    }


def load_test(
    users: int, seconds: int, host: str, pace: bool = True, prefix: str = "load"
) -> dict[str, object]:
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
            host,
            "--csv",
            str(out),
            "--only-summary",
            "--loglevel",
            "ERROR",
        ],
        cwd=ROOT,
        env={**os.environ, "BENCH_PACE": "1" if pace else "0"},
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

    figures = {
        "users": users,
        "seconds": seconds,
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "rps": round(float(total["Requests/s"]), 1),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "pages_worst_p95_ms": pct(pages, "95%"),
        "pdf_p95_ms": pct(pdfs, "95%"),
    }
    result.update({f"{prefix}_{key}": value for key, value in figures.items()})
    return result


def cluster(servers: int, workdir: Path):
    """The deployment in miniature (deploy/stack.py): nginx, `servers` app servers of 2 x 1 + 1
    workers each on a core of its own, and redis-server; no rate limit in the way."""
    from deploy.stack import Stack

    return Stack(workdir, servers=servers, workers=3, pin=True, RATE_LIMIT_PER_MINUTE="1000000")


def cluster_load(users: int, seconds: int) -> dict[str, object]:
    """The Locust mix without reading pauses (a capacity run) through nginx, with one and then
    two app servers, in this run; the ratio says how the second app server adds."""
    import tempfile

    result: dict[str, object] = {}
    for servers in (1, 2):
        with tempfile.TemporaryDirectory(prefix="rlc-bench-") as workdir:
            stack = cluster(servers, Path(workdir)).start()
            try:
                result.update(
                    load_test(users, seconds, stack.url(""), pace=False, prefix=f"proxy{servers}")
                )
            finally:
                stack.close()
    result["proxy_2_over_1_rps"] = round(result["proxy2_rps"] / max(result["proxy1_rps"], 0.1), 2)
    return result


def store_use(journeys: int = 50) -> dict[str, object]:
    """Store operations for one whole journey (every question, check, result) and the memory
    that journeys' sessions hold, counted by the store itself."""
    import tempfile

    import redis

    from deploy.stack import HOST as LOOPBACK
    from tests.cluster.visitor import Visitor
    from tests.web.test_wizard import ROTH_2016

    def journey(stack) -> Visitor:
        visitor = Visitor(stack.url(""))
        visitor.start()
        for step, value in ROTH_2016:
            visitor.answer(step, value)
        visitor.confirm()
        return visitor

    with tempfile.TemporaryDirectory(prefix="rlc-bench-") as workdir:
        stack = cluster(1, Path(workdir)).start()
        try:
            store = redis.Redis(host=LOOPBACK, port=stack.redis_port, socket_timeout=5)
            journey(stack)  # warm: the first request of a process touches more
            store.config_resetstat()
            visitor = journey(stack)
            stats = store.info("commandstats")
            operations = sum(
                v["calls"]
                for k, v in stats.items()
                if not k.startswith(("cmdstat_config", "cmdstat_info"))
            )
            requests_made = len([u for u in visitor.upstreams if u])
            store.flushdb()
            before = store.info("memory")["used_memory"]
            for _ in range(journeys):
                journey(stack)
            after = store.info("memory")["used_memory"]
            session = next(store.scan_iter(match="rlc:*sessions*", count=1000))
            return {
                "store_ops_per_journey": operations,
                "requests_per_journey": requests_made,
                "store_ops_by_command": {
                    k.removeprefix("cmdstat_"): v["calls"]
                    for k, v in stats.items()
                    if not k.startswith(("cmdstat_config", "cmdstat_info"))
                },
                "store_bytes_per_journey": round((after - before) / journeys),
                "session_key_bytes": store.memory_usage(session),
            }
        finally:
            stack.close()


def slow_clients(probes: int = 31) -> dict[str, object]:
    """Issue 13, finding 2: five sockets send their headers a byte at a time while /healthz is
    probed `probes` times (1 s timeout each): how many probes answer, per worker model."""
    import socket
    import tempfile
    import threading

    import requests

    from deploy.stack import HOST as LOOPBACK
    from deploy.stack import Stack

    request = b"GET /questions/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n\r\n"

    def answered(port: int) -> int:
        sockets = [socket.create_connection((LOOPBACK, port), timeout=2) for _ in range(5)]
        stop = threading.Event()

        def trickle() -> None:
            for index in range(len(request) - 4):  # never the final blank line
                if stop.is_set():
                    return
                for sock in sockets:
                    with contextlib.suppress(OSError):
                        sock.sendall(request[index : index + 1])
                time.sleep(0.5)

        sender = threading.Thread(target=trickle, daemon=True)
        sender.start()
        time.sleep(0.5)
        ok = 0
        for _ in range(probes):
            with contextlib.suppress(requests.RequestException):
                url = f"http://{LOOPBACK}:{port}/healthz"
                ok += requests.get(url, timeout=1).status_code == 200
        stop.set()
        sender.join(timeout=5)
        for sock in sockets:
            sock.close()
        return ok

    sync = ("--worker-class", "sync", "--threads", "1")
    result: dict[str, object] = {}
    for name, args, behind_proxy in (
        ("sync_direct", sync, False),
        ("gthread_direct", (), False),
        ("sync_behind_nginx", sync, True),
        ("gthread_behind_nginx", (), True),
    ):
        with tempfile.TemporaryDirectory(prefix="rlc-bench-") as workdir:
            stack = Stack(Path(workdir), servers=1, workers=5, gunicorn_args=args).start()
            try:
                port = stack.proxy_port if behind_proxy else stack.app_ports[0]
                result[f"slow_clients_{name}"] = f"{answered(port)}/{probes}"
            finally:
                stack.close()
    return result


GOALS = {
    "wizard_step_vs_session_floor_ratio": ("≤ 1.3", lambda v: v <= 1.3),
    "determinations_per_second": ("≥ 50,000", lambda v: v >= 50_000),
    "pdf_ratio": ("≤ 2.5", lambda v: v <= 2.5),
    "pdf_vs_same_words_ratio": ("≤ 2", lambda v: v <= 2),
    "pdf_end_to_end_vs_same_words_ratio": ("≤ 2", lambda v: v <= 2),
    "pdf_native_warnings": ("0", lambda v: v == 0),
    "load_errors": ("0", lambda v: v == 0),
    "proxy1_errors": ("0", lambda v: v == 0),
    "proxy2_errors": ("0", lambda v: v == 0),
    "load_pages_worst_p95_ms": ("≤ 500", lambda v: v <= 500),
    "first_page_weight_kb": ("≤ 150", lambda v: v <= 150),
}


PARTS = ("rules", "pdf", "pages", "load", "pdf_served", "store", "capacity", "slow_clients")


def main() -> None:
    users = int(os.environ.get("BENCH_USERS", "200"))
    seconds = int(os.environ.get("BENCH_SECONDS", "60"))
    # BENCH_PARTS=pdf,pdf_served runs only those parts and updates their figures in results.json.
    chosen = [p for p in os.environ.get("BENCH_PARTS", "").split(",") if p] or list(PARTS)
    unknown = set(chosen) - set(PARTS)
    if unknown:
        raise SystemExit(f"BENCH_PARTS: unknown {sorted(unknown)}; parts are {', '.join(PARTS)}")
    partial = len(chosen) < len(PARTS)
    results: dict[str, object] = {
        # A partial run keeps the other parts' figures and their time.
        "measured" + (f"_{'+'.join(chosen)}" if partial else ""): datetime.datetime.now(
            datetime.UTC
        ).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}",
    }
    if "rules" in chosen:
        results.update(rules_speed())
    if "pdf" in chosen:
        results.update(pdf_speed())
    if "pages" in chosen:
        with served(workers=1):
            results.update(wizard_step_ratio())
            results.update(page_weight())
    if users > 0 and "load" in chosen:
        workers = (os.cpu_count() or 1) * 2 + 1
        with served(workers=workers):
            results.update(load_test(users, seconds, f"http://{HOST}:{PORT}"))
    from deploy.stack import missing_binaries

    if not missing_binaries():  # `make bench` installs them (system-deps)
        if "pdf_served" in chosen:
            from bench.pdf_served import pdf_served

            pdf_case()  # Django, for the floor rendered in this process
            results.update(pdf_served())
        if "store" in chosen:
            results.update(store_use())
        capacity_users = int(os.environ.get("BENCH_CAPACITY_USERS", "30"))
        capacity_seconds = int(os.environ.get("BENCH_CAPACITY_SECONDS", "30"))
        if capacity_users > 0 and "capacity" in chosen:
            results.update(cluster_load(capacity_users, capacity_seconds))
        if os.environ.get("BENCH_SLOW_CLIENTS", "1") == "1" and "slow_clients" in chosen:
            results.update(slow_clients())
    path = ROOT / "bench" / "results.json"
    kept = json.loads(path.read_text()) if partial and path.exists() else {}
    path.write_text(json.dumps({**kept, **results}, indent=2) + "\n")
    print("| figure | value | goal |\n|---|---|---|")
    for key, value in results.items():
        goal = GOALS.get(key)
        mark = "" if goal is None else (" ✓" if goal[1](value) else " ✗")
        print(f"| {key} | {value} | {goal[0] + mark if goal else ''} |")


if __name__ == "__main__":
    main()
