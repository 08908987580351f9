"""Precision of the 雷同 (copied text) score on real reports, to choose `similarity.THRESHOLD`.

Negatives: sections 一 and 五 of every pair of different agencies among the real reports in
tests/data/reports and the seed (the 平潭 2024 DOCX is the same report as its HTML page and is left out).
Positives: near copies made from each real section the way copiers work — the other agency's name
and the year changed, numbers changed, and a share of the sentences replaced by sentences of
another report, or dropped. The own-year pair (洪泽区 2023 / 2024) is printed on its own.

    uv run --frozen python benchmarks/rollup_similarity.py
"""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

from xxgk import similarity
from xxgk.parse.detect import read_report_file

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "reports"
SEEDS = DATA.parent / "seeds"
SKIP = {"pingtan-2024-guanweihui.docx"}


def reports() -> dict[str, object]:
    found = {}
    for path in sorted([*DATA.iterdir(), *SEEDS.iterdir()]):
        if path.suffix in {".txt", ".html", ".pdf", ".docx"} and path.name not in SKIP:
            found[path.name] = read_report_file(path)
    return found


def near_copy(text: str, donor: list[str], rng: random.Random, replaced: float) -> str:
    out = []
    for sentence in similarity.sentences(text):
        roll = rng.random()
        if roll < replaced / 2:
            out.append(rng.choice(donor))  # rewritten: another report's sentence
        elif roll < replaced:
            continue  # dropped
        else:
            out.append(re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), sentence))
    return "".join(out)


def main() -> None:
    rng = random.Random(2026)
    real = reports()
    texts = {}
    for name, report in real.items():
        for number in (1, 5):
            section = report.section(number)
            if section is not None and similarity.judged(section.text):
                texts[(name, number)] = section.text
    agency = {name: (r.organization or name).replace("淮安市", "") for name, r in real.items()}
    negatives, own_year = [], []
    for (a, na), (b, nb) in itertools.combinations(texts, 2):
        if na != nb:
            continue
        score = similarity.compare(texts[(a, na)], texts[(b, nb)]).score
        (own_year if agency[a] == agency[b] else negatives).append((score, a, b, na))
    positives = []
    for replaced in (0.1, 0.2, 0.3, 0.4):
        for key, text in texts.items():
            donor = [s for k, t in texts.items() if k[0] != key[0] for s in similarity.sentences(t)]
            for _ in range(5):
                copy = near_copy(text, donor, rng, replaced)
                match = similarity.compare(text, copy) if similarity.judged(copy) else None
                if match is not None:
                    positives.append((replaced, match.score))
    negatives.sort(reverse=True)
    print(
        f"sections judged: {len(texts)}; different-agency pairs: {len(negatives)}; near copies: {len(positives)}"
    )
    print("highest different-agency scores:")
    for score, a, b, n in negatives[:5]:
        print(f"  {score:.3f}  {a} / {b} (section {n})")
    for score, a, b, n in own_year:
        print(f"own previous year: {score:.3f}  {a} / {b} (section {n})")
    print("threshold  precision  recall(10%/20%/30%/40% of sentences rewritten or dropped)")
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        false = sum(score >= threshold for score, *_ in negatives)
        recalls = []
        for replaced in (0.1, 0.2, 0.3, 0.4):
            scores = [s for r, s in positives if r == replaced]
            recalls.append(sum(s >= threshold for s in scores) / len(scores))
        true = sum(s >= threshold for _, s in positives)
        precision = true / (true + false) if true + false else 1.0
        print(f"  {threshold:.1f}      {precision:.3f}      " + " / ".join(f"{r:.2f}" for r in recalls))


if __name__ == "__main__":
    main()
