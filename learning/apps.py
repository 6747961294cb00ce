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
        from .awarding import on_module_completed
        from .signals import module_completed

        module_completed.connect(on_module_completed, dispatch_uid="learning-certificate")
        user_logged_in.connect(_issue_pending, dispatch_uid="learning-pending-certificates")


def _adopt_guest(sender, request, user, **kwargs):
    from .learners import adopt_guest

    if request is not None:
        adopt_guest(request, user)


def _issue_pending(sender, request, user, **kwargs):
    from .awarding import issue_pending
    from .models import Learner

    issue_pending(Learner.objects.filter(user=user).first())
