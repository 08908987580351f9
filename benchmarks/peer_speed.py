"""xxgk against the simplest peer, side by side: reports per second per core on the same files.

The peer is github zxj6827111-blip/govnianbao (a regex reader of the report text, no checks).
Nothing is fetched at run time: install the peer once from its repository snapshot into an
environment of its own, then point this benchmark at that environment's Python:

    git --git-dir=<snapshot>/repo archive HEAD pyproject.toml README.md src | tar -x -C /tmp/govnianbao
    python3 -m venv /tmp/govnianbao-venv
    uv pip install --python /tmp/govnianbao-venv/bin/python --no-deps /tmp/govnianbao
    export UV_PYTHON_DOWNLOADS=never
    uv run --frozen python benchmarks/peer_speed.py --peer-python /tmp/govnianbao-venv/bin/python

(`<snapshot>` is where the search tool's `fetch github:zxj6827111-blip/govnianbao` put the git
directory.) Both sides run in their own process pinned to one core, alternately, round after
round (paired), on the same inputs: the real text reports of tests/data (and the text forms of
tests/data/forms when present) and the real HTML pages. The peer reads text only: HTML is turned
into text for it with the standard library (`html_to_text`), measured both ways: converted
beforehand (not counted) and converted in its worker (counted, what a user of the peer pays).
xxgk does what `xxgk extract` does: read, map, run every check. The time is the CPU time of the
worker process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"

# Run inside the worker process: read every file `repeat` times, print CPU seconds as JSON.
XXGK_WORKER = """
import json, sys, time
from xxgk.checks.registry import run_checks
from xxgk.parse.detect import read_report
files = [open(p, "rb").read() for p in json.loads(sys.argv[1])]
repeat = int(sys.argv[2])
for data in files:  # warm up imports and caches
    run_checks(read_report(data))
start = time.process_time()
for _ in range(repeat):
    for data in files:
        run_checks(read_report(data))
print(json.dumps(time.process_time() - start))
"""
PEER_WORKER = """
import json, sys, time
from govnianbao import parse_annual_report_text
sys.path.insert(0, sys.argv[4])
from peer_speed import html_to_text
convert = html_to_text if sys.argv[3] == "html" else lambda path: open(path, encoding="utf-8").read()
paths = json.loads(sys.argv[1])
repeat = int(sys.argv[2])
for path in paths:
    parse_annual_report_text(convert(path))
start = time.process_time()
for _ in range(repeat):
    for path in paths:
        parse_annual_report_text(convert(path))
print(json.dumps(time.process_time() - start))
"""


class _Text(HTMLParser):
    """The visible text of a page, one block per line (what a researcher's crawler keeps)."""

    BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "section"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(path: Path | str) -> str:
    parser = _Text()
    parser.feed(Path(path).read_bytes().decode("utf-8", errors="replace"))
    return "\n".join(line.strip() for line in "".join(parser.parts).splitlines() if line.strip())


def run_pinned(
    python: str, worker: str, files: list[Path], repeat: int, core: int, mode: str = "text"
) -> float:
    out = subprocess.run(
        [
            python,
            "-c",
            worker,
            json.dumps([str(f) for f in files]),
            str(repeat),
            mode,
            str(Path(__file__).parent),
        ],
        capture_output=True,
        text=True,
        check=True,
        preexec_fn=lambda: os.sched_setaffinity(0, {core}),
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-python", required=True, help="Python of the peer's own environment")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20, help="passes over the files per round")
    parser.add_argument("--core", type=int, default=0)
    parser.add_argument("--tmp", type=Path, default=Path("/tmp/xxgk-peer-speed"))
    args = parser.parse_args()

    texts = sorted((DATA / "reports").glob("*.txt")) + sorted((DATA / "seeds").glob("*.txt"))
    texts += sorted((DATA / "forms").glob("*/*.txt")) if (DATA / "forms").is_dir() else []
    pages = sorted((DATA / "reports").glob("*.html"))
    args.tmp.mkdir(parents=True, exist_ok=True)
    page_texts = []
    for page in pages:
        target = args.tmp / f"{page.stem}.txt"
        target.write_text(html_to_text(page), encoding="utf-8")
        page_texts.append(target)

    # (name, xxgk's files, the peer's files, the peer's worker mode)
    kinds = [
        ("text", texts, texts, "text"),
        ("html, the peer given text", pages, page_texts, "text"),
        ("html, the peer converting", pages, pages, "html"),
    ]
    print(
        f"{'input':<28}{'files':>6}{'xxgk /s':>10}{'peer /s':>10}{'ratio':>8}   (median of {args.rounds} rounds)"
    )
    for kind, ours, theirs, mode in kinds:
        mine, peer = [], []
        for _ in range(args.rounds):  # paired: each round runs both, one after the other
            mine.append(run_pinned(sys.executable, XXGK_WORKER, ours, args.repeat, args.core))
            peer.append(run_pinned(args.peer_python, PEER_WORKER, theirs, args.repeat, args.core, mode))
        n = len(ours) * args.repeat
        ours_rate, peer_rate = n / statistics.median(mine), n / statistics.median(peer)
        print(f"{kind:<28}{len(ours):>6}{ours_rate:>10.0f}{peer_rate:>10.0f}{ours_rate / peer_rate:>7.2f}×")
    print(time.strftime("measured %Y-%m-%d %H:%M"), f"on core {args.core}")


if __name__ == "__main__":
    main()
