"""Learner-account forms: allauth's, made accessible (labels instead of placeholders, hints
and errors tied to their field with aria-describedby, autocomplete tokens), plus the profile,
the deletion form and the lockout message on the sign-in form."""

from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from cms.accounts.signin import learner_lockout_message

AUTOCOMPLETE = {"login": "email", "email": "email", "full_name": "name",
                "password": "current-password", "oldpassword": "current-password",
                "password1": "new-password", "password2": "new-password"}


class AccessibleFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            attrs = field.widget.attrs
            attrs.pop("placeholder", None)
            if name in AUTOCOMPLETE:
                attrs["autocomplete"] = AUTOCOMPLETE[name]
            if name in ("login", "email"):
                attrs["dir"] = "ltr"  # an address reads left to right in Arabic too
            if field.help_text:
                attrs["aria-describedby"] = f"id_{name}_hint"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                described = [attrs.get("aria-describedby", ""), f"id_{name}_error"]
                attrs["aria-describedby"] = " ".join(dict.fromkeys(filter(None, described)))
                attrs["aria-invalid"] = "true"


class LoginForm(AccessibleFormMixin, allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("E-mail address")
        self.fields["password"].help_text = ""  # the page links to the reset itself
        self.fields["password"].widget.attrs.pop("aria-describedby", None)
        self.fields["remember"].label = _("Stay signed in on this device")

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise forms.ValidationError(learner_lockout_message(),
                                            code="locked_out") from None
            raise


class SignupForm(AccessibleFormMixin, allauth_forms.SignupForm):
    full_name = forms.CharField(
        label=_("Full name"), max_length=200,
        help_text=_("As it should appear on your certificates."))

    field_order = ["full_name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)
        self.fields["email"].label = _("E-mail address")
        self.fields["email"].help_text = _("We send you a link to confirm it.")
        self.fields["email"].widget.attrs["aria-describedby"] = "id_email_hint"
        password = self.fields["password1"]
        password.help_text = password_validation.password_validators_help_text_html()
        self.fields["password1"].widget.attrs["aria-describedby"] = "id_password1_hint"


class ResetPasswordForm(AccessibleFormMixin, allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address")


class ResetPasswordKeyForm(AccessibleFormMixin, allauth_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(AccessibleFormMixin, allauth_forms.ChangePasswordForm):
    pass


class ProfileForm(AccessibleFormMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, required=False,
        help_text=_("As it should appear on your certificates."))
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES,
        help_text=_("We write to you in this language, and you start here after signing in."))

    def save(self, user):
        user.full_name = self.cleaned_data["full_name"].strip()
        user.preferred_language = self.cleaned_data["preferred_language"]
        user.save(update_fields=["full_name", "preferred_language"])


class DeleteAccountForm(AccessibleFormMixin, forms.Form):
    password = forms.CharField(label=_("Your password"), strip=False,
                               widget=forms.PasswordInput)

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password
