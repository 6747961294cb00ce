"""/<lang>/foerderung/benachrichtigung/… (included by funding/urls.py, in its namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("programm/<uuid:programme_key>/", views.follow_programme,
         name="alert_follow_programme"),
    path("suche/", views.follow_search, name="alert_follow_search"),
    path("bestaetigen/<str:token>/", views.confirm, name="alert_confirm"),
    path("abbestellen/<str:token>/", views.unsubscribe, name="alert_unsubscribe"),
    path("<int:subscription_id>/beenden/", views.stop, name="alert_stop"),
]
