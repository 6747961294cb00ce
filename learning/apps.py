from django.apps import AppConfig
from django.conf import settings
from django.contrib.auth.signals import user_logged_in


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Learning modules"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.accounts.personal_data import register as register_personal_data
        from cms.models.topics import TopicSection, register_topic_section
        from cms.sections import PageSection, register_section

        from . import personal_data
        from .models import Learner

        # Modules live below topics, which list them after their guides.
        register_topic_section(TopicSection("learning.ModulePage",
                                            "learning/topic_section.html"))
        register_section("home", PageSection("learning/home_section.html", _home_modules))
        register_section("guide", PageSection("learning/guide_section.html", _guide_modules))
        # `type: module` and `type: lesson` files for import_content.
        from .importing import register

        register()
        register_personal_data(Learner, label="learning", export=personal_data.export,
                               erase=personal_data.erase)
        # Every sign-in (allauth's, after sign-up and e-mail confirmation too, and the admin's)
        # takes over what the reader did as a guest in this browser.
        user_logged_in.connect(_adopt_guest, dispatch_uid="learning-adopt-guest")
        # Certificates: on completion, and after sign-in for modules completed as a guest
        # (connected after _adopt_guest, so it sees the adopted progress).
        from .awarding import on_module_completed
        from .signals import module_completed

        module_completed.connect(on_module_completed, dispatch_uid="learning-certificate")
        user_logged_in.connect(_issue_pending, dispatch_uid="learning-pending-certificates")
        # Attending an event that teaches a lesson completes it (events sends the signal).
        from cms.attendance import attended

        from .attendance import on_attended

        attended.connect(on_attended, dispatch_uid="learning-attendance")


HOME_MODULES = 6


def _home_modules(home):
    from .models import ModulePage

    return ModulePage.objects.descendant_of(home).live().public().order_by(
        "-first_published_at")[:HOME_MODULES]


def _guide_modules(guide):
    """The German modules that teach this guide (their links point at the German guide);
    reader_links then shows each in the reader's language."""
    from cms.locales import for_language

    from .models import ModulePage

    return ModulePage.objects.live().public().filter(
        locale=for_language(settings.LANGUAGE_CODE),
        guide_links__guide__translation_key=guide.translation_key).order_by("title").distinct()


def _adopt_guest(sender, request, user, **kwargs):
    from .learners import adopt_guest

    if request is not None:
        adopt_guest(request, user)


def _issue_pending(sender, request, user, **kwargs):
    from .awarding import issue_pending
    from .models import Learner

    issue_pending(Learner.objects.filter(user=user).first())
