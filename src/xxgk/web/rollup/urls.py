"""URLs of rollup (mounted at /staff/rollup/)."""

from django.urls import path

from xxgk.web.rollup import views

app_name = "rollup"
urlpatterns = [
    path("", views.index, name="index"),
    path("campaigns/<int:pk>/", views.board, name="board"),
    path("campaigns/<int:pk>/indicators/", views.dashboard, name="dashboard"),
    path("campaigns/<int:pk>/consolidate/", views.consolidate, name="consolidate"),
    path("campaigns/<int:pk>/notice/", views.notice, name="notice"),
    path("campaigns/<int:pk>/recheck/", views.recheck_all, name="recheck_all"),
    path("submissions/<int:pk>/", views.submission, name="submission"),
    path("submissions/<int:pk>/upload/", views.upload, name="upload"),
    path("submissions/<int:pk>/prepare/", views.prepare, name="prepare"),
    path("submissions/<int:pk>/draft/", views.draft, name="draft"),
    path("submissions/<int:pk>/move/", views.move, name="move"),
    path("submissions/<int:pk>/v<int:number>/<str:kind>/", views.version_file, name="version_file"),
    path("findings/<int:pk>/", views.finding, name="finding"),
    path("consolidated/<int:pk>/", views.consolidated_detail, name="consolidated"),
    path("consolidated/<int:pk>/<str:fmt>/", views.consolidated_download, name="consolidated_download"),
    path("notices/<int:pk>/", views.notice_download, name="notice_download"),
]
