"""Joining an organisation through an invitation link, and managing its members.

Only an organisation's coordinators see and manage its members and links; for anyone else
the page does not exist (404), so organisations stay isolated and their ids reveal nothing.
A member sees their own membership, switches progress sharing on or off and can leave.
The first coordinator is named by staff: `manage.py make_coordinator`.
"""

from django.contrib import messages
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.i18n import active_language, locale_for_language
from cms.models import Invitation, Membership

from .views import signed_in

METHODS = ["GET", "HEAD", "POST"]


def organisation_name(organisation) -> str:
    """The organisation's name in the reader's language where translated."""
    translated = organisation.get_translation_or_none(locale_for_language(active_language()))
    return (translated or organisation).name


def invitation_state(invitation) -> str:
    if invitation is None:
        return "unknown"
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.expires_at <= timezone.now():
        return "expired"
    if invitation.used_count >= invitation.max_uses:
        return "used"
    return "usable"


@require_http_methods(METHODS)
def invitation(request, token):
    found = Invitation.find(token)
    state = invitation_state(found)
    if state != "usable":
        # The same page, in the reader's language, for every link that cannot be used.
        return render(request, "account/invitation_invalid.html", {"state": state},
                      status=404 if state == "unknown" else 410)
    organisation = found.organisation
    context = {"organisation_name": organisation_name(organisation), "token": token}
    if not request.user.is_authenticated:
        return render(request, "account/invitation.html", context)
    existing = Membership.objects.filter(user=request.user, organisation=organisation).first()
    if existing is not None:
        messages.info(request, _("You are already a member of this organisation."))
        return redirect("membership_detail", membership_id=existing.pk)
    if request.method != "POST":
        return render(request, "account/invitation.html", context)
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=found.pk)
        if not locked.is_usable():
            return render(request, "account/invitation_invalid.html",
                          {"state": invitation_state(locked)}, status=410)
        membership, created = Membership.objects.get_or_create(
            user=request.user, organisation=organisation)
        if created:
            Invitation.objects.filter(pk=locked.pk).update(used_count=F("used_count") + 1)
    messages.success(request, _("You have joined %(name)s.")
                     % {"name": context["organisation_name"]})
    return redirect("membership_detail", membership_id=membership.pk)


@signed_in
@require_http_methods(METHODS)
def my_membership(request, membership_id):
    membership = get_object_or_404(Membership.objects.select_related("organisation"),
                                   pk=membership_id, user=request.user)
    name = organisation_name(membership.organisation)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "leave":
            membership.delete()
            messages.success(request, _("You have left %(name)s.") % {"name": name})
            return redirect("account_profile")
        if action == "share":
            membership.shares_progress = request.POST.get("shares_progress") == "on"
            membership.save(update_fields=["shares_progress"])
            messages.success(request, _("Your choice is saved."))
            return redirect("membership_detail", membership_id=membership.pk)
        return render(request, "account/membership.html",
                      {"membership": membership, "organisation_name": name}, status=400)
    return render(request, "account/membership.html",
                  {"membership": membership, "organisation_name": name})


def coordinated_organisation(user, organisation_id):
    membership = Membership.objects.select_related("organisation").filter(
        user=user, organisation_id=organisation_id, role=Membership.Role.COORDINATOR).first()
    if membership is None:
        raise Http404
    return membership.organisation


@signed_in
@require_http_methods(METHODS)
def members(request, organisation_id):
    organisation = coordinated_organisation(request.user, organisation_id)
    new_link = None
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            _invitation, token = Invitation.create_for(organisation, request.user)
            new_link = request.build_absolute_uri(
                reverse("membership_invitation", args=[token]))
        elif action == "revoke":
            revoked = Invitation.objects.filter(
                organisation=organisation, pk=_int(request.POST.get("invitation")),
                revoked_at__isnull=True).update(revoked_at=timezone.now())
            if not revoked:
                raise Http404
            messages.success(request, _("The invitation link no longer works."))
            return redirect("membership_members", organisation_id=organisation.pk)
        elif action == "remove":
            removed, _detail = Membership.objects.filter(
                organisation=organisation, pk=_int(request.POST.get("membership")),
                role=Membership.Role.MEMBER).delete()
            if not removed:
                raise Http404
            messages.success(request, _("The member has been removed."))
            return redirect("membership_members", organisation_id=organisation.pk)
        else:
            status = 400
    context = {
        "organisation": organisation,
        "organisation_name": organisation_name(organisation),
        "members": Membership.objects.filter(organisation=organisation)
        .select_related("user").order_by("role", "user__full_name", "user__email"),
        "invitations": Invitation.objects.usable().filter(organisation=organisation),
        "new_link": new_link,
    }
    return render(request, "account/members.html", context, status=status)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
