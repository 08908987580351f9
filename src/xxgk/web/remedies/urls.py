"""URLs of remedies."""

from django.urls import path

from xxgk.web.remedies import views

app_name = "remedies"
urlpatterns = [
    path("", views.remedy_list, name="list"),
    path("new/", views.remedy_new, name="new"),
    path("<int:pk>/", views.remedy_detail, name="detail"),
    path("<int:pk>/void/", views.remedy_void, name="void"),
]
