"""Public URLs: reports."""

urlpatterns: list = []
