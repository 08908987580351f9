"""URLs of applications."""

app_name = "applications"
urlpatterns: list = []
