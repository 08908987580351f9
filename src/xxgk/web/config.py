"""Reading the XXGK_* environment: database URL, flags, lists, data directory, secret key.

Kept free of Django settings so each function can be tested on its own; errors carry a
Chinese message because an operator reads them at start-up.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit


class ConfigError(Exception):
    """A configuration value cannot be used; the message is for the operator (Chinese)."""


_TRUE = {"1", "true", "yes", "on", "是"}
_FALSE = {"0", "false", "no", "off", "否", ""}

# Applied to every SQLite connection: WAL lets readers run during a write; NORMAL is safe with WAL.
SQLITE_INIT_COMMAND = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"


def env_bool(name: str, default: bool = False) -> bool:
    """A yes/no environment variable; anything unrecognised is an error, not a silent default."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"环境变量 {name} 的值「{raw}」无法识别，请使用 1/0、true/false 或 yes/no。")


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated environment variable, blanks dropped."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def default_data_dir() -> Path:
    """`var/` in the source checkout when running from one, else `var/` in the working directory."""
    repo = Path(__file__).resolve().parents[3]
    base = repo if (repo / "pyproject.toml").is_file() else Path.cwd()
    return base / "var"


def data_dir() -> Path:
    """Where the embedded database, the generated secret key and collected static files live."""
    raw = os.environ.get("XXGK_DATA_DIR")
    return Path(raw).expanduser().resolve() if raw else default_data_dir()


def secret_key(directory: Path) -> str:
    """XXGK_SECRET_KEY, or a key generated once and kept in `<data dir>/secret_key`."""
    from_env = os.environ.get("XXGK_SECRET_KEY", "").strip()
    if from_env:
        return from_env
    path = directory / "secret_key"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    except OSError as exc:
        raise ConfigError(
            f"无法在数据目录 {directory} 中保存密钥（{exc.strerror}），请设置 XXGK_SECRET_KEY。"
        ) from exc
    key = secrets.token_urlsafe(50)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key


def parse_database_url(url: str) -> dict[str, Any]:
    """Turn `sqlite:///relative.db`, `sqlite:////abs/path.db` or
    `postgresql://user:password@host:port/name?sslmode=require` into a Django DATABASES entry."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        return _sqlite(parts.path)
    if scheme in {"postgresql", "postgres"}:
        return _postgresql(url, parts)
    raise ConfigError(
        f"不支持的数据库地址「{_hide_password(url)}」：请使用 sqlite:///路径 或 postgresql://用户@主机:端口/数据库。"
    )


def _sqlite(url_path: str) -> dict[str, Any]:
    # urlsplit keeps the leading slash: "sqlite:///x.db" -> "/x.db" (relative), "sqlite:////x.db" -> "//x.db".
    name = unquote(url_path[1:]) if url_path.startswith("/") else unquote(url_path)
    if not name:
        raise ConfigError("SQLite 数据库地址缺少文件路径，例如 sqlite:///var/xxgk.sqlite3。")
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": name if name == ":memory:" else str(Path(name).expanduser()),
        "OPTIONS": {
            "init_command": SQLITE_INIT_COMMAND,
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


def _postgresql(url: str, parts: Any) -> dict[str, Any]:
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ConfigError(
            f"PostgreSQL 数据库地址「{_hide_password(url)}」缺少数据库名，例如 postgresql://postgres@127.0.0.1:5432/xxgk。"
        )
    try:
        port = parts.port
    except ValueError as exc:
        raise ConfigError(f"PostgreSQL 数据库地址「{_hide_password(url)}」中的端口号无效。") from exc
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": unquote(parts.hostname or ""),
        "PORT": str(port or ""),
        "OPTIONS": dict(parse_qsl(parts.query)),
        # A new PostgreSQL connection per request costs 4–60 ms here (docs/benchmarks.md, portal
        # search); keep each for a minute, checked before reuse.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def _hide_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return url.replace(f":{parts.password}@", ":***@", 1)


def cache_settings(environ: Any = os.environ) -> dict[str, Any]:
    """Django's CACHES: Redis when `XXGK_REDIS_URL` (or a Redis Celery broker URL) is set, so that
    rate limits and lockouts hold across gunicorn workers; else local memory (one process)."""
    broker = environ.get("XXGK_CELERY_BROKER_URL", "")
    url = environ.get("XXGK_REDIS_URL", "") or (
        broker if broker.startswith(("redis://", "rediss://")) else ""
    )
    if url:
        return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
