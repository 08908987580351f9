"""`xxgk extract --workers celery` on a generated corpus, with 1 and 2 worker processes, next to
the local `--jobs 1` / `--jobs 2` on the same files.

    uv run --frozen python benchmarks/extract_celery.py [--reports 10000] [--broker redis://127.0.0.1:6379/12]

Writes `--reports` reports (`xxgk.sample.balanced_report`, rendered to HTML by `xxgk.render`) under
/tmp, then times each way of reading them into one long-format CSV (wall clock of the whole
command, start-up included) and checks that every output is byte-identical.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

XXGK = str(Path(sys.executable).parent / "xxgk")


def _corpus(folder: Path, count: int) -> None:
    from xxgk.render import render
    from xxgk.sample import balanced_report

    rng = random.Random(2026)
    for i in range(count):
        (folder / f"r{i:05d}.html").write_bytes(render(balanced_report(rng, year=2020 + i % 6), "html"))


def _timed(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([XXGK, *args], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def _workers(count: int, queue: str, env: dict[str, str], data_dir: Path) -> list[subprocess.Popen[bytes]]:
    from celery import Celery

    workers = [
        subprocess.Popen(
            [XXGK, "worker", "--concurrency", "1", "--queue", queue, "--name", f"bench{i}-{queue}"],
            env={**env, "XXGK_DATA_DIR": str(data_dir)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for i in range(count)
    ]
    probe = Celery("probe", broker=env["XXGK_CELERY_BROKER_URL"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        listening = probe.control.inspect(timeout=1.0).active_queues() or {}
        if sum(any(q["name"] == queue for q in qs) for qs in listening.values()) == count:
            return workers
    raise SystemExit("workers did not start")


def _stop(workers: list[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/12")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xxgk-extract-bench-"))
    corpus = work / "corpus"
    corpus.mkdir()
    began = time.perf_counter()
    _corpus(corpus, args.reports)
    print(f"{args.reports:,} reports written in {time.perf_counter() - began:.0f} s", flush=True)
    env = {**os.environ, "XXGK_CELERY_BROKER_URL": args.broker}
    outputs = {}
    for jobs in (1, 2):
        out = work / f"local{jobs}.csv"
        seconds = _timed(["extract", str(corpus), "-f", "csv", "-o", str(out), "--jobs", str(jobs)], env)
        outputs[f"--jobs {jobs}"] = out
        print(f"local --jobs {jobs}: {seconds:.1f} s ({args.reports / seconds:.0f} reports/s)", flush=True)
    for count in (1, 2):
        queue = f"bench-{uuid.uuid4().hex[:8]}"
        workers = _workers(count, queue, env, work)
        try:
            out = work / f"celery{count}.csv"
            seconds = _timed(
                [
                    "extract",
                    str(corpus),
                    "-f",
                    "csv",
                    "-o",
                    str(out),
                    "--workers",
                    "celery",
                    "--queue",
                    queue,
                ],
                env,
            )
        finally:
            _stop(workers)
        outputs[f"celery ×{count}"] = out
        print(
            f"--workers celery, {count} worker(s): {seconds:.1f} s ({args.reports / seconds:.0f} reports/s)",
            flush=True,
        )
    reference = outputs["--jobs 1"].read_bytes()
    assert all(path.read_bytes() == reference for path in outputs.values()), "outputs differ"
    print(f"all outputs identical ({len(reference) / 1e6:.1f} MB CSV)")


if __name__ == "__main__":
    main()
