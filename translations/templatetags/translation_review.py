from django import template
from wagtail.models import Page, WorkflowState

register = template.Library()


@register.inclusion_tag("translations/review_bar.html", takes_context=True)
def translation_review_bar(context):
    """The "Submit for review" form above wagtail-localize's editor, for pages the user may
    edit that have a review workflow (translations.review_view checks again)."""
    page, request = context.get("instance"), context.get("request")
    if not isinstance(page, Page) or request is None:
        return {}
    if not page.permissions_for_user(request.user).can_edit() or page.get_workflow() is None:
        return {}
    state = page.current_workflow_state
    return {"page": page, "show": True, "csrf_token": context.get("csrf_token"),
            "waiting": bool(state and state.status == WorkflowState.STATUS_IN_PROGRESS)}
