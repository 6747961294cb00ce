"""Content-Security-Policy for every response (django-csp).

The public site runs no inline script or style and loads nothing from elsewhere, so its
policy is strict: even if some HTML got past the sanitiser (cms.sanitise), the browser would
not run it. Wagtail's admin still needs inline scripts and styles (wagtail/wagtail#1288); it
gets the same policy with exactly those directives replaced, and may frame itself for
previews.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class SitePolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.replace is None and request.path_info.startswith(
                settings.CSP_ADMIN_PREFIXES):
            parts.replace = settings.CSP_ADMIN_DIRECTIVES
        return parts
