"""Tolerant comparison of printed labels: width, brackets, quotes, punctuation, line breaks.

Real reports print （一） and (一), “三安全一稳定” and "三安全一稳定", 自然人 split over two
lines, `、` or `，` between clauses; PDFs drop characters. Labels are compared in a key form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache, wraps
from typing import TypeVar, TypeVarTuple

# Characters that carry no meaning for matching a label.
_NOISE = re.compile(r"[\s\u00a0\u3000,，、.．。:：;；\"'“”‘’「」『』()（）\[\]【】<>《》\-—–_/|·•…]")
# Enumeration: 一、 二、 （三） 3. 3、 ⑴ etc.
_ENUM_FORMS = r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[⑴-⒇])"
_ENUM = re.compile("^" + _ENUM_FORMS)
# Inside running text: not the digits of a decimal (`18651.06`) or of a longer number.
_ENUM_INSIDE = re.compile(r"(?<![\d.．])" + _ENUM_FORMS + r"(?!\d)")


# NFKC costs about 0.1 µs a character wherever it has work to do, and Chinese text gives it work:
# full-width punctuation and the ideographic space. These are replaced first by what NFKC makes of
# them (one ASCII character each: NFKC of the text is unchanged, as its compatibility decomposition
# is), after which most texts are normalised already, which NFKC's quick check sees at once.
_WIDE_FORMS = tuple((wide, unicodedata.normalize("NFKC", wide)) for wide in "，（）：；！？％\u3000")


def nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, faster on Chinese text."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    for wide, narrow in _WIDE_FORMS:
        if wide in text:
            text = text.replace(wide, narrow)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


# Labels and lines repeat within a report and from report to report (the same template printed
# thousands of times): short texts are folded once per process. Long ones (a paragraph, a body
# captured as one line) are rarely seen twice and would fill the cache.
_MEMO_CHARS = 200
_MEMO_SIZE = 1 << 15


_Args = TypeVarTuple("_Args")
_R = TypeVar("_R")


def memoised_for_short(function: Callable[[str, *_Args], _R]) -> Callable[[str, *_Args], _R]:
    """`function` of a text (and hashable arguments after it), remembered for short texts."""
    cached = lru_cache(maxsize=_MEMO_SIZE)(function)

    @wraps(function)
    def of_text(text: str, *args: *_Args) -> _R:
        return cached(text, *args) if len(text) <= _MEMO_CHARS else function(text, *args)

    return of_text


@memoised_for_short
def key_form(text: str) -> str:
    """The label with width folded and every space and punctuation mark removed."""
    return _NOISE.sub("", nfkc(text))


@memoised_for_short
def strip_enumeration(text: str) -> str:
    """`（三）不予公开` → `不予公开`; `1.属于国家秘密` → `属于国家秘密` (one level, in key form)."""
    folded = nfkc(text).strip()
    return key_form(_ENUM.sub("", folded, count=1))


def last_enumerated(text: str) -> tuple[str, str] | None:
    """The last enumeration printed in `text` and the text after it, both in key form
    (`…申请（六）其2.申请人逾期` → `("2", "申请人逾期")`); None when there is none."""
    folded = nfkc(text)
    found = list(_ENUM_INSIDE.finditer(folded))
    if not found:
        return None
    return key_form(found[-1].group()), key_form(folded[found[-1].end() :])


def similarity(a: str, b: str) -> float:
    """Similarity of two labels in key form, 0..1 (difflib ratio)."""
    ka, kb = key_form(a), key_form(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    return SequenceMatcher(None, ka, kb, autojunk=False).ratio()


def similar(a: str, b: str, threshold: float) -> bool:
    """`similarity(a, b) >= threshold`, deciding early where difflib's upper bounds (by length,
    then by shared characters) are below it."""
    ka, kb = key_form(a), key_form(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if 2 * min(len(ka), len(kb)) < threshold * (len(ka) + len(kb)):
        return False
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold
