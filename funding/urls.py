"""The funding advice outside the page tree: the guided finder, the deadlines calendar and its
feed, alerts. Under /<lang>/foerderung/, beside the Fördermittel topic's pages."""

from django.urls import include, path

from . import deadline_views, guided

app_name = "funding"
urlpatterns = [
    path("finden/", guided.guided, name="guided"),
    path("fristen/", deadline_views.deadlines, name="deadlines"),
    path("fristen/archiv/", deadline_views.archive, name="archive"),
    path("fristen.ics", deadline_views.feed, name="feed"),
    path("benachrichtigung/", include("funding.alerts.urls")),  # alerts: funding/alerts/
]
