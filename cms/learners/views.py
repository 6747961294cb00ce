"""The learner's own pages: profile (name, language, organisations), their data as JSON,
and deleting the account. Never shared-cached: none of them calls allow_sharing, and a
signed-in reader's answers are private anyway (cms.caching.policy)."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cms.accounts import personal_data
from cms.models import Membership

from .forms import DeleteAccountForm, ProfileForm
from .profile_sections import sections_for

signed_in = login_required(login_url="account_login")


@signed_in
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            form.save(user)
            messages.success(request, _("Your profile is saved."))
            return redirect("account_profile")
        status = 400
    else:
        form = ProfileForm(initial={"full_name": user.full_name,
                                    "preferred_language": user.preferred_language})
        status = 200
    memberships = (Membership.objects.filter(user=user).select_related("organisation")
                   .order_by("organisation__name"))
    return render(request, "account/profile.html",
                  {"form": form, "memberships": memberships,
                   "profile_sections": sections_for(request)}, status=status)


@signed_in
def email_overview(request):
    """allauth's name for its address page ('account_email'): one address here, shown on
    the profile."""
    return redirect("account_profile")


@signed_in
@require_POST
def export_data(request):
    """Everything registered in cms.accounts.personal_data, as a JSON download. POST, so
    that no link or prefetch can start it and the file never lands in a cache."""
    body = personal_data.export_json(request.user)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"wegweiser-daten-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@signed_in
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request):
    user = request.user
    form = DeleteAccountForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        logout(request)  # this session first; the eraser removes every other one
        personal_data.delete_account(user)
        return render(request, "account/deleted.html")
    status = 400 if request.method == "POST" else 200
    return render(request, "account/delete.html", {"form": form}, status=status)
