"""JSON with Chinese kept readable (no \\uXXXX escapes)."""

from collections.abc import Mapping
from typing import Any, ClassVar

from ninja.renderers import JSONRenderer


class ChineseJSONRenderer(JSONRenderer):
    json_dumps_params: ClassVar[Mapping[str, Any]] = {"ensure_ascii": False}
