"""`xxgk deadline` and `xxgk fee`: first line machine-readable, Chinese errors with exit code 2."""

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from xxgk.cli.main import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def test_deadline_first_line_is_the_due_date():
    result = run("deadline", "--received", "2025-01-20")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "2025-02-21"
    assert "2025-01-28 至 2025-02-04 春节放假，不计入" in lines


def test_deadline_with_default_extension():
    for args in (("--received", "2025-09-26", "--extended"), ("--extended", "--received", "2025-09-26")):
        result = run("deadline", *args)
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[0] == "2025-11-27"


def test_deadline_with_extension_days_and_pause():
    result = run(
        "deadline", "--received", "2025-09-26", "--extended", "10", "--pause", "2025-10-13:2025-10-17"
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # 20 + 10 working days, plus the five paused working days 10-13..10-17.
    assert lines[0] == "2025-11-20"
    assert "2025-10-13 至 2025-10-17 暂停计算（命令行指定），不计入" in lines


def test_deadline_into_2027_warns():
    result = run("deadline", "--received", "2026-12-15")
    # 2027's 放假安排 is not announced: weekends and the statutory 元旦 (Fri 1 January) do not count.
    # 12-16..18 (3), 12-21..25 (8), 12-28..31 (12), 01-04..08 (17), 01-11..13 (20).
    assert result.stdout.splitlines()[0] == "2027-01-13"
    assert "暂定" in result.stdout


@pytest.mark.parametrize(
    "args,message",
    [
        ((), "--received"),
        (("--received", "2025-13-01"), "不是有效日期"),
        (("--received", "2025-09-26", "--extended", "21"), "1至20"),
        (("--received", "2025-09-26", "--extended", "x"), "不是整数"),
        (("--received", "2025-09-26", "--pause", "2025-10-13"), "FROM:TO"),
        (("--received", "2025-09-26", "--pause", "2025-10-17:2025-10-13"), "结束日早于开始日"),
        (("--received", "2025-09-26", "--pause", "2025-09-20:2025-09-30"), "收到申请之日"),
        (
            (
                "--received",
                "2025-09-26",
                "--pause",
                "2025-10-13:2025-10-17",
                "--pause",
                "2025-10-15:2025-10-20",
            ),
            "重叠",
        ),
        (("--received", "2025-09-26", "--bogus"), "无法识别的参数"),
    ],
)
def test_deadline_bad_input_is_a_chinese_error_with_exit_code_2(args, message):
    result = run("deadline", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：")
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_fee_by_pieces():
    result = run("fee", "--pieces", "45")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "5500.00"
    assert "第41—45件，共5件 × 300元/件 = 1500元" in result.stdout


def test_fee_by_pieces_with_earlier_ones_this_month():
    result = run("fee", "--pieces", "5", "--earlier", "28")
    assert result.stdout.splitlines()[0] == "800.00"


def test_fee_by_pages():
    result = run("fee", "--pages", "250")
    assert result.stdout.splitlines()[0] == "4700.00"


@pytest.mark.parametrize(
    "args", [(), ("--pieces", "1", "--pages", "1"), ("--pages", "-3"), ("--pages", "abc")]
)
def test_fee_bad_input(args):
    result = run("fee", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：")


def test_the_engine_commands_import_no_django():
    code = (
        "import sys, xxgk.workdays, xxgk.deadlines, xxgk.fees, xxgk.cli.deadline_commands\n"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
