"""Copied-text scores: near copies score high, different agencies' real texts low, set phrases ignored."""

from __future__ import annotations

import itertools
from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from support.real_inputs import REPORTS, SEED
from xxgk import similarity
from xxgk.parse.detect import read_report_file
from xxgk.report import Report

# Different agencies (the 平潭 2024 DOCX is the same report as its HTML page; 洪泽 is one agency).
DIFFERENT = (
    "huaian-2024-szf.pdf",
    "hongze-2024-qzf.pdf",
    "pingtan-2020-jinjingpianqu.txt",
    "pingtan-2021-gonganju.txt",
    "pingtan-2021-supingpianqu.txt",
    "pingtan-2023-guoziju.html",
    "pingtan-2024-guanweihui.html",
)


@cache
def real(name: str) -> Report:
    return read_report_file(SEED if name == "seed" else REPORTS / name)


def test_normalising_drops_layout_punctuation_and_numbers() -> None:
    assert similarity.normalise("2023 年，共收到\n申请 12 件。") == similarity.normalise(
        "2024年,共收到申请15件"
    )
    assert similarity.normalise("二〇二三年") == "0年"


def test_a_near_copy_of_a_real_section_is_found() -> None:
    text = real("pingtan-2021-gonganju.txt").section(1).text
    sentences = similarity.sentences(text)
    # another agency's name, the next year, new figures, one sentence in five rewritten
    copy = "".join(
        "我局今年进一步加强了工作。" if i % 5 == 2 else s.replace("公安局", "交通局").replace("2021", "2022")
        for i, s in enumerate(sentences)
    )
    match = similarity.compare(copy, text)
    assert match is not None and match.score >= similarity.THRESHOLD
    assert match.passages and all(p.share >= similarity.PASSAGE_SHARE for p in match.passages)


def test_two_different_agencies_real_reports_are_not_copies() -> None:
    names = [*DIFFERENT, "seed"]
    for a, b in itertools.combinations(names, 2):
        for number in (1, 5):
            left, right = real(a).section(number), real(b).section(number)
            if left is None or right is None:
                continue
            match = similarity.compare(left.text, right.text)
            assert match is None or match.score < similarity.THRESHOLD, (a, b, number, match)


def test_short_texts_are_not_judged() -> None:
    assert similarity.compare("无。", "无。") is None


def test_corpus_ignores_phrases_many_units_share() -> None:
    boiler = (
        "认真贯彻落实中华人民共和国政府信息公开条例，坚持以公开为常态、不公开为例外，扎实推进政务公开工作。"
    )
    own = [
        "本局围绕交通运输重点工作，在门户网站发布路网建设项目批准和实施信息，更新公交线路调整公告。",
        "本委聚焦医疗卫生民生事项，公开医疗机构执业登记、公共卫生监测和疫苗接种门诊名单等信息。",
        "本局紧扣生态环境保护，公开排污许可、环评审批和空气质量监测月报，回应群众对噪声的关切。",
        "本局立足农业农村工作，公开惠农补贴发放、农机购置补贴名单和高标准农田建设项目进展情况。",
        "本局着眼住房保障，公开公租房分配、棚户区改造和物业维修资金使用情况，接受社会监督。",
        "本局面向市场主体，公开双随机抽查结果、食品安全抽检信息和投诉举报处理情况。",
    ]
    texts = {i: boiler + body for i, body in enumerate(own)}
    texts[99] = boiler + own[0].replace("本局", "本中心")  # a real copy of unit 0
    corpus = similarity.Corpus(texts)
    pairs = corpus.pairs()
    assert [(p.first, p.second) for p in pairs] == [(0, 99)]
    assert corpus.pairs(keys=[3]) == []


@given(
    st.text(alphabet="政府信息公开工作年度报告申请答复机关部门", min_size=0, max_size=120),
    st.text(max_size=120),
)
def test_containment_is_a_share(a: str, b: str) -> None:
    score = similarity.containment(similarity.shingles(a), similarity.shingles(b))
    assert 0.0 <= score <= 1.0
    if similarity.shingles(a):
        assert similarity.containment(similarity.shingles(a), similarity.shingles(a)) == 1.0
