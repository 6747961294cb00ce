"""Caching public pages: the policy (what may be shared), Django's page cache for the embedded
default, and invalidation of that cache and of the caching proxy (Varnish in production,
through wagtail.contrib.frontend_cache) when content changes."""
