"""Mutation fuzzing of the report engine (read + checks, as `xxgk extract` does), bounded per input.

A plain mutation harness (the coverage-guided one is atheris_target.py), aimed at what broke the
engine before: inputs are the real reports of `tests/data/reports` (the seed corpus) mutated by byte flips, long
digit runs, long whitespace runs, duplicated table rows, bloated ZIP members, encoding changes,
truncation and splicing. Each input runs in a worker process with an address-space limit, is
killed after the time limit, and counts as a failure when it raises anything but
`ReportReadError`, takes over `SLOW_SECONDS` of CPU time or lifts the worker's peak RSS while reading it
over `MAX_RSS_MB` (not counting the input's own bytes, which the harness hands the worker: an input over the
engine's size bound is refused before it is looked at, yet a 241 MB one held in the worker passed 500 MB).
An input with no text layer goes to the scan reader, whose OCR cannot meet those bounds (5–10 s of CPU and
1–1.7 GB a page, the models included): it is judged by the OCR bounds, per page recognised, and the worker
is replaced after it, its peak RSS being the OCR's.

Long run (documented in docs/benchmarks.md), in chunks: each worker writes its state (counts, the
random generator's state) into `--save` every 10,000 inputs and when it stops, and `--resume` goes on
from there, so a run of 1,000,000 inputs is the same sequence of inputs however often it is cut:
    nice -n 19 uv run --frozen python tests/fuzz/harness.py --workers 2 --inputs 1000000 --seconds 3600 --seed 11
    nice -n 19 uv run --frozen python tests/fuzz/harness.py --workers 2 --inputs 1000000 --seconds 3600 --seed 11 --resume
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing as mp
import random
import re
import resource
import subprocess
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "data" / "reports"
SLOW_SECONDS = 2.0
KILL_SECONDS = 120.0  # wall clock, generous for OCR on a loaded machine; "slow" is judged on CPU time
MAX_RSS_MB = 500
# Inputs read by OCR (docs/benchmarks.md, "Scans read by OCR"): CPU per page recognised (the models'
# loading included) and peak RSS; the scan reader itself bounds pages and pixels (parse/limits.py).
OCR_SECONDS_PER_PAGE = 20.0
MAX_OCR_RSS_MB = 2_000
ADDRESS_SPACE_BYTES = 3 * 1024**3


def seed_corpus() -> list[bytes]:
    return [p.read_bytes() for p in sorted(SEEDS.iterdir()) if p.suffix in {".txt", ".html", ".docx", ".pdf"}]


# --- mutations ------------------------------------------------------------------------------


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _insert(rng: random.Random, data: bytes, chunk: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + chunk + data[at:]


def _digit_run(rng: random.Random, data: bytes) -> bytes:
    digits = rng.choice([b"9", b"0", b"10", b"1234567890"]) * rng.choice([20, 100, 400, 1600, 5000])
    return _replace_number(rng, data, digits)


def _replace_number(rng: random.Random, data: bytes, chunk: bytes) -> bytes:
    numbers = [m.span() for m in re.finditer(rb"(?<=[\s>])\d{1,4}(?=[\s<])", data[:400_000])]
    if not numbers:
        return _insert(rng, data, chunk)
    start, end = rng.choice(numbers)
    return data[:start] + chunk + data[end:]


def _whitespace_run(rng: random.Random, data: bytes) -> bytes:
    unit = rng.choice([b" ", b"\n", b"\t", "\u3000".encode(), b"&nbsp;", b" \n"])
    return _insert(rng, data, unit * rng.choice([100, 1000, 3000, 20000]))


def _duplicate_rows(rng: random.Random, data: bytes) -> bytes:
    """A table row (`<tr>…</tr>`, else a line holding a digit) repeated many times."""
    start = data.find(b"<tr", rng.randrange(len(data) + 1) // 2)
    end = data.find(b"</tr>", start) if start >= 0 else -1
    if end < 0:
        lines = [
            line for line in data[:400_000].split(b"\n")[:5000] if any(48 <= c <= 57 for c in line[:200])
        ]
        if not lines:
            return _flip(rng, data)
        row = rng.choice(lines) + b"\n"
        start = data.find(row)
        end = start + len(row) - 5
    row = data[start : end + 5]
    return data[: end + 5] + row * rng.choice([10, 100, 2000]) + data[end + 5 :]


def _bloat_zip(rng: random.Random, data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            members = [(info, src.read(info)) for info in src.infolist()]
    except Exception:
        return _flip(rng, data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, body in members:
            if info.filename == "word/document.xml":
                body = _duplicate_rows_xml(rng, body)
            dst.writestr(info.filename, body)
        if rng.random() < 0.3:
            tag = rng.randrange(10**9)
            for n in range(rng.choice([10, 3000])):
                dst.writestr(f"extra{tag}/{n}.xml", b"<a/>")
    return out.getvalue()


def _duplicate_rows_xml(rng: random.Random, body: bytes) -> bytes:
    rows = list(re.finditer(rb"<w:tr\b.*?</w:tr>", body, re.S))
    if not rows:
        return body
    row = rng.choice(rows)
    return body[: row.end()] + row.group() * rng.choice([10, 1000, 20000]) + body[row.end() :]


def _encoding(rng: random.Random, data: bytes) -> bytes:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _flip(rng, data)
    codec = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "gb18030", "utf-8-sig"])
    if rng.random() < 0.3:
        text = text.replace("utf-8", "utf-16").replace("UTF-8", "utf-16")
    return text.encode(codec, "replace")


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _splice(rng: random.Random, data: bytes, other: bytes) -> bytes:
    a, b = rng.randrange(len(data) + 1), rng.randrange(len(other) + 1)
    return data[:a] + other[b:]


MUTATIONS: list[Callable[[random.Random, bytes], bytes]] = [
    _flip,
    _digit_run,
    _whitespace_run,
    _duplicate_rows,
    _bloat_zip,
    _encoding,
    _truncate,
]


def mutate(rng: random.Random, corpus: list[bytes]) -> bytes:
    data = rng.choice(corpus)
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        if rng.random() < 0.05:
            data = _splice(rng, data, rng.choice(corpus))
        else:
            data = rng.choice(MUTATIONS)(rng, data)
    return data


# --- the worker -----------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """This process's own peak RSS (VmHWM). ru_maxrss would include the parent's pages: the worker
    starts as a copy of the test process, which may hold large modules (the OCR models)."""
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


def reset_peak_rss() -> None:
    """Start this process's peak RSS afresh from its present RSS (Linux `clear_refs`, value 5)."""
    Path("/proc/self/clear_refs").write_text("5")


def _worker(conn: Connection) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_BYTES, ADDRESS_SPACE_BYTES))
    from xxgk.checks.registry import run_checks
    from xxgk.parse import ocr
    from xxgk.parse.detect import read_report
    from xxgk.parse.errors import ReportReadError

    recognise, pages = ocr.recognise, [0]

    def counted(image: Any) -> Any:  # the scan reader looks `recognise` up for each page image it reads
        pages[0] += 1
        return recognise(image)

    ocr.recognise = counted
    conn.send("ready")  # the parent's time limit starts after the imports
    while True:
        data = conn.recv_bytes()
        reset_peak_rss()  # receiving held the input twice for a moment
        pages[0] = 0
        started = time.process_time()
        outcome = "ok"
        try:
            run_checks(read_report(data, source="fuzz"))
        except ReportReadError:
            outcome = "refused"
        except BaseException:  # reported to the parent: that is what the harness looks for
            outcome = "crash: " + traceback.format_exc(limit=-3)
        conn.send((outcome, time.process_time() - started, peak_rss_mb() - len(data) / 2**20, pages[0]))


def over_bounds(seconds: float, rss_mb: float, ocr_pages: int) -> list[tuple[str, str]]:
    """The bounds an input's CPU seconds and the worker's peak RSS broke: text layers and markup
    against `SLOW_SECONDS` and `MAX_RSS_MB`, an input read by OCR against the OCR bounds."""
    slow, memory = (
        (SLOW_SECONDS, MAX_RSS_MB) if not ocr_pages else (OCR_SECONDS_PER_PAGE * ocr_pages, MAX_OCR_RSS_MB)
    )
    over = []
    if seconds > slow:
        over.append(("slow", f"{seconds:.2f} s" + (f" for {ocr_pages} OCR pages" if ocr_pages else "")))
    if rss_mb > memory:
        over.append(("memory", f"{rss_mb:.0f} MB" + (" (OCR)" if ocr_pages else "")))
    return over


@dataclass
class Failure:
    kind: str  # "exception", "slow", "memory", "killed"
    detail: str
    data: bytes


@dataclass
class Summary:
    inputs: int = 0
    refused: int = 0
    ocr: int = 0  # inputs read by OCR
    seconds: float = 0.0
    slowest: float = 0.0
    peak_rss_mb: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    # A run made in chunks (`--resume`) records each: the engine's commit, inputs first..last, seconds.
    chunks: list[dict[str, Any]] = field(default_factory=list)


def engine_commit() -> str:
    """The commit the engine under test was read from, `+changes` when its source differs from it."""

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)

    commit = git("rev-parse", "--short", "HEAD").stdout.strip() or "unknown"
    return commit + ("+changes" if git("diff", "--quiet", "HEAD", "--", "src").returncode else "")


def checkpoint_path(save: Path, name: str) -> Path:
    return save / f"state-{name}.json"


def write_checkpoint(save: Path, name: str, seed: int, summary: Summary, rng: random.Random) -> None:
    """A worker's checkpoint; failing inputs are in their own files, only kind and detail here."""
    version, internal, gauss = rng.getstate()
    state = {
        "seed": seed,
        "inputs": summary.inputs,
        "refused": summary.refused,
        "ocr": summary.ocr,
        "seconds": summary.seconds,
        "slowest": summary.slowest,
        "peak_rss_mb": summary.peak_rss_mb,
        "failures": [[f.kind, f.detail] for f in summary.failures],
        "chunks": summary.chunks,
        "rng": [version, list(internal), gauss],
    }
    save.mkdir(parents=True, exist_ok=True)
    part = checkpoint_path(save, name).with_suffix(".part")
    part.write_text(json.dumps(state), encoding="utf-8")
    part.replace(checkpoint_path(save, name))  # a run cut while writing keeps the previous checkpoint


def read_checkpoint(save: Path, name: str, seed: int, rng: random.Random) -> Summary:
    state = json.loads(checkpoint_path(save, name).read_text(encoding="utf-8"))
    if state["seed"] != seed:
        raise SystemExit(f"{checkpoint_path(save, name)} is a run with seed {state['seed']}, not {seed}")
    version, internal, gauss = state["rng"]
    rng.setstate((version, tuple(internal), gauss))
    return Summary(
        inputs=state["inputs"],
        refused=state["refused"],
        ocr=state.get("ocr", 0),  # checkpoints before OCR was judged apart
        seconds=state["seconds"],
        slowest=state["slowest"],
        peak_rss_mb=state["peak_rss_mb"],
        failures=[Failure(kind, detail, b"") for kind, detail in state["failures"]],
        chunks=state.get("chunks", []),
    )


class Runner:
    """One worker process at a time; replaced after a kill or once its RSS passed the bound."""

    def __init__(self) -> None:
        self._ctx = mp.get_context("spawn")  # a fresh interpreter: its memory is its own
        self._start()

    def _start(self) -> None:
        self._conn, child = self._ctx.Pipe()
        self._proc = self._ctx.Process(target=_worker, args=(child,), daemon=True)
        self._proc.start()
        child.close()
        self._conn.recv()  # "ready"

    def close(self) -> None:
        self._proc.kill()
        self._proc.join()

    def run(self, data: bytes, summary: Summary) -> None:
        summary.inputs += 1
        self._conn.send_bytes(data)
        if not self._conn.poll(KILL_SECONDS):
            self.close()
            self._start()
            summary.failures.append(Failure("killed", f"over {KILL_SECONDS} s", data))
            return
        try:
            outcome, seconds, rss_mb, ocr_pages = self._conn.recv()
        except EOFError:  # the worker died (memory limit hit inside native code)
            self.close()
            self._start()
            summary.failures.append(Failure("killed", "worker died", data))
            return
        if ocr_pages:
            summary.ocr += 1
        else:  # the figures of the bounds of issue 16; OCR's are judged apart
            summary.slowest = max(summary.slowest, seconds)
            summary.peak_rss_mb = max(summary.peak_rss_mb, rss_mb)
        if outcome == "refused":
            summary.refused += 1
        elif outcome != "ok":
            summary.failures.append(Failure("exception", outcome, data))
        over = over_bounds(seconds, rss_mb, ocr_pages)
        summary.failures += [Failure(kind, detail, data) for kind, detail in over]
        if ocr_pages or any(kind == "memory" for kind, _ in over):
            self.close()
            self._start()


PROGRESS_EVERY = 10_000


def fuzz(
    seconds: float,
    seed: int,
    max_inputs: int | None = None,
    save: Path | None = None,
    name: str = "w0",
    resume: bool = False,
) -> Summary:
    """Mutate and run inputs for `seconds` (or until `max_inputs` in all); failing inputs are written
    to `save` as they are found (a long run that is stopped keeps them), with a checkpoint and a
    progress line every 10,000 inputs. `resume` goes on from the checkpoint in `save`: the counts,
    the time and the inputs drawn continue as if the run had not stopped."""
    rng = random.Random(seed)
    corpus = seed_corpus()
    summary = read_checkpoint(save, name, seed, rng) if resume and save is not None else Summary()
    before = summary.seconds
    chunk: dict[str, Any] = {
        "commit": engine_commit(),
        "first": summary.inputs + 1,
        "last": summary.inputs,
        "seconds": 0.0,
    }
    summary.chunks.append(chunk)
    runner = Runner()
    started = time.perf_counter()
    try:
        while time.perf_counter() - started < seconds and (max_inputs is None or summary.inputs < max_inputs):
            known = len(summary.failures)
            runner.run(mutate(rng, corpus), summary)
            if save is not None:
                for n, failure in enumerate(summary.failures[known:], start=known):
                    save.mkdir(parents=True, exist_ok=True)
                    (save / f"{name}-{n:04d}-{failure.kind}.bin").write_bytes(failure.data)
            if summary.inputs % PROGRESS_EVERY == 0:
                chunk["last"], chunk["seconds"] = summary.inputs, time.perf_counter() - started
                summary.seconds = before + chunk["seconds"]
                if save is not None:
                    write_checkpoint(save, name, seed, summary, rng)
                print(
                    f"[{name}] {summary.inputs} inputs, {summary.seconds:.0f} s, {len(summary.failures)} failures",
                    flush=True,
                )
    finally:
        runner.close()
        chunk["last"], chunk["seconds"] = summary.inputs, time.perf_counter() - started
        summary.seconds = before + chunk["seconds"]
        if save is not None:
            write_checkpoint(save, name, seed, summary, rng)
    return summary


def _fuzz_into(
    queue: Any, seconds: float, seed: int, max_inputs: int | None, save: Path | None, name: str, resume: bool
) -> None:
    summary = fuzz(seconds, seed, max_inputs, save, name, resume)
    summary.failures = [Failure(f.kind, f.detail, b"") for f in summary.failures]  # saved already
    queue.put(summary)


def fuzz_parallel(
    seconds: float, seed: int, workers: int, max_inputs: int | None, save: Path | None, resume: bool = False
) -> Summary:
    """`workers` harnesses side by side, worker i seeded `seed + i` (worker 0 draws the inputs a
    one-worker run draws); the input budget is shared out between them."""
    if workers == 1:
        return fuzz(seconds, seed, max_inputs, save, resume=resume)
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    shares = [
        None if max_inputs is None else max_inputs // workers + (i < max_inputs % workers)
        for i in range(workers)
    ]
    procs = [
        ctx.Process(target=_fuzz_into, args=(queue, seconds, seed + i, shares[i], save, f"w{i}", resume))
        for i in range(workers)
    ]
    for proc in procs:
        proc.start()
    parts = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    total = Summary()
    for part in parts:
        total.inputs += part.inputs
        total.refused += part.refused
        total.ocr += part.ocr
        total.seconds = max(total.seconds, part.seconds)
        total.slowest = max(total.slowest, part.slowest)
        total.peak_rss_mb = max(total.peak_rss_mb, part.peak_rss_mb)
        total.failures.extend(part.failures)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="harnesses side by side (one per core)")
    parser.add_argument("--inputs", type=int, default=None, help="stop after this many inputs in all")
    parser.add_argument(
        "--save", type=Path, default=Path("fuzz-failures"), help="where failing inputs and checkpoints go"
    )
    parser.add_argument("--resume", action="store_true", help="go on from the checkpoints in --save")
    args = parser.parse_args()
    summary = fuzz_parallel(
        args.seconds, args.seed, max(1, args.workers), args.inputs, args.save, args.resume
    )
    print(
        f"{summary.inputs} inputs in {summary.seconds:.0f} s ({summary.inputs / summary.seconds:.1f}/s), "
        f"{summary.refused} refused with ReportReadError, {summary.ocr} read by OCR, slowest {summary.slowest:.2f} s, "
        f"peak worker RSS {summary.peak_rss_mb:.0f} MB, {len(summary.failures)} failures (saved in {args.save})"
    )
    for failure in summary.failures:
        print(f"  {failure.kind}: {failure.detail.strip().splitlines()[-1] if failure.detail else ''}")


if __name__ == "__main__":
    main()
