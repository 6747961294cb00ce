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
