"""The central editorial team ("Zentrale Redaktion") and its review workflow, which every
partner section goes through before anything is published."""

from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupApprovalTask, Page, Workflow, WorkflowTask

from .permissions import (
    grant_global,
    permission,
    set_collection_permissions,
    set_page_permissions,
)

CENTRAL_GROUP = "Zentrale Redaktion"
WORKFLOW_NAME = "Fachliche Prüfung"
TASK_NAME = "Fachliche Prüfung durch die Zentrale Redaktion"
CENTRAL_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
CENTRAL_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
}
CENTRAL_GLOBAL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("cms", "add_organisation"),
    ("cms", "change_organisation"),
    ("cms", "delete_organisation"),
    ("cms", "add_glossaryterm"),
    ("cms", "change_glossaryterm"),
    ("cms", "delete_glossaryterm"),
]


def ensure_central_team():
    """The group and the workflow; returns (group, workflow, changed)."""
    group, changed = Group.objects.get_or_create(name=CENTRAL_GROUP)
    changed |= grant_global(group, *(permission(app, code)
                                     for app, code in CENTRAL_GLOBAL_PERMISSIONS))
    root = Page.get_first_root_node()
    changed |= set_page_permissions(group, [root], CENTRAL_PAGE_PERMISSIONS)
    changed |= set_collection_permissions(group, Collection.get_first_root_node(),
                                          CENTRAL_COLLECTION_PERMISSIONS)

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME,
                                                       defaults={"active": True})
    changed |= created
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        changed = True
    if not task.groups.filter(pk=group.pk).exists():
        task.groups.add(group)
        changed = True
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        changed = True
    return group, workflow, changed
