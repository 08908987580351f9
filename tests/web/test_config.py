"""Reading the XXGK_* environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk.web.config import ConfigError, env_bool, env_list, parse_database_url, secret_key


def test_sqlite_url_with_three_slashes_is_relative() -> None:
    db = parse_database_url("sqlite:///var/xxgk.sqlite3")
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == "var/xxgk.sqlite3"


def test_sqlite_url_with_four_slashes_is_absolute_and_uses_wal_and_immediate_transactions() -> None:
    db = parse_database_url("sqlite:////srv/xxgk/db.sqlite3")
    assert db["NAME"] == "/srv/xxgk/db.sqlite3"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgresql_url_is_split_into_its_parts() -> None:
    db = parse_database_url("postgresql://xxgk:p%40ss@db.example:5433/xxgk?sslmode=require")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "xxgk",
        "p@ss",
        "db.example",
        "5433",
        "xxgk",
    )
    assert db["OPTIONS"] == {"sslmode": "require"}
    assert db["CONN_MAX_AGE"] > 0 and db["CONN_HEALTH_CHECKS"]  # persistent, checked connections


def test_postgresql_url_without_password_or_port() -> None:
    db = parse_database_url("postgres://postgres@127.0.0.1/xxgk")
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == ("postgres", "", "127.0.0.1", "")


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("mysql://root@localhost/x", "不支持的数据库地址"),
        ("postgresql://u@h:5432/", "缺少数据库名"),
        ("postgresql://u@h:port/x", "端口号无效"),
        ("sqlite://", "缺少文件路径"),
    ],
)
def test_bad_database_urls_get_a_chinese_message(url: str, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment):
        parse_database_url(url)


def test_password_is_hidden_in_error_messages() -> None:
    with pytest.raises(ConfigError) as info:
        parse_database_url("mysql://root:secret@localhost/x")
    assert "secret" not in str(info.value)


def test_flags_and_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XXGK_DEBUG", "Yes")
    monkeypatch.setenv("XXGK_ALLOWED_HOSTS", " a.gov.cn, ,b.gov.cn ")
    assert env_bool("XXGK_DEBUG") is True
    assert env_list("XXGK_ALLOWED_HOSTS", []) == ["a.gov.cn", "b.gov.cn"]
    monkeypatch.setenv("XXGK_DEBUG", "maybe")
    with pytest.raises(ConfigError, match="无法识别"):
        env_bool("XXGK_DEBUG")


def test_secret_key_is_generated_once_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XXGK_SECRET_KEY", raising=False)
    first = secret_key(tmp_path / "data")
    assert len(first) > 40
    assert secret_key(tmp_path / "data") == first
    monkeypatch.setenv("XXGK_SECRET_KEY", "from-env")
    assert secret_key(tmp_path / "data") == "from-env"


def test_cache_is_redis_when_configured_else_local_memory() -> None:
    from xxgk.web.config import cache_settings

    redis = "django.core.cache.backends.redis.RedisCache"
    assert cache_settings({})["default"]["BACKEND"].endswith("LocMemCache")
    assert cache_settings({"XXGK_REDIS_URL": "redis://h:6379/1"})["default"] == {
        "BACKEND": redis,
        "LOCATION": "redis://h:6379/1",
    }
    assert (
        cache_settings({"XXGK_CELERY_BROKER_URL": "redis://b:6379/0"})["default"]["LOCATION"]
        == "redis://b:6379/0"
    )
    assert cache_settings({"XXGK_CELERY_BROKER_URL": "memory://localhost"})["default"]["BACKEND"].endswith(
        "LocMemCache"
    )


def test_redis_cache_counts_across_clients() -> None:
    """Two cache connections (as two workers) see one counter in the real Redis."""
    from django.core.cache.backends.redis import RedisCache

    first, second = (RedisCache("redis://127.0.0.1:6379/15", {}) for _ in range(2))
    first.set("xxgk-test-counter", 0, timeout=10)
    first.incr("xxgk-test-counter")
    assert second.incr("xxgk-test-counter") == 2
    first.delete("xxgk-test-counter")
