"""URLs of the staff UI shell."""

from django.urls import path

from xxgk.web.ui import views

app_name = "ui"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
]
