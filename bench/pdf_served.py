"""`make bench`, the PDF through the served stack (issue 18): nginx in front of one gunicorn app
server with the shipped config/gunicorn.py (one worker, 4 threads) and redis-server behind it.

- End to end: a fresh PDF (POST /api/v1/summary.pdf with a new preparer note each time, so
  nothing is kept) against the same words rendered as plain paragraphs in this process, timed
  in turn so that a busy machine slows both alike; with what the rest of the request costs (the
  JSON determination of the same body), the render alone, and a worker's first PDF.
- Throughput: fresh PDFs per second with the app server pinned to one core, sent 4 at a time,
  for this tree and, with BENCH_BEFORE_ROOT (a checkout of an older commit using the same venv),
  for that one too, in alternating rounds.
Run alone: `python bench/pdf_served.py throughput ROOT PDFS BODY` prints one round's figures.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AT_ONCE = 4  # the shipped threads per worker
NATIVE_WARNINGS = ("corrupted", "double free", "GLib", "Pango-CRITICAL", "Fontconfig error")


def preparer(number: int) -> dict[str, str]:
    return {"client": f"Client {number:05d}", "note": f"Second visit, number {number:05d}"}


def case_body() -> dict[str, object]:
    """The API body of bench/run.py's PDF case (pdf_case), as its answers serialize."""
    from bench.run import pdf_case
    from interview.api.serialize import answers_json

    d, _rows = pdf_case()
    return {k: v for k, v in answers_json(d.answers).items() if v is not None}


def fresh_pdf(session, url: str, body: dict, number: int) -> float:
    """Milliseconds for one fresh PDF, end to end."""
    started = time.perf_counter()
    response = session.post(url, json={**body, "preparer": preparer(number)}, timeout=60)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200 and response.content.startswith(b"%PDF-"), (
        response.status_code
    )
    return elapsed


def stack(stack_class, workdir: Path, pin: bool):
    return stack_class(
        workdir, servers=1, workers=1, pin=pin, RATE_LIMIT_PER_MINUTE="1000000"
    ).start()


def throughput_round(root: Path, pdfs: int, body: dict) -> dict[str, float]:
    """One round on the tree at `root` (its own deploy/stack.py, config and code)."""
    sys.path.insert(0, str(root))
    import requests

    from deploy.stack import Stack

    with tempfile.TemporaryDirectory(prefix="rlc-bench-") as workdir:
        served = stack(Stack, Path(workdir), pin=True)
        try:
            url = served.url("/api/v1/summary.pdf")
            with requests.Session() as warm:
                for number in range(AT_ONCE * 2):  # the worker's fonts, caches and connections
                    fresh_pdf(warm, url, body, number)

            def one(number: int) -> float:
                return fresh_pdf(requests, url, body, number)

            started = time.perf_counter()
            with ThreadPoolExecutor(AT_ONCE) as pool:
                times = list(pool.map(one, range(100, 100 + pdfs)))
            seconds = time.perf_counter() - started
            log = (Path(workdir) / "app0.log").read_text(errors="replace")
        finally:
            served.close()
    return {
        "pdfs_per_second": pdfs / seconds,
        "p95_ms": statistics.quantiles(times, n=20)[-1],
        "native_warnings": sum(log.count(w) for w in NATIVE_WARNINGS),
    }


def throughput(before_root: str | None, rounds: int, pdfs: int, body: dict) -> dict[str, object]:
    """Fresh PDFs per second on one core, this tree and the older one in alternating rounds."""
    trees = {"after": ROOT, **({"before": Path(before_root)} if before_root else {})}
    figures: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(rounds):
        for name, root in trees.items():
            command = [sys.executable, str(Path(__file__)), "throughput", str(root), str(pdfs)]
            command.append(json.dumps(body))
            done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
            figures[name].append(json.loads(done.stdout.splitlines()[-1]))
    result: dict[str, object] = {}
    for name, runs in figures.items():
        rates = sorted(run["pdfs_per_second"] for run in runs)
        suffix = "" if name == "after" else "_before"
        result[f"pdf_fresh_per_second_per_core{suffix}"] = round(statistics.median(rates), 2)
        result[f"pdf_fresh_per_second_range{suffix}"] = f"{rates[0]:.2f}–{rates[-1]:.2f}"
        result[f"pdf_fresh_p95_ms_4_at_once{suffix}"] = round(
            statistics.median(run["p95_ms"] for run in runs)
        )
        result[f"pdf_native_warnings{suffix}"] = sum(run["native_warnings"] for run in runs)
    return result


def end_to_end(repeat: int) -> dict[str, object]:
    """A fresh PDF through the stack against the same words as plain paragraphs here."""
    import requests
    import weasyprint

    from bench.run import paired_median_ms, pdf_case, plain_document
    from deploy.stack import Stack
    from interview.explanation.presentation import present
    from interview.pdf import document as pdf
    from tests.cluster.visitor import Visitor
    from tests.web.test_wizard import ROTH_2016

    d, presented = pdf_case()
    body = case_body()
    note = preparer(0)
    plain = plain_document(pdf._html(presented, note))
    with tempfile.TemporaryDirectory(prefix="rlc-bench-") as workdir:
        served = stack(Stack, Path(workdir), pin=False)
        try:
            api = requests.Session()
            url = served.url("/api/v1/summary.pdf")
            first = fresh_pdf(api, url, body, 0)  # the worker's first PDF
            visitor = Visitor(served.url(""))  # a journey, for its kept copy (pdf_cache.py)
            visitor.start()
            for step, value in ROTH_2016:
                visitor.answer(step, value)
            visitor.confirm()
            journey_pdf = served.url(f"/j/{visitor.journey}/result/summary.pdf")
            numbers = iter(range(1, 10**6))
            ms = paired_median_ms(
                {
                    "served": lambda: fresh_pdf(api, url, body, next(numbers)),
                    "same_words": lambda: weasyprint.HTML(string=plain).write_pdf(),
                    "render": lambda: pdf.render(present(d), note),
                    "json": lambda: api.post(
                        served.url("/api/v1/determinations"), json=body, timeout=30
                    ),
                    "kept": lambda: visitor.session.get(journey_pdf, timeout=30),
                },
                repeat,
            )
        finally:
            served.close()
    return {
        "pdf_served_first_ms": round(first),
        "pdf_served_fresh_ms": round(ms["served"], 1),
        "pdf_served_same_words_plain_ms": round(ms["same_words"], 1),
        "pdf_end_to_end_vs_same_words_ratio": round(ms["served"] / ms["same_words"], 2),
        "pdf_served_render_in_process_ms": round(ms["render"], 1),
        "pdf_served_json_same_body_ms": round(ms["json"], 1),
        "pdf_served_kept_copy_ms": round(ms["kept"], 1),
    }


def pdf_served() -> dict[str, object]:
    result = end_to_end(int(os.environ.get("BENCH_PDF_REPEAT", "15")))
    result.update(
        throughput(
            os.environ.get("BENCH_BEFORE_ROOT"),
            rounds=int(os.environ.get("BENCH_PDF_ROUNDS", "3")),
            pdfs=int(os.environ.get("BENCH_PDF_COUNT", "60")),
            body=case_body(),
        )
    )
    return result


if __name__ == "__main__":
    if sys.argv[1:2] != ["throughput"] or len(sys.argv) != 5:
        raise SystemExit("usage: python bench/pdf_served.py throughput ROOT PDFS BODY")
    print(
        json.dumps(throughput_round(Path(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])))
    )
