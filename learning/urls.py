from django.urls import path

from . import certificate_views, dashboard, views

app_name = "learning"
urlpatterns = [
    path("mein-lernen/", views.my_learning, name="mine"),
    path("organisation/<int:organisation_id>/", dashboard.organisation_progress,
         name="organisation"),
    path("modul/<uuid:module_key>/beginnen/", views.enrol, name="enrol"),
    path("lektion/<uuid:lesson_key>/antwort/", views.answer, name="answer"),
    path("lektion/<uuid:lesson_key>/neuer-versuch/", views.retry, name="retry"),
    path("lektion/<uuid:lesson_key>/erledigt/", views.complete, name="complete"),
    path("zertifikat/", certificate_views.lookup, name="certificate_lookup"),
    path("zertifikat/<str:code>/", certificate_views.verify, name="certificate"),
    path("zertifikat/<str:code>/pdf/", certificate_views.download, name="certificate_pdf"),
]
