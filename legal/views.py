"""The contact form under the reader's language prefix: /<lang>/kontakt/, then a thank-you
page (POST/redirect/GET). Neither sets a cookie."""

from http import HTTPMethod

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt

from cms.caching.policy import allow_sharing
from cms.i18n import active_language
from cms.outbox.dispatch import send_after_commit
from cms.views import method_not_allowed, permission_denied, read_only

from . import contact as spam
from .contact import ContactForm, new_token
from .footer import footer_links
from .tasks import send_contact_message

FORM_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.POST]


# No CSRF cookie: Django's CSRF protection would set `csrftoken` on every reader who opens the
# form. It protects actions taken with someone's sign-in; this form acts for no account, so a
# forged post gains an attacker nothing they could not send themselves. What stays: the signed
# timestamp (a form must come from our page, 3 s to 4 h old) and the Origin check below.
@csrf_exempt
def contact(request):
    if request.method not in FORM_METHODS:
        return method_not_allowed(request, [str(m) for m in FORM_METHODS])
    status = 200
    if request.method == HTTPMethod.POST:
        if not _same_origin(request):
            return permission_denied(request)
        form = ContactForm(request.POST)
        if form.is_valid():
            if not spam.rate_limited(request):
                spam.count_message(request)
                _send(form.cleaned_data)
                return redirect("contact_thanks")
            form.add_error(None, spam.RATE_LIMITED_MESSAGE)
            status = 429
        else:
            status = 400
    else:
        form = ContactForm(initial=ContactForm.initial_from(request.GET))
    privacy = [link.url for link in footer_links(active_language()) if link.kind == "privacy"]
    return render(request, "legal/contact.html",
                  {"form": form, "token": new_token(), "privacy_url": privacy[0] if privacy
                   else ""}, status=status)


@read_only
def thanks(request):
    allow_sharing(request)  # the same page for every reader
    return render(request, "legal/contact_thanks.html")


def _send(data) -> None:
    fields = {key: data[key] for key in ("name", "email", "topic", "message", "page")}
    fields["language"] = active_language()
    with transaction.atomic():
        send_after_commit(send_contact_message, fields)


def _same_origin(request) -> bool:
    """A browser names the site a form was sent from; it must be this one. Without the header
    (old browsers, other clients) the signed timestamp alone decides."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return True
    own = f"{request.scheme}://{request.get_host()}"
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS
