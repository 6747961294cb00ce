"""The "My funding alerts" section on the learner's profile (cms.learners.profile_sections)."""

from cms.i18n import active_language

from .models import AlertSubscription
from .targets import programme_for_key, programme_in, search_path


def profile_context(request) -> dict:
    alerts = []
    for subscription in AlertSubscription.objects.filter(user=request.user).order_by("created"):
        programme = (programme_for_key(subscription.programme_key)
                     if subscription.programme_key else None)
        alerts.append({
            "subscription": subscription,
            "programme": programme and programme_in(programme, active_language()),
            "search_path": search_path(subscription.search_query)
            if subscription.search_query else ""})
    return {"alerts": alerts}
