"""Following, confirming and stopping alerts.

The follow forms sit on programme pages (and the finder's results) that the shared cache
serves to anonymous readers, so they carry no CSRF token; every POST must come from one of our
pages instead (cms.security.origin). The page behind the confirmation link asks before it
changes anything (a mail scanner that opens the link changes nothing) and carries a CSRF
token. The unsubscribe link's page asks too, but its POST needs no token and no origin: mail
programs send it themselves (RFC 8058, List-Unsubscribe-Post), and the signed link is the
proof.
"""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms.i18n import active_language
from cms.learners.views import signed_in
from cms.security.origin import same_site
from cms.views import method_not_allowed, render_error

from . import following
from .following import Refused
from .targets import programme_for_key, programme_in, search_path

MAX_QUERY = 1000


class FollowForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"), max_length=254,
                             error_messages={
                                 "required": gettext_lazy("Please give your e-mail address."),
                                 "invalid": gettext_lazy(
                                     "This is not an e-mail address. Please check it: it "
                                     "looks like name@example.org.")})


def _result(request, context, status=200):
    return render(request, "funding/alerts/result.html", context, status=status)


def _follow(request, target: dict, context: dict):
    user = request.user
    email = ""
    if not user.is_authenticated:
        form = FollowForm(request.POST)
        if not form.is_valid():
            return _result(request, {**context, "form": form}, status=400)
        email = form.cleaned_data["email"]
    try:
        outcome = following.follow(language=active_language(), request=request, email=email,
                                   user=user, **target)
    except Refused as refusal:
        return _result(request, {**context, "refusal": refusal.message}, status=refusal.status)
    done = {
        "followed": _("Done: we will write to you. You can stop your alerts on your profile."),
        "already": _("You follow this already. You can stop it on your profile."),
        "mail_sent": ngettext(
            "Almost done: please confirm by the link we have sent to your e-mail address. "
            "Without confirmation, we delete the address after %(days)s day.",
            "Almost done: please confirm by the link we have sent to your e-mail address. "
            "Without confirmation, we delete the address after %(days)s days.",
            following.UNCONFIRMED_DAYS) % {"days": following.UNCONFIRMED_DAYS},
    }[outcome]
    return _result(request, {**context, "done": done})


def _post_from_our_pages(request):
    if request.method != "POST":
        return method_not_allowed(request, ["POST"])
    if not same_site(request):
        return render_error(request, 403)
    return None


@csrf_exempt
def follow_programme(request, programme_key):
    if (refused := _post_from_our_pages(request)) is not None:
        return refused
    programme = programme_for_key(programme_key)
    if programme is None:
        return render_error(request, 404)
    return _follow(request, {"programme_key": programme.translation_key},
                   {"programme": programme_in(programme, active_language()),
                    "action": request.path})


@csrf_exempt
def follow_search(request):
    from funding.matching import answers_from_query, answers_to_query

    if (refused := _post_from_our_pages(request)) is not None:
        return refused
    raw = request.POST.get("query", "")
    answers, errors = answers_from_query(QueryDict(raw[:MAX_QUERY]))
    query = answers_to_query(answers)
    context = {"search_path": search_path(query), "answers_query": query, "action": request.path}
    if len(raw) > MAX_QUERY or errors:
        return _result(request, {**context, "refusal": _(
            "This search cannot be followed: %(problems)s Please correct it in the finder "
            "first.") % {"problems": " ".join(errors.values()) or _("it is too long.")}},
            status=400)
    if not query:
        return _result(request, {**context, "refusal": _(
            "Please answer at least one question of the finder first: then we know which "
            "programmes to tell you about.")}, status=400)
    return _follow(request, {"search_query": query}, context)


def _link_view(action, ask, done):
    def view(request, token):
        if request.method not in ("GET", "HEAD", "POST"):
            return method_not_allowed(request, ["GET", "POST"])
        try:
            if request.method == "POST":
                subscription = (following.confirm(token) if action == "confirm"
                                else following.unsubscribe(token))
                return _link_page(request, subscription, action, done=done())
            subscription = following.subscription_from_link(token, action)
        except Refused as refusal:
            return render(request, "funding/alerts/link.html",
                          {"refusal": refusal.message, "action": action},
                          status=refusal.status)
        return _link_page(request, subscription, action, ask=ask)

    return view


def _link_page(request, subscription, action, done=None, ask=None):
    programme = (programme_for_key(subscription.programme_key)
                 if subscription.programme_key else None)
    return render(request, "funding/alerts/link.html", {
        "action": action, "done": done, "ask": ask,
        "programme": programme and programme_in(programme, active_language()),
        "search_path": search_path(subscription.search_query)
        if subscription.search_query else ""})


confirm = _link_view("confirm", gettext_lazy("Confirm my alert"),
                     lambda: _("Thank you. Your alert is confirmed: we will write to you."))
unsubscribe = csrf_exempt(_link_view(
    "unsubscribe", gettext_lazy("Stop these e-mails"),
    lambda: _("Done: you get no more e-mails from this alert.")))


@signed_in
@require_POST
def stop(request, subscription_id):
    """A signed-in learner stops one of their alerts on their profile (a CSRF token there)."""
    try:
        following.stop_own(request.user, subscription_id)
    except Refused as refusal:
        return render_error(request, refusal.status)
    messages.success(request, _("Your alert is stopped."))
    return HttpResponseRedirect(reverse("account_profile") + "#alerts")
