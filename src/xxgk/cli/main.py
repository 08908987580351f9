"""The `xxgk` command: one typer app; each group of commands lives in its own module.

Modules register their commands on import; engine modules import nothing from
`xxgk.web` at import time so that `xxgk check` starts fast on thousands of files.
"""

import typer

app = typer.Typer(
    name="xxgk",
    help="xxgk：政府信息公开年度报告引擎与政务公开平台",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    # Imported for their side effect of adding commands to `app`.
    from xxgk.cli import (  # noqa: F401
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


_register()
