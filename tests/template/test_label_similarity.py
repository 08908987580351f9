"""`labels.similar` decides `similarity >= threshold` early by difflib's upper bounds: the same
answer as computing the ratio, for any two labels."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from xxgk.template.labels import similar, similarity

# Few characters, so that random labels share many; punctuation and spaces fold away in key form.
_LABEL = st.text(alphabet="一二三公开申请情况（）、 ，0", max_size=24)


@given(_LABEL, _LABEL, st.sampled_from([0.5, 0.75, 0.9]))
def test_similar_is_the_ratio_against_the_threshold(a: str, b: str, threshold: float) -> None:
    assert similar(a, b, threshold) == (similarity(a, b) >= threshold)


def test_a_heading_printed_with_a_character_dropped_is_similar() -> None:
    assert similar("二、主动公开政府信息情", "二、主动公开政府信息情况", 0.75)
    assert not similar("二、主动公开", "二、主动公开政府信息情况", 0.75)
