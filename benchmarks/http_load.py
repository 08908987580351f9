"""A small closed-loop HTTP load tool over loopback: N client threads, each sending requests
back to back for a fixed number of rounds; prints p50/p95/p99 latency and throughput.

Used by the portal and API benchmarks (import `run_load`), or on its own:

    uv run --frozen python benchmarks/http_load.py http://127.0.0.1:8000/gk/ --clients 4 --requests 200
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: tuple[float, ...]

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
        return ordered[index]

    def summary(self) -> str:
        return (
            f"{self.requests} requests, {self.errors} errors, {self.requests / self.seconds:.0f} req/s, "
            f"p50 {self.percentile(50):.1f} ms, p95 {self.percentile(95):.1f} ms, "
            f"p99 {self.percentile(99):.1f} ms, mean {statistics.fmean(self.latencies_ms):.1f} ms"
        )


def _client(urls: Sequence[str], rounds: int, offset: int) -> tuple[list[float], int]:
    """One keep-alive connection sending `rounds` requests, cycling through `urls`."""
    parts = urlsplit(urls[0])
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
    latencies: list[float] = []
    errors = 0
    for i in range(rounds):
        url = urlsplit(urls[(offset + i) % len(urls)])
        target = url.path + (f"?{url.query}" if url.query else "")
        started = time.perf_counter()
        try:
            connection.request("GET", target)
            response = connection.getresponse()
            response.read()
            if response.status >= 400:
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
        latencies.append((time.perf_counter() - started) * 1000)
    connection.close()
    return latencies, errors


def run_load(urls: Sequence[str], *, clients: int = 4, requests: int = 200) -> LoadResult:
    """Send `requests` requests in all from `clients` concurrent connections."""
    rounds = max(1, requests // clients)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(lambda c: _client(urls, rounds, c * rounds), range(clients)))
    seconds = time.perf_counter() - started
    latencies = tuple(ms for part, _ in results for ms in part)
    return LoadResult(len(latencies), sum(e for _, e in results), seconds, latencies)


def start_gunicorn(
    env: Mapping[str, str] | None = None, *, workers: int = 2
) -> tuple[subprocess.Popen[bytes], int]:
    """The platform under gunicorn on a free loopback port, once it accepts connections."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "gunicorn", "xxgk.web.wsgi:application", "-b", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*command, "-w", str(workers), "--log-level", "warning"],
        env=dict(env if env is not None else os.environ),
    )
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server, port
        time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    print(run_load(args.urls, clients=args.clients, requests=args.requests).summary())


if __name__ == "__main__":
    main()
