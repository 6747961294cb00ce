"""The contact form: its fields, and spam protection that needs no third party and no cookie.

- a honeypot field people never see (hidden by the stylesheet, so screen readers skip it too);
- a signed timestamp (django.core.signing) in the form: a form sent back within MIN_SECONDS
  of being shown, or after MAX_AGE, is refused with a message; the reader's text stays;
- at most RATE_LIMIT messages per client address and RATE_WINDOW, counted in the cache under
  a keyed hash of the address (never the address itself).
"""

import time
from urllib.parse import urlencode

from django import forms
from django.core import signing
from django.core.cache import cache
from django.core.validators import URLValidator
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from cms.accounts.client_ip import client_ip

SALT = "legal.contact"
MIN_SECONDS = 3  # people need longer to fill in the form; scripts do not
MAX_AGE = 4 * 3600  # seconds a form may stay open
RATE_LIMIT = 5
RATE_WINDOW = 3600  # seconds
MAX_PAGE = 500

TOPICS = [
    ("general", _("General question")),
    ("barrier", _("Report a barrier")),
    ("error", _("Content error")),
]
# Subjects of the mail to the site's operator, who reads German.
SUBJECTS = {"general": "Allgemeine Frage", "barrier": "Barriere gemeldet",
            "error": "Fehler im Inhalt"}


def contact_url(topic: str = "", page: str = "") -> str:
    """The contact form in the active language, with a topic and the page it is about."""
    query = urlencode({key: value for key, value in (("topic", topic), ("page", page))
                       if value})
    return reverse("contact") + (f"?{query}" if query else "")


def new_token() -> str:
    """The time the form was shown, in milliseconds (a whole number: a token of one length,
    so HEAD and GET answer with one Content-Length), signed."""
    return signing.dumps({"ms": int(time.time() * 1000)}, salt=SALT, compress=False)


def _page_address(value: str) -> bool:
    if value.startswith("/") and not value.startswith("//"):
        return not any(c.isspace() or ord(c) < 32 for c in value)
    try:
        URLValidator(schemes=["http", "https"])(value)
    except forms.ValidationError:
        return False
    return True


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name (optional)"), max_length=100, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Your e-mail address"), max_length=254,
        help_text=_("We need it to answer you. We use it for nothing else."),
        error_messages={"required": _("Please enter your e-mail address, so that we can "
                                      "answer you."),
                        "invalid": _("Please enter an e-mail address like name@example.org.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    topic = forms.ChoiceField(
        label=_("What is it about?"), choices=TOPICS, initial="general",
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose what your message is about."),
                        "invalid_choice": _("Please choose what your message is about.")})
    message = forms.CharField(
        label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Please write your message.")})
    page = forms.CharField(
        label=_("Address of the page it is about (optional)"), max_length=MAX_PAGE,
        required=False, help_text=_("For example /de/verein-gruenden/."),
        widget=forms.TextInput(attrs={"inputmode": "url", "dir": "ltr"}))
    # Spam protection: the honeypot (hidden; people leave it empty) and the signed time.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    token = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = ["name", "email", "topic", "message", "page"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_hint"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                described = [widget.attrs.get("aria-describedby", ""), f"id_{name}_error"]
                widget.attrs["aria-describedby"] = " ".join(filter(None, described))
                widget.attrs["aria-invalid"] = "true"

    def clean_page(self):
        value = self.cleaned_data["page"].strip()
        if value and not _page_address(value):
            raise forms.ValidationError(_("Please enter the address of a page, such as "
                                          "/de/verein-gruenden/, or leave the field empty."))
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Your message was not sent: the field “Leave this "
                                          "field empty” must stay empty."))
        try:
            issued = signing.loads(cleaned.get("token") or "", salt=SALT,
                                   max_age=MAX_AGE)["ms"] / 1000
        except signing.SignatureExpired:
            raise forms.ValidationError(_("The form was open for too long, so your message "
                                          "was not sent. Please send it again.")) from None
        except (signing.BadSignature, TypeError, KeyError):
            raise forms.ValidationError(_("Your message was not sent because the form was "
                                          "damaged. Please send it again.")) from None
        if time.time() - float(issued) < MIN_SECONDS:
            raise forms.ValidationError(_("Your message was not sent because the form came "
                                          "back too quickly. Please wait a few seconds and "
                                          "send it again."))
        return cleaned

    @staticmethod
    def initial_from(query) -> dict:
        """`?topic=` and `?page=` as links from pages give them; anything else is ignored."""
        initial = {"topic": "general"}
        if query.get("topic") in dict(TOPICS):
            initial["topic"] = query["topic"]
        page = (query.get("page") or "").strip()
        if page and len(page) <= MAX_PAGE and _page_address(page):
            initial["page"] = page
        return initial


# --- Rate limit ------------------------------------------------------------------------------


def _rate_key(request) -> str:
    address = client_ip(request) or "unknown"
    return "legal:contact:rate:" + salted_hmac(SALT, address).hexdigest()


RATE_LIMITED_MESSAGE = _("You have sent several messages in a short time, so this one was not "
                         "sent. Please try again in an hour.")


def rate_limited(request) -> bool:
    return (cache.get(_rate_key(request)) or 0) >= RATE_LIMIT


def count_message(request) -> None:
    key = _rate_key(request)
    if not cache.add(key, 1, RATE_WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired in between, or the cache is unreachable
            cache.add(key, 1, RATE_WINDOW)
