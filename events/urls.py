from django.urls import path

from . import attendance, feeds, views

app_name = "events"
urlpatterns = [
    path("", feeds.listing, name="listing"),
    path("archiv/", feeds.archive, name="archive"),
    path("feed.ics", feeds.feed, name="feed"),
    path("meine/", feeds.mine, name="mine"),
    path("kalender/<str:token>.ics", feeds.personal_feed, name="personal_feed"),
    path("<uuid:event_key>.ics", feeds.event_ics, name="ics"),
    path("<uuid:event_key>/anmelden/", views.register, name="register"),
    path("<uuid:event_key>/abmelden/", views.unregister, name="unregister"),
    path("<uuid:event_key>/anwesenheit/", attendance.attendance, name="attendance"),
    path("<uuid:event_key>/anwesenheit.csv", attendance.attendance_csv, name="attendance_csv"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("platz/<str:token>/", views.offer, name="offer"),
    path("absagen/<str:token>/", views.cancel, name="cancel"),
]
