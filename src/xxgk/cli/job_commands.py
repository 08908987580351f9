"""Background-job commands: `xxgk worker` starts a Celery worker (optionally with the scheduler)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated

import typer

from xxgk.cli.django_setup import setup_django

if TYPE_CHECKING:
    from xxgk.web.jobs.models import Job


def worker_command(
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", min=1, help="并行进程数")] = 2,
    queue: Annotated[str, typer.Option("--queue", "-Q", help="监听的队列")] = "xxgk",
    beat: Annotated[
        bool, typer.Option("--beat", help="同时运行定时任务（提醒、定时发布、夜间检查）")
    ] = False,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="worker 名称（同一台机器运行多个时区分）")
    ] = None,
) -> None:
    """启动后台任务 worker（Celery）。需设置 XXGK_CELERY_BROKER_URL，例如 redis://127.0.0.1:6379/0。"""
    from xxgk.web.jobs.celery_app import BROKER_ENV, broker_url

    if broker_url() is None:
        typer.secho(
            f"未设置 {BROKER_ENV}：没有消息队列时任务在网站进程内直接执行，无需 worker。", fg="red", err=True
        )
        raise typer.Exit(2)
    setup_django()
    from xxgk.web.jobs.celery_app import app as celery_app

    argv = ["worker", "--loglevel=INFO", f"--concurrency={concurrency}", f"--queues={queue}"]
    argv.append(f"--hostname={name or 'xxgk'}-{os.getpid()}@%h")
    if beat:
        argv.append("--beat")
    celery_app.worker_main(argv)


def job_command(
    kind: Annotated[
        str, typer.Argument(help="任务类型，例如 opendata、render_year、scan、reminders、publish_due")
    ],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="任务参数 名称=值，例如 -p year=2025（可重复）")
    ] = None,
) -> None:
    """提交一个后台任务并显示进度，直到完成。未配置消息队列时在本进程内执行。"""
    setup_django()
    from xxgk.web.jobs import registry

    try:
        label = registry.get(kind).label_zh
    except KeyError:
        known = "、".join(k.code for k in registry.all_kinds())
        typer.secho(f"未知的任务类型：{kind}（可用：{known}）", fg="red", err=True)
        raise typer.Exit(2) from None
    params = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            typer.secho(f"参数格式应为 名称=值：{item}", fg="red", err=True)
            raise typer.Exit(2)
        params[name] = int(value) if value.isdigit() else value
    job = _run_with_progress(kind, label, params)
    if job.status != "succeeded":
        typer.secho(f"{label}失败：{job.error_zh}", fg="red", err=True)
        raise typer.Exit(1)
    typer.echo(f"{label}已完成：{job.result}")


def _run_with_progress(kind: str, label: str, params: Mapping[str, object]) -> Job:
    """Submit in a thread (in-process execution blocks it) and show the job row's progress here."""
    import hashlib
    import threading
    import time

    from django.db import DatabaseError, connection
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from xxgk.web.jobs.models import Job
    from xxgk.web.jobs.services import submit

    key = ",".join(f"{k}={v}" for k, v in sorted(params.items()))
    if len(key) > 100:  # Job.key's length: long parameters (paths) are named by their digest
        key = hashlib.sha256(key.encode()).hexdigest()
    failure: list[BaseException] = []

    def run() -> None:
        try:
            submit(kind, key=key, params=params)
        except BaseException as exc:  # shown by the main thread
            failure.append(exc)
        finally:
            connection.close()

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        bar = progress.add_task("", total=None)
        while True:
            try:
                job = Job.objects.filter(kind=kind, key=key).order_by("-pk").first()
            except DatabaseError:  # SQLite busy while the job writes: look again next time
                time.sleep(0.3)
                continue
            if job is not None:
                progress.update(bar, completed=job.done, total=job.total or None, description=job.step_zh)
            if not worker.is_alive() and (job is None or not job.is_active):
                if failure or job is None:
                    raise RuntimeError(f"job {kind} could not be submitted") from (
                        failure[0] if failure else None
                    )
                return job
            time.sleep(0.3)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `xxgk` app (called once, by `xxgk.cli.app`)."""
    app.command("worker")(worker_command)
    app.command("job")(job_command)
