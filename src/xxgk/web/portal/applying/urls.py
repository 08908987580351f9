"""Public URLs of applying (mounted at /apply/)."""

from django.urls import path

from xxgk.web.portal.applying import views

app_name = "applying"
urlpatterns = [
    path("", views.apply, name="form"),
    path("submitted/", views.submitted, name="submitted"),
    path("track/", views.track, name="track"),
    path("track/letter/", views.reply_letter, name="letter"),
]
