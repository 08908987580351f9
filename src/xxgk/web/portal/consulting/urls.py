"""Public URLs of consulting (mounted at /ask/)."""

from django.urls import path

from xxgk.web.portal.consulting import views

app_name = "consulting"
urlpatterns = [
    path("", views.ask, name="form"),
    path("submitted/", views.submitted, name="submitted"),
    path("track/", views.track, name="track"),
]
