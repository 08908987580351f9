"""The catalogue of audit action codes ("app.verb") and their Chinese labels.

Each app declares its codes once, at import, with `define()`; `record()` refuses a code that
was never declared, so every event in the log can be shown to staff in Chinese.
"""

from __future__ import annotations

import re

_CODE = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
_LABELS: dict[str, str] = {}


def define(code: str, label_zh: str) -> str:
    """Declare an action code with its label; returns the code so modules can keep it as a constant."""
    if not _CODE.match(code):
        raise ValueError(f"audit action code must look like 'app.verb', got {code!r}")
    if _LABELS.get(code, label_zh) != label_zh:
        raise ValueError(f"audit action {code!r} already defined with another label")
    _LABELS[code] = label_zh
    return code


def is_defined(code: str) -> bool:
    return code in _LABELS


def label(code: str) -> str:
    return _LABELS.get(code, code)


ADMIN_ADD = define("admin.add", "系统管理：新增")
ADMIN_CHANGE = define("admin.change", "系统管理：修改")
ADMIN_DELETE = define("admin.delete", "系统管理：删除")
