#!/usr/bin/env bash
# xxgk's two set-up commands (see README):
#   ./run.sh demo   — install what is missing, prepare the demo database, serve on 127.0.0.1:8000
#   ./run.sh test   — install what is missing, then lint and run the whole suite on SQLite and PostgreSQL
# Anything after the command is passed on (e.g. ./run.sh demo --no-serve, ./run.sh test -k deadline).
set -euo pipefail
cd "$(dirname "$0")"
command="${1:-}"
shift || true
case "$command" in
  demo)
    scripts/bootstrap.sh
    exec .venv/bin/xxgk demo "$@"
    ;;
  test)
    scripts/bootstrap.sh --services
    exec scripts/test.sh "$@"
    ;;
  *)
    echo "用法：./run.sh demo | ./run.sh test" >&2
    exit 2
    ;;
esac
