"""The exact answers Wagtail's admin gives when it refuses, for tests that must tell them apart
(``status_code in (302, 403)`` also passes on a login redirect, which is what a broken
login in the test would give).

- A logged-in user who may use the admin but not this view or action gets a redirect to the
  dashboard with the error message of wagtail.admin.auth.permission_denied.
- A logged-in user who may not use the admin at all gets a redirect to the admin's login page
  with its own message (wagtail.admin.auth.require_admin_access).
"""

# Wagtail's messages as the admin shows them (German, the site's language).
PERMISSION_DENIED = "Sie haben leider keinen Zugang zu diesem Bereich."
NO_ADMIN_ACCESS = "Sie haben nicht die nötige Berechtigung das Admin-Interface aufzurufen."


def messages_of(response) -> list[str]:
    """The messages this request added (earlier ones wait in the session until shown)."""
    storage = response.wsgi_request._messages
    return [str(message).strip() for message in storage._queued_messages]


def assert_permission_denied(response):
    """Refused inside the admin: to the dashboard, with the permission message."""
    answer = (response.status_code, response.get("Location"), messages_of(response))
    assert answer == (302, "/admin/", [PERMISSION_DENIED]), answer


def assert_no_admin_access(response, path):
    """Not an admin user at all: to the admin's login page, with the message that says so."""
    answer = (response.status_code, response.get("Location"), messages_of(response))
    assert answer == (302, f"/admin/login/?next={path}", [NO_ADMIN_ACCESS]), answer
