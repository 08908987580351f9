"""Every error is JSON with a code and a Chinese message; docs are served without any CDN."""

from __future__ import annotations

import re

from django.test import Client

from xxgk.web.demo import DemoContext


def test_invalid_parameters_name_the_field_in_chinese(api: Client, demo: DemoContext) -> None:
    response = api.get("/api/v1/agencies?limit=5000&ordering=nonsense")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid" and body["message"] == "请求参数不正确。"
    fields = {d["field"]: d["message"] for d in body["details"]}
    assert fields["limit"] == "不能大于 1000。"
    assert fields["ordering"].startswith("取值须为")


def test_unknown_api_path_is_a_json_404(api: Client, db: None) -> None:
    response = api.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "未找到该对象，或您无权查看。"}


def test_wrong_method_is_json(api: Client, db: None) -> None:
    response = api.post("/api/v1/agencies")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert response["Allow"] == "GET"


def test_docs_load_nothing_from_another_host(api: Client, db: None) -> None:
    page = api.get("/api/docs").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(url.startswith("/api/docs/assets/") for url in assets)
    for url in assets:
        assert api.get(url).status_code == 200
    init = b"".join(api.get("/api/docs/assets/swagger-ui-init.js").streaming_content).decode()
    assert "://" not in init
    assert '"validatorUrl": null' in page  # else swagger-ui fetches a badge from validator.swagger.io
    assert api.get("/api/docs/assets/..%2Fsettings.py").status_code == 404


def test_openapi_document_keeps_chinese(api: Client, db: None) -> None:
    response = api.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "机关列表" in response.content.decode()
