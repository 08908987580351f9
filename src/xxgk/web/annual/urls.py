"""URLs of annual."""

app_name = "annual"
urlpatterns: list = []
