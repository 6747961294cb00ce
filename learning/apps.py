from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Learning modules"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.models.topics import TopicSection, register_topic_section

        # Modules live below topics, which list them after their guides.
        register_topic_section(TopicSection("learning.ModulePage",
                                            "learning/topic_section.html"))
        # Every sign-in (allauth's, after sign-up and e-mail confirmation too, and the admin's)
        # takes over what the reader did as a guest in this browser.
        user_logged_in.connect(_adopt_guest, dispatch_uid="learning-adopt-guest")
        # Certificates: on completion, and after sign-in for modules completed as a guest
        # (connected after _adopt_guest, so it sees the adopted progress).
        from .signals import module_completed

        module_completed.connect(_issue_certificate, dispatch_uid="learning-certificate")
        user_logged_in.connect(_issue_pending, dispatch_uid="learning-pending-certificates")


def _adopt_guest(sender, request, user, **kwargs):
    from .learners import adopt_guest

    if request is not None:
        adopt_guest(request, user)


def _issue_certificate(sender, enrolment_id, language=None, **kwargs):
    from cms.outbox.dispatch import send_after_commit

    from .models import Enrolment
    from .tasks import issue_certificate

    if Enrolment.objects.filter(pk=enrolment_id, learner__user__isnull=False).exists():
        send_after_commit(issue_certificate, enrolment_id, language)


def _issue_pending(sender, request, user, **kwargs):
    from .certificates import issue_pending
    from .models import Learner

    issue_pending(Learner.objects.filter(user=user).first())
