from django.urls import path

from . import views

app_name = "learning"
urlpatterns = [
    path("mein-lernen/", views.my_learning, name="mine"),
    path("modul/<uuid:module_key>/beginnen/", views.enrol, name="enrol"),
    path("lektion/<uuid:lesson_key>/antwort/", views.answer, name="answer"),
    path("lektion/<uuid:lesson_key>/neuer-versuch/", views.retry, name="retry"),
    path("lektion/<uuid:lesson_key>/erledigt/", views.complete, name="complete"),
]
