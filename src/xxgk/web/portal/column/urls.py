"""Public URLs of each agency's 政府信息公开 column (under /gk/)."""

from django.urls import path

from xxgk.web.portal.column import views

urlpatterns = [
    path("", views.column_index, name="column_index"),
    path("search/", views.search, name="column_search"),
    path("<int:org>/", views.column_home, name="column_home"),
    path("<int:org>/guide/", views.guide, name="column_guide"),
    path("<int:org>/rules/", views.rules, name="column_rules"),
    path("<int:org>/search/", views.search, name="column_org_search"),
    path("<int:org>/node/<int:node>/", views.node, name="column_node"),
    path("<int:org>/p/<int:pk>/", views.publication, name="publication"),
    path("<int:org>/p/<int:pk>/v/<int:number>/", views.publication, name="publication_revision"),
    path("<int:org>/p/<int:pk>/a/<int:attachment>/", views.attachment, name="attachment"),
    path(
        "<int:org>/p/<int:pk>/v/<int:number>/a/<int:attachment>/",
        views.attachment,
        name="attachment_revision",
    ),
    path("<int:org>/registry/", views.registry, name="column_registry"),
    path("<int:org>/registry/<int:pk>/", views.registry_document, name="registry_document"),
    path("<int:org>/registry/cleanup/<int:pk>/", views.cleanup, name="column_cleanup"),
    path("<int:org>/catalogue.<str:fmt>", views.catalogue_export, name="catalogue_export"),
]
