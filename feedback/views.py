"""The address the feedback form posts to: /<lang>/_feedback/<page id>/.

POST only (GET and HEAD get the site's 405 page with Allow: POST). The answer is a 303
back to the page (?feedback=thanks|no|already#feedback), which then shows the matching
message in the reader's language; anything we cannot count is a 400 page in that language.

csrf_exempt: the CSRF token would set a cookie and make every guide unshareable by the
caches (README: Caching). What CSRF protects against — acting for a signed-in account — does
not apply: an answer acts for nobody and changes only an anonymous counter. Forged answers
from other sites are refused by the Origin/Referer check, repeated ones by the per-address
limit (feedback/guard.py).
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from cms.i18n import active_language
from cms.security.origin import same_site
from cms.views import method_not_allowed, render_error

from . import guard
from .models import PAGE_TYPES, FeedbackNote, PageFeedback
from .privacy import clean_note

ANSWERS = {"yes": True, "no": False}


class Refused(Exception):
    pass


@csrf_exempt
def answer(request, page_id):
    if request.method != "POST":
        return method_not_allowed(request, ["POST"])
    if not same_site(request):
        return render_error(request, 403)
    language = active_language()
    try:
        page = _page(page_id, language)
        kind, value = _read(request.POST)
    except Refused:
        return _bad_request(request)
    if not guard.first_today(request, page.pk, kind):
        return _back(request, page, "already")
    if kind == "vote":
        PageFeedback.record(page.pk, language, value)
        return _back(request, page, "thanks" if value else "no")
    if value:
        FeedbackNote.objects.create(page_id=page.pk, language=language, text=value)
    return _back(request, page, "thanks")


def _page(page_id, language):
    """The live, public guide or funding programme the reader can have read under this
    language's prefix (its own language, or German shown as a fallback)."""
    page = (Page.objects.live().filter(pk=page_id)
            .select_related("locale", "content_type").first())
    if page is None:
        raise Refused
    content_type = f"{page.content_type.app_label}.{page.content_type.model}"
    if content_type not in PAGE_TYPES:
        raise Refused
    if page.locale.language_code not in (language, settings.LANGUAGE_CODE):
        raise Refused
    if page.get_view_restrictions().exists():
        raise Refused
    return page


def _read(data):
    """("vote", True|False) or ("note", cleaned text); Refused for anything else."""
    if "helpful" in data:
        if data["helpful"] not in ANSWERS or "missing" in data:
            raise Refused
        return "vote", ANSWERS[data["helpful"]]
    if "missing" in data:
        return "note", clean_note(data["missing"])
    raise Refused


def _back(request, page, state):
    """Back to the page as the reader opened it (their prefix, also for a German page read
    as a fallback), with the message to show."""
    path = page.specific_deferred.get_url(request)
    language = active_language()
    if path and not path.startswith(f"/{language}/"):
        path = f"/{language}/" + path.split("/", 2)[2]
    return HttpResponseRedirect(f"{path}?feedback={state}#feedback", status=303)


def _bad_request(request):
    return render(request, "error.html", {
        "heading": _("We could not count this answer"),
        "message": _("The page or the answer was not recognised. Please go back to the page "
                     "and use its buttons."),
    }, status=400)

