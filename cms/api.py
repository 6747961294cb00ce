"""Wagtail API v2: read-only pages, images and documents at /api/v2/.

Wagtail's endpoints with the parameter checks of cms.patches.api_parameters: every bad
parameter is a 400 with Wagtail's {"message": "..."}, never a 500 (README, "API")."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.patches.api_parameters import CheckedParametersMixin, CheckedSiteMixin, checked

# Page type names the API answered to before the model moved to another app: {old: new}.
# The app that has the model now adds its old name (funding/apps.py). Remove an entry once
# its clients have moved on to the new name.
TYPE_ALIASES: dict[str, str] = {}


def renamed_types(value: str) -> str:
    """?type=a.B,c.D with every old name replaced by its new one."""
    aliases = {old.lower(): new for old, new in TYPE_ALIASES.items()}
    return ",".join(aliases.get(name.strip().lower(), name) for name in value.split(","))


class RenamedTypesMixin:
    """A page type's old name in ?type= answers like its new one (the listing says the new
    name in meta.type)."""

    def initial(self, request, *args, **kwargs):
        value = request.GET.get("type")
        if value and renamed_types(value) != value:
            query = request._request.GET.copy()
            query["type"] = renamed_types(value)
            request._request.GET = query
        super().initial(request, *args, **kwargs)


class PagesEndpoint(RenamedTypesMixin, CheckedSiteMixin, CheckedParametersMixin,
                    PagesAPIViewSet):
    filter_backends = checked(PagesAPIViewSet.filter_backends)


class ImagesEndpoint(CheckedParametersMixin, ImagesAPIViewSet):
    filter_backends = checked(ImagesAPIViewSet.filter_backends)


class DocumentsEndpoint(CheckedParametersMixin, DocumentsAPIViewSet):
    filter_backends = checked(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
