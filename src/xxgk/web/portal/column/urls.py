"""Public URLs: column."""

urlpatterns: list = []
