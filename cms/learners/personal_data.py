"""What cms keeps about a learner, registered with cms.accounts.personal_data (called from
CmsConfig.ready())."""

import json

from cms.accounts import personal_data


def _export_memberships(user) -> list[dict]:
    from cms.models import Membership

    return [{"organisation": m.organisation.name, "role": m.role,
             "shares_progress": m.shares_progress, "joined_at": m.joined_at}
            for m in Membership.objects.filter(user=user).select_related("organisation")]


def _erase_memberships(user) -> None:
    from cms.models import Membership

    Membership.objects.filter(user=user).delete()


def _export_invitations(user) -> list[dict]:
    from cms.models import Invitation

    return [{"organisation": i.organisation.name, "created_at": i.created_at,
             "expires_at": i.expires_at, "used_count": i.used_count,
             "revoked_at": i.revoked_at}
            for i in Invitation.objects.filter(created_by=user).select_related("organisation")]


def _erase_invitations(user) -> None:
    """The organisation's links stay (others may be using them); who made them is forgotten."""
    from cms.models import Invitation

    Invitation.objects.filter(created_by=user).update(created_by=None)


def _erase_queued_mail(user) -> None:
    """Tasks still waiting in the outbox that carry one of this person's addresses as a
    value (the mails to them; a contact message they sent)."""
    from allauth.account.models import EmailAddress

    from cms.outbox.models import PendingTask

    addresses = {user.email.lower(), *(a.lower() for a in EmailAddress.objects.filter(
        user=user).values_list("email", flat=True))} - {""}
    if not addresses:
        return
    doomed = [task.pk for task in PendingTask.objects.iterator()
              if any(f'"{address}"' in json.dumps(task.args, ensure_ascii=False).lower()
                     for address in addresses)]
    PendingTask.objects.filter(pk__in=doomed).delete()


def register() -> None:
    from cms.models import Invitation, Membership

    personal_data.register(Membership, label="organisation_memberships",
                           export=_export_memberships, erase=_erase_memberships)
    personal_data.register(Invitation, label="invitation_links_created",
                           export=_export_invitations, erase=_erase_invitations)
    personal_data.register(None, label="queued_mail", erase=_erase_queued_mail)
