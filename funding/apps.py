from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = "Funding programmes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.api import TYPE_ALIASES
        from cms.models.topics import TopicSection, register_topic_section

        # Programmes live below topics, which list them soonest deadline first.
        register_topic_section(TopicSection("funding.FundingProgrammePage",
                                            "funding/topic_section.html", ("deadline",),
                                            head_template="funding/calendar_link.html"))
        # The API's type name from before the model left cms (README, "API examples").
        TYPE_ALIASES["cms.FundingProgrammePage"] = "funding.FundingProgrammePage"
        _connect_alerts()


def _connect_alerts():
    """E-mail alerts (funding/alerts/): new programmes announced, the learner's profile
    section, their download and deletion."""
    from cms.accounts.personal_data import register as register_personal_data
    from cms.learners.profile_sections import ProfileSection, register_profile_section

    from .alerts import personal_data, profile, signals
    from .alerts.models import AlertSubscription

    signals.connect()
    register_profile_section(ProfileSection("funding/alerts/profile_section.html",
                                            profile.profile_context))
    register_personal_data(AlertSubscription, label="funding_alerts",
                           export=personal_data.export, erase=personal_data.erase)
