from django.urls import path

from xxgk.web.calendar import views

app_name = "workcalendar"

urlpatterns = [
    path("", views.calendar_page, name="calendar"),
    path("change/", views.calendar_change, name="calendar_change"),
]
