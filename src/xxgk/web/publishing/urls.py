"""URLs of publishing."""

app_name = "publishing"
urlpatterns: list = []
