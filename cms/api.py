"""Wagtail API v2: read-only pages, images and documents at /api/v2/.

Wagtail's endpoints with the parameter checks of cms.patches.api_parameters: every bad
parameter is a 400 with Wagtail's {"message": "..."}, never a 500 (README, "API")."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.patches.api_parameters import CheckedParametersMixin, CheckedSiteMixin, checked


class PagesEndpoint(CheckedSiteMixin, CheckedParametersMixin, PagesAPIViewSet):
    filter_backends = checked(PagesAPIViewSet.filter_backends)


class ImagesEndpoint(CheckedParametersMixin, ImagesAPIViewSet):
    filter_backends = checked(ImagesAPIViewSet.filter_backends)


class DocumentsEndpoint(CheckedParametersMixin, DocumentsAPIViewSet):
    filter_backends = checked(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
