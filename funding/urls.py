"""The funding advice outside the page tree: the guided finder, the deadlines calendar and its
feed, alerts. Under /<lang>/foerderung/, beside the Fördermittel topic's pages."""

from django.urls import include, path

app_name = "funding"
urlpatterns = [
    path("benachrichtigung/", include("funding.alerts.urls")),  # alerts: funding/alerts/
]
