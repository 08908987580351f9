"""URLs of the staff pages of applications (mounted at /staff/applications/)."""

from django.urls import path

from xxgk.web.applications import views

app_name = "applications"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("export.xlsx", views.export_xlsx, name="export"),
    path("new/", views.register, name="register"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/do/<slug:name>/", views.do_transition, name="transition"),
    path("letters/<int:pk>/", views.letter_download, name="letter"),
    path("letters/<int:pk>/edit/", views.letter_edit, name="letter_edit"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
]
