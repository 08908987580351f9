"""What no decoder checks: UTF-16 input (text or HTML saved by Windows tools), and text whose
characters were mapped wrong before it reached us.

UTF-8 and GB18030 text never holds a NUL byte; UTF-16 holds one in every ASCII character
(digits, spaces, line breaks, markup), always at the same parity.
"""

from __future__ import annotations

import codecs
import re

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


# Letters of the Latin-1 Supplement and Latin Extended-A/B: no Chinese report prints many.
_MISMAPPED = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
# The CJK Unified Ideographs and Extension A: the characters a Chinese report prints its words in.
IDEOGRAPHS = range(0x3400, 0xA000)
_IDEOGRAPH = re.compile(f"[{chr(IDEOGRAPHS.start)}-{chr(IDEOGRAPHS.stop - 1)}]")
# Garbled: at least this many such letters, and one for every `_MISMAPPED_SHARE` ideographs or more
# (a site's name in pinyin with its tones, `Píngtán`, is a few letters among thousands of ideographs).
_MISMAPPED_LETTERS = 5
_MISMAPPED_SHARE = 50


def letters_and_ideographs(text: str) -> tuple[int, int]:
    """How many accented Latin letters and how many ideographs `text` holds (see `mismapped`)."""
    if not _MISMAPPED.search(text):
        return 0, 0  # the common case: nothing to weigh
    return len(_MISMAPPED.findall(text)), len(_IDEOGRAPH.findall(text))


def mismapped(letters: int, ideographs: int) -> bool:
    """Chinese text holding many accented Latin letters (counted by `letters_and_ideographs`): its
    characters were mapped wrong on the way (a PDF font's character map written wrong, as
    Ghostscript's pdfwrite writes some: `ÿá院` for 国务院, `Þ事服á` for 办事服务, and `、` as `1`),
    so neither its labels nor its numbers can be trusted to be what the report prints."""
    return letters >= _MISMAPPED_LETTERS and letters * _MISMAPPED_SHARE >= ideographs
