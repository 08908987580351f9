"""The organisation tree: materialised paths, moves and cycles."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from xxgk.web.demo import DemoContext
from xxgk.web.orgs.models import Organisation


def test_paths_follow_the_parents(demo: DemoContext) -> None:
    city, yzq, cihua = demo.orgs["city"], demo.orgs["yzq"], demo.orgs["cihua"]
    cihua.refresh_from_db()
    assert cihua.path == f"/{city.pk}/{yzq.pk}/{cihua.pk}/"
    assert cihua.depth == 3
    assert set(Organisation.objects.subtree_of(yzq)) == {yzq, cihua, demo.orgs["lingquan"]}


def test_moving_an_organisation_moves_its_subtree(demo: DemoContext) -> None:
    yzq = demo.orgs["yzq"]
    yzq.parent = demo.orgs["office"]
    yzq.save()
    cihua = Organisation.objects.get(pk=demo.orgs["cihua"].pk)
    assert cihua.path.startswith(demo.orgs["office"].path + f"{yzq.pk}/")
    assert set(Organisation.objects.subtree_of(demo.orgs["office"])) >= {yzq, cihua}


def test_an_organisation_cannot_be_placed_under_its_own_subtree(demo: DemoContext) -> None:
    yzq = demo.orgs["yzq"]
    yzq.parent = demo.orgs["cihua"]
    with pytest.raises(ValidationError, match="上级机关不能是本机关或其下级机关"):
        yzq.full_clean()
    with pytest.raises(ValidationError):
        yzq.save()


def test_an_invalid_credit_code_fails_model_validation(demo: DemoContext) -> None:
    org = demo.orgs["jyj"]
    org.credit_code = org.credit_code[:-1] + ("0" if org.credit_code[-1] != "0" else "1")
    with pytest.raises(ValidationError, match="校验位错误"):
        org.full_clean()
