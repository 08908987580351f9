"""URLs of publishing (staff, under /staff/publishing/)."""

from django.urls import path

from xxgk.web.publishing import views

app_name = "publishing"
urlpatterns = [
    path("", views.work_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/wechat/", views.wechat, name="wechat"),
    path("<int:pk>/do/<str:name>/", views.transition, name="transition"),
    path("registry/", views.registry_list, name="registry"),
    path("registry/new/", views.registry_create, name="registry_create"),
    path("registry/<int:pk>/validity/", views.registry_validity, name="registry_validity"),
    path("registry/cleanup/", views.registry_cleanup, name="registry_cleanup"),
    path("catalogue/", views.catalogue_page, name="catalogue"),
    path("catalogue/seed/", views.catalogue_seed, name="catalogue_seed"),
    path("catalogue/import/", views.catalogue_import, name="catalogue_import"),
    path("catalogue/export.xlsx", views.catalogue_export, name="catalogue_export"),
    path("transfer/<int:year>.zip", views.transfer, name="transfer"),
    path("scan/", views.scan_page, name="scan"),
]
