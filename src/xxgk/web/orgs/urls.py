"""URLs of the orgs pages."""

from django.urls import path

from xxgk.web.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("<int:pk>/", views.organisation_detail, name="detail"),
    path("<int:pk>/contact/", views.organisation_edit_contact, name="edit_contact"),
    path("<int:pk>/roles/grant/", views.grant_role, name="grant_role"),
    path("roles/<int:pk>/revoke/", views.revoke_role, name="revoke_role"),
]
