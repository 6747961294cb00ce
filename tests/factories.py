"""Factories for content the fixture site does not have."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.models import GuidePage, TopicPage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.set(Group.objects.filter(name__in=names))
        self.save()


class GuidePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidePage

    title = factory.Sequence(lambda n: f"Leitfaden {n}")
    slug = factory.Sequence(lambda n: f"leitfaden-{n}")
    summary = "Eine kurze Zusammenfassung."
    body = wagtail_factories.StreamFieldFactory({})

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or TopicPage.objects.get(locale__language_code="de",
                                                 slug="vereinsarbeit")
        return super()._create(model_class, *args, parent=parent, **kwargs)
