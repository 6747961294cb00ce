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
        # `type: module` and `type: lesson` files for import_content.
        from .importing import register

        register()
        # Every sign-in (allauth's, after sign-up and e-mail confirmation too, and the admin's)
        # takes over what the reader did as a guest in this browser.
        user_logged_in.connect(_adopt_guest, dispatch_uid="learning-adopt-guest")


def _adopt_guest(sender, request, user, **kwargs):
    from .learners import adopt_guest

    if request is not None:
        adopt_guest(request, user)
