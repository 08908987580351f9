"""JSON with Chinese kept readable (no \\uXXXX escapes), amounts as plain numbers.

ninja serialises responses in Python mode, so the report model's rule “amounts (万元) are
Decimal in Python and numbers in JSON” is applied here, for every Decimal of every answer.
"""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder


class _Encoder(NinjaJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            return float(o)
        return super().default(o)


class ChineseJSONRenderer(JSONRenderer):
    encoder_class = _Encoder
    json_dumps_params: ClassVar[Mapping[str, Any]] = {"ensure_ascii": False}
