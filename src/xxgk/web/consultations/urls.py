"""URLs of the staff pages of consultations (mounted at /staff/consultations/)."""

from django.urls import path

from xxgk.web.consultations import views

app_name = "consultations"
urlpatterns = [
    path("", views.question_list, name="list"),
    path("new/", views.log_question, name="log"),
    path("period/", views.answer_period, name="period"),
    path("<int:pk>/", views.question_detail, name="detail"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/convert/", views.convert, name="convert"),
    path("<int:pk>/faq/", views.propose_faq, name="faq"),
]
