"""`xxgk extract --workers celery`: files fanned out over two real worker processes (`xxgk worker`)
on the loopback Redis collect into exactly the outputs of the local `--jobs N`.

The commands run as separate processes, as users run them. Each test run has its own queue
name on its own Redis database, so parallel runs do not meet.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery import Celery

from xxgk.render import render
from xxgk.sample import balanced_report

REDIS_DB = 11
BROKER = f"redis://127.0.0.1:6379/{REDIS_DB}"
XXGK = str(Path(sys.executable).parent / "xxgk")


def _env(**changes: str | None) -> dict[str, str]:
    env = {**os.environ, "XXGK_CELERY_BROKER_URL": BROKER, **changes}
    return {key: value for key, value in env.items() if value is not None}


def _xxgk(*args: str, **env: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([XXGK, *args], env=_env(**env), capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def probe() -> Iterator[Celery]:
    """A Celery client of its own, to ask the workers what they did."""
    app = Celery("probe", broker=BROKER)
    try:
        with app.connection_for_read() as connection:
            connection.ensure_connection(max_retries=1)
    except Exception:
        pytest.fail("Redis 未运行（127.0.0.1:6379）：scripts/bootstrap.sh --services 会启动它")
    yield app
    app.close()


@pytest.fixture(scope="module")
def queue(probe: Celery, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two worker processes listening on a fresh queue."""
    name = f"xxgk-test-{uuid.uuid4().hex[:12]}"
    data_dir = tmp_path_factory.mktemp("worker-data")
    logs = [data_dir / f"w{i}.log" for i in (1, 2)]
    workers = [
        subprocess.Popen(
            [XXGK, "worker", "--concurrency", "1", "--queue", name, "--name", f"w{i}-{name}"],
            env=_env(XXGK_DATA_DIR=str(data_dir)),
            stdout=subprocess.DEVNULL,
            stderr=logs[i - 1].open("wb"),
        )
        for i in (1, 2)
    ]
    try:
        deadline = time.monotonic() + 180  # generous: a loaded machine starts Celery slowly
        while _workers_on(probe, name) < 2:
            tail = "\n".join(log.read_text(errors="replace")[-1500:] for log in logs)
            assert time.monotonic() < deadline, f"两个 worker 未能在 180 秒内启动：\n{tail}"
            assert all(w.poll() is None for w in workers), f"worker 进程意外退出：\n{tail}"
            time.sleep(0.3)
        yield name
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()


def _workers_on(probe: Celery, queue: str) -> int:
    listening = probe.control.inspect(timeout=1.0).active_queues() or {}
    return sum(any(q["name"] == queue for q in queues) for queues in listening.values())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 generated reports (HTML and DOCX) and one file that is not a report."""
    folder = tmp_path_factory.mktemp("corpus")
    rng = random.Random(11)
    for i in range(30):
        report = balanced_report(rng, year=2023 + i % 2)
        fmt = "docx" if i % 10 == 0 else "html"
        (folder / f"r{i:03d}.{fmt}").write_bytes(render(report, fmt))
    (folder / "broken.html").write_text("<html><body>这不是年度报告</body></html>", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_two_workers_produce_the_local_output(queue: str, corpus: Path, tmp_path: Path, fmt: str) -> None:
    local, remote = tmp_path / f"local.{fmt}", tmp_path / f"remote.{fmt}"
    done = _xxgk("extract", str(corpus), "-f", fmt, "-o", str(local), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    done = _xxgk(
        "extract", str(corpus), "-f", fmt, "-o", str(remote), "--workers", "celery", "--queue", queue
    )
    assert done.returncode == 0, done.stderr
    assert "1 个文件未能读取" in done.stderr and "broken.html" in done.stderr
    assert "（30 份报告）" in done.stderr
    assert remote.read_bytes() == local.read_bytes()


def test_both_workers_took_part(probe: Celery, queue: str, corpus: Path, tmp_path: Path) -> None:
    done = _xxgk(
        "extract",
        str(corpus),
        "-f",
        "csv",
        "-o",
        str(tmp_path / "o.csv"),
        "--workers",
        "celery",
        "--queue",
        queue,
    )
    assert done.returncode == 0, done.stderr
    stats = probe.control.inspect(timeout=2.0).stats() or {}
    per_worker = [
        info.get("total", {}).get("xxgk.engine.read_reports", 0)
        for worker, info in stats.items()
        if worker.startswith((f"w1-{queue}", f"w2-{queue}"))
    ]
    assert len(per_worker) == 2 and all(n > 0 for n in per_worker), per_worker


def test_a_queue_without_workers_is_a_clear_error(queue: str, corpus: Path) -> None:
    done = _xxgk("extract", str(corpus), "--workers", "celery", "--queue", f"{queue}-nobody")
    assert done.returncode == 2
    assert "没有 Celery worker 在队列" in done.stderr and "xxgk worker" in done.stderr


def test_without_a_broker_celery_is_refused(corpus: Path) -> None:
    done = _xxgk("extract", str(corpus), "--workers", "celery", XXGK_CELERY_BROKER_URL=None)
    assert done.returncode == 2
    assert "XXGK_CELERY_BROKER_URL" in done.stderr
