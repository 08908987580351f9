"""URLs of remedies."""

app_name = "remedies"
urlpatterns: list = []
