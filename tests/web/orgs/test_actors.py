"""The actor of a write: which user row is stored as its author, and who must be a signed-in user."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from xxgk.web.orgs.actors import acting_user, signed_in
from xxgk.web.orgs.errors import NotVisible
from xxgk.web.orgs.models import User


def test_a_signed_in_user_is_stored_as_author() -> None:
    user = User(username="clerk")
    assert acting_user(user) is user
    assert signed_in(user) is user


@pytest.mark.parametrize("actor", [None, AnonymousUser()], ids=["system", "visitor"])
def test_the_system_and_a_visitor_store_no_author(actor: AnonymousUser | None) -> None:
    assert acting_user(actor) is None


@pytest.mark.parametrize("actor", [None, AnonymousUser()], ids=["system", "visitor"])
def test_a_write_that_needs_a_user_refuses_the_system_and_a_visitor(actor: AnonymousUser | None) -> None:
    with pytest.raises(NotVisible):
        signed_in(actor)
