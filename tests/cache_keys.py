"""The raw keys the configured cache holds, whatever its backend (local memory in the SQLite
run, Redis in the PostgreSQL run): for tests that check what a key reveals."""

from django.core.cache import cache


def raw_cache_keys() -> list[str]:
    store = cache._cache  # noqa: SLF001 - the backend's own store is what is checked
    if hasattr(store, "get_client"):  # Django's Redis backend
        client = store.get_client(None, write=False)
        return [key.decode() for key in client.keys(f"{cache.key_prefix}*")]
    return list(store.keys())
