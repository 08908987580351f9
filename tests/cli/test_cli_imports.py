"""Start-up cost of the `xxgk` command: importing the CLI must not import the platform or heavy readers.

Run in a fresh interpreter so modules other tests imported do not hide an eager import.
"""

import json
import subprocess
import sys

# The platform, the readers and renderers, and (for start-up time) the holiday calendars, rich and
# pydantic: each is imported by the command that needs it, never by registering the commands.
_HEAVY = (
    "django",
    "chinese_calendar",
    "weasyprint",
    "docx",
    "openpyxl",
    "lxml",
    "pypdfium2",
    "onnxruntime",
    "cv2",
    "rich",
    "pydantic",
)

_PROBE = f"""
import json, sys
import xxgk.cli.main
heavy = {_HEAVY!r}
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in heavy)))
"""


def _modules_after(code: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout)


def test_importing_the_cli_imports_no_heavy_library():
    assert _modules_after(_PROBE) == []


def test_the_probe_sees_an_eager_import():
    # The same probe, after importing the deadline arithmetic, reports its holiday calendar:
    # proves the check above would fail if a command module imported it at module level.
    assert "chinese_calendar" in _modules_after("import xxgk.deadlines\n" + _PROBE)


def test_every_command_is_registered_in_order():
    from xxgk.cli.main import app

    names = [command.name for command in app.registered_commands]
    assert names == [
        "annual",
        "remind",
        "deadline",
        "fee",
        "schema",
        "check",
        "extract",
        "worker",
        "job",
        "scan",
        "render",
        "indicators",
        "demo",
        "manage",
    ]
