"""The "Submit for review" button of the translation editor (POST only, CSRF-checked by
Django's middleware). Whoever may edit the translated page may submit it: partner translators
for their languages in their section (Wagtail page permissions on that language's tree),
central staff everywhere."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .review import ReviewError, submit_for_review, translation_of


@require_POST
def submit_translation_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    translation = translation_of(page)
    if translation is None:
        raise Http404  # not a translation made in wagtail-localize's editor
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    edit_url = redirect("wagtailadmin_pages:edit", page.pk)
    try:
        submit_for_review(page, translation, request.user)
    except ReviewError as error:
        messages.error(request, str(error))
        return edit_url
    except ValidationError as error:  # e.g. a translated text longer than its field allows
        messages.error(request, _("The translation could not be saved: %(errors)s") % {
            "errors": " ".join(error.messages)})
        return edit_url
    messages.success(request, _("The %(language)s translation of “%(title)s” was submitted "
                                "for review. It goes live when the review approves it.") % {
        "language": translation.target_locale.get_display_name(),
        "title": page.get_admin_display_title()})
    return edit_url
