"""Working-day deadline and fee commands (`xxgk deadline`, `xxgk fee`): core only, no Django."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

# The deadline arithmetic (and its holiday calendars) is imported by the commands that use it,
# so that other commands do not pay for it at start-up.
if TYPE_CHECKING:
    from xxgk.deadlines import CaseEvent


_USAGE_ERROR = 2
_CLI_EXTENSION_REASON = "命令行试算"
_CLI_PAUSE_REASON = "命令行指定"


def _fail(message_zh: str) -> NoReturn:
    typer.echo(f"错误：{message_zh}", err=True)
    raise typer.Exit(code=_USAGE_ERROR)


def _parse_date(text: str, what_zh: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        _fail(f"{what_zh}“{text}”不是有效日期，应为 YYYY-MM-DD")


def _parse_count(text: str, what_zh: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        _fail(f"{what_zh}“{text}”不是整数")
    if value < 0:
        _fail(f"{what_zh}不能为负数")
    return value


def _parse_pause(text: str, received: date) -> tuple[date, date]:
    first_text, sep, last_text = text.partition(":")
    if not sep:
        _fail(f"暂停期间“{text}”应写作 FROM:TO，例如 2025-03-10:2025-03-19")
    first, last = _parse_date(first_text, "暂停开始日"), _parse_date(last_text, "暂停结束日")
    if last < first:
        _fail(f"暂停期间“{text}”的结束日早于开始日")
    if first <= received:
        _fail(f"暂停期间“{text}”应在收到申请之日（{received.isoformat()}）以后")
    return first, last


def _pause_events(ranges: list[tuple[date, date]]) -> list[CaseEvent]:
    """FROM..TO not counted, inclusive: the pause event falls on the day before FROM (which counts)."""
    from xxgk.deadlines import Paused, Resumed

    events: list[CaseEvent] = []
    ordered = sorted(ranges)
    for (_, last), (first, _) in pairwise(ordered):
        if first <= last:
            _fail(f"暂停期间重叠：{first.isoformat()} 已在前一暂停期间内")
    for first, last in ordered:
        events += [Paused(first - timedelta(days=1), _CLI_PAUSE_REASON), Resumed(last)]
    return events


def _extension_days(extra: list[str]) -> int | None:
    """`--extended [DAYS]` (its value is optional, which typer cannot declare): from the raw args."""
    from xxgk.deadlines import MAX_EXTENSION_WORKING_DAYS

    if not extra:
        return None
    option, _, value = extra[0].partition("=")
    if option != "--extended":
        _fail(f"无法识别的参数：{' '.join(extra)}")
    rest = extra[1:]
    if not value and rest and not rest[0].startswith("-"):
        value, rest = rest[0], rest[1:]
    if rest:
        _fail(f"无法识别的参数：{' '.join(rest)}")
    return _parse_count(value, "延长的工作日数") if value else MAX_EXTENSION_WORKING_DAYS


def deadline(
    ctx: typer.Context,
    received: Annotated[
        str | None, typer.Option("--received", metavar="YYYY-MM-DD", help="收到申请之日，YYYY-MM-DD")
    ] = None,
    pause: Annotated[
        list[str] | None,
        typer.Option("--pause", metavar="FROM:TO", help="FROM 至 TO（含两端）不计入答复期限，可重复"),
    ] = None,
) -> None:
    """依申请公开答复期限：第一行为期限届满日（YYYY-MM-DD），其后为计算说明。"""
    from xxgk.deadlines import DeadlineError, Extended, Received, due_date_for
    from xxgk.workdays import WorkCalendar

    if received is None:
        _fail("请用 --received YYYY-MM-DD 指定收到申请之日")
    received_on = _parse_date(received, "收到申请之日")
    events: list[CaseEvent] = [Received(received_on)]
    days = _extension_days(list(ctx.args))
    if days is not None:
        events.append(Extended(received_on, days, _CLI_EXTENSION_REASON))
    events += _pause_events([_parse_pause(text, received_on) for text in pause or []])
    try:
        result = due_date_for(events, WorkCalendar())
    except DeadlineError as error:
        _fail(error.message_zh)
    assert result.due is not None  # every pause given here is closed
    typer.echo(result.due.isoformat())
    for line in result.explanation_zh:
        typer.echo(line)


def fee(
    pieces: Annotated[str | None, typer.Option("--pieces", metavar="N", help="按件计收：本次件数")] = None,
    earlier: Annotated[
        str, typer.Option("--earlier", metavar="N", help="按件计收：同一申请人本自然月此前已累计的件数")
    ] = "0",
    pages: Annotated[
        str | None, typer.Option("--pages", metavar="N", help="按量计收：本次申请的页数")
    ] = None,
) -> None:
    """信息处理费（国办函〔2020〕109号）：第一行为金额（元），其后为分档计算。"""
    from xxgk.fees import fee_by_pages, fee_by_pieces

    if (pieces is None) == (pages is None):
        _fail("请在 --pieces（按件计收）与 --pages（按量计收）中选择一种，二者不得同时适用")
    if pieces is not None:
        quote = fee_by_pieces(
            _parse_count(pieces, "件数"), earlier_this_month=_parse_count(earlier, "本月此前累计件数")
        )
    else:
        quote = fee_by_pages(_parse_count(pages or "", "页数"))
    typer.echo(f"{quote.amount:.2f}")
    for line in quote.breakdown_zh():
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `xxgk` app (called once, by `xxgk.cli.app`)."""
    app.command(
        "deadline",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        epilog="--extended [DAYS]  经政府信息公开工作机构负责人同意延长答复期限（第三十三条第二款），"
        "DAYS 默认20，最多20个工作日",
    )(deadline)
    app.command("fee")(fee)
