"""JSON with Chinese kept readable (no \\uXXXX escapes), amounts as plain numbers.

ninja serialises responses in Python mode, so the report model's rule “amounts (万元) are
Decimal in Python and numbers in JSON” is applied here, for every Decimal of every answer.
"""

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder


class _Encoder(NinjaJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            return float(o)
        return super().default(o)


class ChineseJSONRenderer(JSONRenderer):
    encoder_class = _Encoder
    json_dumps_params: Mapping[str, Any] = MappingProxyType({"ensure_ascii": False})
