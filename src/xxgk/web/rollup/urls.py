"""URLs of rollup."""

app_name = "rollup"
urlpatterns: list = []
