"""Registering, confirming and cancelling.

The registration form sits on event pages that the shared cache serves to anonymous readers,
so it carries no CSRF token; every POST must come from one of our pages instead
(cms.security.origin) and the session cookie is SameSite=Lax. The pages behind the mailed
links ask before they change anything (a mail scanner that opens a link changes nothing) and
are personal, so their forms carry a CSRF token.
"""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from cms.i18n import active_language, locale_for_language
from cms.security.origin import same_site
from cms.views import method_not_allowed, render_error

from . import registration as service
from .models import EventPage


class GuestForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"))


def reader_event(event_key) -> EventPage | None:
    """The live event in the reader's language, else the German one."""
    pages = {p.locale.language_code: p for p in EventPage.objects.live().public()
             .filter(translation_key=event_key).select_related("locale")}
    return pages.get(active_language()) or pages.get("de")


@csrf_exempt
def register(request, event_key):
    if request.method != "POST":
        return method_not_allowed(request, ["POST"])
    if not same_site(request):
        return render_error(request, 403)
    page = reader_event(event_key)
    if page is None:
        return render_error(request, 404)
    event = service.event_for_key(event_key)
    try:
        if request.user.is_authenticated:
            done = service.register_user(event, request.user, active_language())
            if done.status == "confirmed":
                messages.success(request, _("You are registered. We have sent you an e-mail."))
            else:
                messages.success(request, _(
                    "The event is full. You are number %(position)s on the waiting list.")
                    % {"position": done.position})
        else:
            form = GuestForm(request.POST)
            if not form.is_valid():
                raise service.Refused(_("Please give your name and a valid e-mail address."))
            service.register_guest(event, form.cleaned_data["name"],
                                   form.cleaned_data["email"], active_language())
            messages.success(request, _("Almost done: please confirm your registration by the "
                                        "link we have sent to your e-mail address."))
    except service.Refused as refusal:
        messages.error(request, refusal.message)
    return HttpResponseRedirect((page.url or "/") + "#registration")


def _link_view(action, ask, done):
    def view(request, token):
        if request.method not in ("GET", "HEAD", "POST"):
            return method_not_allowed(request, ["GET", "POST"])
        try:
            if request.method == "POST":
                registration = (service.cancel(token) if action == "cancel"
                                else service.confirm(token, action))
                return _link_page(request, registration, done(registration))
            registration = service.registration_from_link(token, action)
        except service.Refused as refusal:
            return render(request, "events/link.html", {"refusal": refusal.message},
                          status=refusal.status)
        return _link_page(request, registration, None, ask=ask)

    return view


def _link_page(request, registration, message, ask=None):
    event = service.event_for_key(registration.event_key)
    page = None
    if event is not None:
        page = event.get_translation_or_none(locale_for_language(active_language())) or event
    return render(request, "events/link.html", {
        "registration": registration, "event": page, "done": message, "ask": ask})


def _status_message(registration):
    if registration.status == "confirmed":
        return _("Thank you. Your seat is confirmed.")
    return _("Thank you. The event is full: you are number %(position)s on the waiting "
             "list. If a seat becomes free, we will write to you.") % {
        "position": registration.position}


confirm = _link_view("confirm", gettext_lazy("Confirm my registration"), _status_message)
offer = _link_view("offer", gettext_lazy("Yes, I take the seat"), _status_message)
cancel = _link_view("cancel", gettext_lazy("Cancel my registration"),
                    lambda registration: _("Your registration is cancelled."))


@csrf_exempt
def unregister(request, event_key):
    """A signed-in learner cancels from the event page."""
    if request.method != "POST":
        return method_not_allowed(request, ["POST"])
    if not same_site(request):
        return render_error(request, 403)
    page = reader_event(event_key)
    if page is None:
        return render_error(request, 404)
    if not request.user.is_authenticated:
        return render_error(request, 403)
    try:
        service.cancel_own(request.user, event_key)
        messages.success(request, _("Your registration is cancelled."))
    except service.Refused as refusal:
        messages.error(request, refusal.message)
    return HttpResponseRedirect((page.url or "/") + "#registration")
