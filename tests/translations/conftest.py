"""Helpers for the translation tests: change German content the way publishing does."""

import copy

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale

from tests.factories import UserFactory

FIRST_PARAGRAPH = "Ein Verein braucht eine <b>Satzung</b> und Mitglieder."
CHANGED_PARAGRAPH = "Ein Verein braucht eine <b>Satzung</b>, Mitglieder und einen Vorstand."


def publish_german(page, replace=None, **fields):
    """Edit the German page (a text replaced in the body, plain fields set) and publish it,
    as the admin's publish button does: a new revision, then publish()."""
    page = page.specific_class.objects.get(pk=page.pk)
    if replace:
        old, new = replace
        body = copy.deepcopy(list(page.body.raw_data))
        for block in body:
            if block["type"] == "text" and old in block["value"]:
                block["value"] = block["value"].replace(old, new)
        page.body = body
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


@pytest.fixture
def change_paragraph(guide, django_capture_on_commit_callbacks):
    def change():
        with django_capture_on_commit_callbacks(execute=True):
            return publish_german(guide, replace=(FIRST_PARAGRAPH, CHANGED_PARAGRAPH))
    return change


@pytest.fixture
def arabic():
    return Locale.objects.get(language_code="ar")


def group_with_page_permission(name, page, codenames=("change_page",)):
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename))
    return group


def user_in(group, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(group)
    return user
