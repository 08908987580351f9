"""URLs of the REST API (/api/)."""

app_name = "api"
urlpatterns: list = []
