"""Public URLs: applying."""

urlpatterns: list = []
