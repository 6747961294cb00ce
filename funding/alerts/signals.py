"""Listening to cms.changes.content_changed (the project's one "content changed" signal):
a published programme is looked at for new-programme alerts, after commit, in the
background (connected in FundingConfig.ready())."""

UID = "funding-alerts-new-programme"


def on_content_changed(sender, instance, action, **kwargs):
    """A programme published (new, a translation, or an edit: first_published_at and the
    sent-log sort out which is news) is handed to funding.tasks.announce_new_programme."""
    from cms.outbox.dispatch import send_after_commit
    from funding.models import FundingProgrammePage

    if action == "published" and isinstance(instance, FundingProgrammePage):
        from funding.tasks import announce_new_programme

        send_after_commit(announce_new_programme, str(instance.translation_key))


def connect() -> None:
    from cms.changes import content_changed

    content_changed.connect(on_content_changed, dispatch_uid=UID)
