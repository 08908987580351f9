"""Portal list and search latency with 100,000 publications, over loopback.

    uv run --frozen python benchmarks/portal_search.py --database sqlite
    uv run --frozen python benchmarks/portal_search.py --database postgresql

Builds the benchmark's own database (a fresh SQLite file under /tmp, or the PostgreSQL database
`xxgk_portal_bench` on 127.0.0.1:5432, dropped and re-created; `--pg-url` to change): 20 agencies,
`--count` published items with their public version, catalogue node and search-index row, text
drawn from a fixed vocabulary (seeded). Then serves the site with gunicorn (2 workers) and runs
`benchmarks/http_load.run_load` against column list pages and searches (two-character words,
a 文号 fragment, with and without filters), printing p50/p95 per URL group.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_db import fresh_database
from http_load import run_load, start_gunicorn

AGENCIES = 20
TZ = ZoneInfo("Asia/Shanghai")
WORDS = [
    "预算",
    "决算",
    "征收",
    "补偿",
    "土地",
    "房屋",
    "管理",
    "办法",
    "通知",
    "公告",
    "实施",
    "意见",
    "方案",
    "规划",
    "统计",
    "数据",
    "社会",
    "救助",
    "教育",
    "医疗",
    "环境",
    "保护",
    "安全",
    "生产",
    "食品",
    "药品",
    "监督",
    "检查",
    "行政",
    "许可",
    "处罚",
    "强制",
    "收费",
    "标准",
    "采购",
    "项目",
    "建设",
    "公共",
    "服务",
    "就业",
    "养老",
    "住房",
    "交通",
    "水利",
    "农业",
    "农村",
    "乡村",
    "振兴",
    "城市",
    "更新",
    "改造",
    "资金",
    "使用",
    "情况",
    "工作",
    "要点",
    "总结",
    "报告",
    "会议",
    "部署",
]


# Filler: two characters at a time from a pool of common ones, so that a given word of WORDS
# (one slot in ten) appears in several percent of the items, as 预算 or 征收 do on a real site.
POOL = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def _text(rng: random.Random, slots: int) -> str:
    return "".join(
        rng.choice(WORDS) if rng.random() < 0.1 else rng.choice(POOL) + rng.choice(POOL) for _ in range(slots)
    )


def _populate(count: int, rng: random.Random) -> tuple[list[int], dict[int, list[int]]]:
    """Agencies with their catalogue and `count` published items; returns org ids and node ids."""
    from django.db import connection, transaction

    from xxgk.web.orgs.demo import credit_code
    from xxgk.web.orgs.models import Organisation, OrgKind, User
    from xxgk.web.publishing import catalogue, search
    from xxgk.web.publishing.models import (
        Genre,
        Publication,
        PublicationChannel,
        PublicationRevision,
        SearchEntry,
        State,
    )

    user = User.objects.create(username="bench")
    orgs = [
        Organisation.objects.create(
            name=f"基准测试第{i}局", credit_code=credit_code("360900", f"B{i:07d}"), kind=OrgKind.DEPARTMENT
        )
        for i in range(AGENCIES)
    ]
    nodes = {org.pk: [n.pk for n in catalogue.seed_catalogue(actor=None, organisation=org)] for org in orgs}
    start = datetime(2021, 1, 1, 9, tzinfo=TZ)
    serials: dict[tuple[int, int], int] = {}
    batch = 5000
    through = Publication.nodes.through
    for offset in range(0, count, batch):
        items, texts = [], []
        for i in range(offset, min(count, offset + batch)):
            org = orgs[i % AGENCIES]
            published = start + timedelta(minutes=i * 25)
            key = (org.pk, published.year)
            serials[key] = serials.get(key, 0) + 1
            title = _text(rng, 4) + rng.choice(("的通知", "的公告", "实施方案", "工作报告"))
            number = f"宜基{i % AGENCIES}发〔{published.year}〕{serials[key]}号"
            summary, body = _text(rng, 8), _text(rng, 50)
            texts.append((title, summary, number, body))
            items.append(
                Publication(
                    organisation=org,
                    title=title,
                    summary=summary,
                    body=body,
                    document_number=number,
                    formed_on=published.date(),
                    published_at=published,
                    state=State.PUBLISHED,
                    genre=Genre.NOTICE,
                    created_by=user,
                    index_number=f"{org.credit_code}/{published.year}-{serials[key]:05d}",
                )
            )
        with transaction.atomic():
            items = Publication.objects.bulk_create(items)
            PublicationRevision.objects.bulk_create(
                PublicationRevision(
                    publication=p,
                    number=1,
                    kind="original",
                    title=t[0],
                    summary=t[1],
                    document_number=t[2],
                    body=t[3],
                    published_at=p.published_at,
                )
                for p, t in zip(items, texts, strict=True)
            )
            through.objects.bulk_create(
                through(publication_id=p.pk, cataloguenode_id=rng.choice(nodes[p.organisation_id][:18]))
                for p in items
            )
            PublicationChannel.objects.bulk_create(
                PublicationChannel(publication=p, channel="website") for p in items
            )
            SearchEntry.objects.bulk_create(
                SearchEntry(publication=p, grams=search.grams(t)) for p, t in zip(items, texts, strict=True)
            )
        print(f"  {offset + len(items):,} publications", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return [org.pk for org in orgs], nodes


def _existing(database: str, pg_url: str) -> tuple[list[int], dict[int, list[int]]]:
    path = Path(tempfile.gettempdir()) / "xxgk-portal-bench.sqlite3"
    os.environ["XXGK_DATABASE_URL"] = f"sqlite:///{path}" if database == "sqlite" else pg_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.web.settings")
    import django

    django.setup()
    from xxgk.web.orgs.models import Organisation
    from xxgk.web.publishing.models import CatalogueNode

    orgs = list(
        Organisation.objects.filter(name__startswith="基准测试").order_by("pk").values_list("pk", flat=True)
    )
    nodes = {
        org: list(
            CatalogueNode.objects.filter(organisation_id=org).order_by("pk").values_list("pk", flat=True)
        )
        for org in orgs
    }
    return orgs, nodes


def _serve(persistent: bool) -> tuple[subprocess.Popen[bytes], int]:
    env = {**os.environ, "XXGK_ALLOWED_HOSTS": "127.0.0.1"}
    if persistent:
        env["DJANGO_SETTINGS_MODULE"] = "portal_bench_settings"
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, (str(Path(__file__).resolve().parent), env.get("PYTHONPATH")))
        )
    return start_gunicorn(env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/xxgk_portal_bench")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument(
        "--persistent", action="store_true", help="keep database connections open (CONN_MAX_AGE=60)"
    )
    parser.add_argument("--reuse", action="store_true", help="serve the database built by the last run")
    args = parser.parse_args()

    began = time.perf_counter()
    if args.reuse:
        orgs, nodes = _existing(args.database, args.pg_url)
    else:
        fresh_database(args.database, args.pg_url, sqlite_name="xxgk-portal-bench")
        orgs, nodes = _populate(args.count, random.Random(2026))
    print(
        f"database ready in {time.perf_counter() - began:.0f} s ({args.database}, {args.count:,} publications)"
    )
    server, port = _serve(args.persistent)
    base = f"http://127.0.0.1:{port}"
    groups = {
        "column home (catalogue, latest 10)": [f"{base}/gk/{org}/" for org in orgs],
        "catalogue node list, pages 1-5": [
            f"{base}/gk/{org}/node/{nodes[org][0]}/?page={page}" for org in orgs for page in range(1, 6)
        ],
        "search: two-character word, all agencies": [
            f"{base}/gk/search/?q={quote(w)}" for w in ("预算", "征收", "补偿", "养老")
        ],
        "search: word + agency + year": [
            f"{base}/gk/search/?q={quote(w)}&org={org}&year=2023"
            for w in ("预算", "征收")
            for org in orgs[:5]
        ],
        "search: 文号 fragment": [
            f"{base}/gk/search/?q={quote(f'〔2023〕{n}号')}" for n in (7, 42, 311, 1200)
        ],
        "search: two terms, page 3": [f"{base}/gk/search/?q={quote('土地 补偿')}&page=3"],
    }
    try:
        for urls in groups.values():  # warm caches and workers
            run_load(urls, clients=2, requests=10)
        for name, urls in groups.items():
            result = run_load(urls, clients=args.clients, requests=args.requests)
            print(f"{name}: {result.summary()}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
