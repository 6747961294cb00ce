from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Wegweiser CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from cms import changes, locales, site_url, slugs
        from cms.learners import personal_data, tasks  # noqa: F401 (workers learn the task)
        from cms.regions.tree import forget

        locales.install()
        slugs.install()
        changes.connect()
        personal_data.register()
        post_migrate.connect(site_url.on_post_migrate, sender=self,
                             dispatch_uid="wegweiser-site-url")
        post_save.connect(forget, sender="cms.Region", dispatch_uid="regions-saved")
        post_delete.connect(forget, sender="cms.Region", dispatch_uid="regions-deleted")
