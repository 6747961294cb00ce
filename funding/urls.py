"""The funding advice outside the page tree: the guided finder, the deadlines calendar and its
feed, alerts. Under /<lang>/foerderung/, beside the Fördermittel topic's pages."""

from django.urls import path  # noqa: F401 (the views come with their issues' parts)

app_name = "funding"
urlpatterns = [
]
