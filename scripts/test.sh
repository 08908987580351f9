#!/usr/bin/env bash
# Lint and type-check, then the whole suite twice: on the embedded SQLite default and on PostgreSQL.
# PostgreSQL must answer on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (scripts/bootstrap.sh --services
# starts both); if one does not, this fails loudly instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never PATH="$HOME/.local/bin:$PATH"
uv run --frozen ruff check src tests benchmarks
uv run --frozen ruff format --check src tests benchmarks
uv run --frozen mypy

# The Celery job tests need the loopback Redis; say so up front rather than through failing tests.
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "Redis 未在 127.0.0.1:6379 运行" >&2; exit 1; }

echo "== 测试：SQLite =="
env -u XXGK_DATABASE_URL uv run --frozen pytest -q -p no:cacheprovider -n 2 "$@"

echo "== 测试：PostgreSQL（平台与命令行：用到数据库的测试）=="
pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL 未在 127.0.0.1:5432 运行" >&2; exit 1; }
# The pure core (tests/parse, forms, checks, render, fuzz, template, …) touches no database: it ran above.
# With arguments, the same selection runs on both databases.
if [[ $# -eq 0 ]]; then set -- tests/web tests/cli; fi
XXGK_DATABASE_URL="${XXGK_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/xxgk}" \
  uv run --frozen pytest -q -p no:cacheprovider -n 2 "$@"
