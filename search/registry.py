"""The search registry as search reads it (cms.searchable): filled at start-up from every
installed app's `search_types` module (SearchConfig.ready), so search imports no content app.

SEARCH_TYPES is the registry's own list: it always shows what is registered now.
"""

from django.utils.module_loading import autodiscover_modules

from cms.searchable import SearchType, registry

SEARCH_TYPES: list[SearchType] = registry.types


def autodiscover() -> None:
    autodiscover_modules("search_types")


def search_type(key: str) -> SearchType | None:
    return registry.type(key)


def type_for_model(model) -> SearchType | None:
    return registry.type_for_model(model)
