#!/usr/bin/env bash
# Installs what a fresh Debian machine with Python 3.11+ lacks: system packages (fonts, pango,
# poppler, chromium; with --services also PostgreSQL and Redis, started if down), uv, and the
# locked Python environment (.venv from uv.lock). Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never

system_packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk fonts-noto-color-emoji poppler-utils chromium libreoffice-writer)
# OpenCV (opencv-python, pulled in by rapidocr-onnxruntime for OCR of scans) loads libGL and GLib.
system_packages+=(libgl1 libglib2.0-0)
if [[ "${1:-}" == "--services" ]]; then
  system_packages+=(postgresql redis-server)
fi

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

missing=()
if command -v dpkg-query >/dev/null; then
  for pkg in "${system_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "安装系统软件包：${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ "${1:-}" == "--services" ]]; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    echo "启动 PostgreSQL"
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
    echo "启动 Redis"
    as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /tmp --logfile /tmp/xxgk-redis.log
  fi
fi

if ! command -v uv >/dev/null; then
  echo "安装 uv"
  python3 -m pip install --quiet --user uv || python3 -m pip install --quiet uv
  export PATH="$HOME/.local/bin:$PATH"
fi
uv sync --frozen --quiet
