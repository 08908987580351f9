"""The `xxgk` typer app and the order in which its commands are registered (and listed by `--help`).

Each command module defines plain functions and a `register(app)` that adds them here, so no
module imports the app back. Command modules import only typer and the standard library at
module level; everything a command needs (the engine, pydantic models, Django, renderers) is
imported inside the command, so `xxgk check` does not pay for `xxgk render` or the platform.
"""

import typer

from xxgk.cli import (
    annual_commands,
    application_commands,
    deadline_commands,
    engine_commands,
    job_commands,
    publishing_commands,
    render_commands,
    rollup_commands,
    web_commands,
)

app = typer.Typer(
    name="xxgk",
    help="xxgk：政府信息公开年度报告引擎与政务公开平台",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (
    annual_commands,
    application_commands,
    deadline_commands,
    engine_commands,
    job_commands,
    publishing_commands,
    render_commands,
    rollup_commands,
    web_commands,
):
    _module.register(app)
