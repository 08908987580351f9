"""Recognising UTF-16 input (text or HTML saved by Windows tools), which no other decoder checks.

UTF-8 and GB18030 text never holds a NUL byte; UTF-16 holds one in every ASCII character
(digits, spaces, line breaks, markup), always at the same parity.
"""

from __future__ import annotations

import codecs

_SAMPLE = 16384


def utf16_codec(data: bytes) -> str | None:
    """ "utf-16" (with a BOM), "utf-16-le" / "utf-16-be" (by their NUL bytes), or None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:_SAMPLE]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if even + odd < max(4, len(sample) // 200):
        return None
    if odd >= 4 * even:
        return "utf-16-le"
    if even >= 4 * odd:
        return "utf-16-be"
    return None


def as_utf8_if_utf16(data: bytes) -> bytes:
    """UTF-16 input re-encoded as UTF-8 (undecodable pairs replaced); other input unchanged."""
    codec = utf16_codec(data)
    return data if codec is None else data.decode(codec, "replace").encode("utf-8")
