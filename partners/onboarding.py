"""Onboard a partner organisation in one step: the organisation, its editors and translators
groups, its collection and the review workflow on its section. Running it again with the same
input changes nothing; bad input raises OnboardingError and writes nothing.

One section, one partner: a section that is, contains or lies inside another organisation's
section is refused (otherwise the outer partner would edit the inner one's pages). Runs at
the same time (two central editors, a script) wait for each other on a row lock
(NamedLock "partner-onboarding", PostgreSQL SELECT … FOR UPDATE), so each sees what the one
before it wrote; the unique constraints on the organisation's slug and section are the last
line of defence, and an IntegrityError becomes an OnboardingError.

What Wagtail and wagtail-localize can enforce for translators (docs/partners.md has more):
page permissions are per subtree, and every language has its own tree, so translators get
add/change on the *translated* section roots of their languages only. wagtail-localize's
"translate" and "sync" views check only the global submit_translation permission;
partners.patches.localize_permissions closes that gap.
"""

import hashlib
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, WorkflowPage
from wagtail_localize.models import Translation, TranslationSource

from cms.models import NamedLock, Organisation
from cms.slugs import german_slugify

from .central import ensure_central_team
from .permissions import (
    CHOOSE_ONLY_CODENAMES,
    IMAGE_DOCUMENT_CODENAMES,
    grant_global,
    permission,
    set_collection_permissions,
    set_page_permissions,
)

logger = logging.getLogger(__name__)

LOCK = "partner-onboarding"
NAME_MAX_LENGTH = 120  # leaves room for the group suffixes within auth.Group's 150
EDITOR_PAGE_PERMISSIONS = ["add", "change"]  # no publish: partner edits go through review
TRANSLATOR_PAGE_PERMISSIONS = ["add", "change"]


class OnboardingError(ValueError):
    """Bad input; the message is meant for the person onboarding."""


@dataclass
class OnboardingResult:
    organisation: Organisation
    editors: Group
    translators: Group
    collection: Collection
    translated_sections: dict = field(default_factory=dict)  # language code -> page
    changed: bool = False


def editors_group_name(name: str) -> str:
    return f"{name} – Redaktion"


def translators_group_name(name: str) -> str:
    return f"{name} – Übersetzung"


def parse_languages(value) -> list[str]:
    """'ar,fa' or ['ar', 'fa'] -> ['ar', 'fa'], checked against the content languages."""
    codes = value.split(",") if isinstance(value, str) else list(value)
    codes = list(dict.fromkeys(c.strip().lower() for c in codes if c.strip()))
    allowed = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
               if code != settings.LANGUAGE_CODE]
    unknown = [c for c in codes if c not in allowed]
    if unknown:
        raise OnboardingError(
            _("Unknown language: %(codes)s. Choose from: %(allowed)s.")
            % {"codes": ", ".join(unknown), "allowed": ", ".join(allowed)}
        )
    return codes


def find_section(path: str) -> Page:
    """A German page by its path below the home page, e.g. /vereinsarbeit/."""
    from cms.site_structure import german_home

    home = german_home()
    cleaned = (path or "").strip().strip("/")
    if not cleaned:
        raise OnboardingError(_("Give the section as a page path, e.g. /vereinsarbeit/."))
    url_path = f"{home.url_path}{cleaned}/"
    page = Page.objects.filter(url_path=url_path, locale=home.locale).first()
    if page is None:
        raise OnboardingError(_("There is no German page at %(path)s.") % {"path": f"/{cleaned}/"})
    return page.specific


def organisation_slug(name: str) -> str:
    fallback = "organisation-" + hashlib.sha1(name.encode()).hexdigest()[:8]
    return german_slugify(name)[:200] or fallback


def section_path_of(page) -> str:
    """A German page's path below the home page, as onboarding takes it: /vereinsarbeit/."""
    from cms.site_structure import german_home

    home_path = german_home().url_path
    return "/" + page.url_path.removeprefix(home_path).lstrip("/")


def overlapping_organisations(section, german, slug):
    """Other organisations whose section contains `section` or lies inside it."""
    step = section.steplen
    ancestors = [section.path[:end] for end in range(step, len(section.path), step)]
    return (Organisation.objects.filter(locale=german, section__isnull=False)
            .exclude(slug=slug).exclude(section=section)
            .filter(Q(section__path__in=ancestors) | Q(section__path__startswith=section.path))
            .select_related("section").order_by("section__path"))


def onboard_partner(name: str, section_path: str, languages, user=None) -> OnboardingResult:
    try:
        return _onboard_partner(name, section_path, languages, user)
    except IntegrityError as error:
        # Only a write that bypassed the lock (the shell, a data import) can get here.
        logger.warning("Onboarding %r for %s failed on a constraint: %s", name, section_path,
                       error)
        raise OnboardingError(
            _("%(name)s could not be onboarded: the organisation or the section %(path)s was "
              "changed by someone else at the same moment. Nothing was saved; please check "
              "the organisations and try again.")
            % {"name": " ".join((name or "").split()), "path": section_path}) from error


@transaction.atomic
def _onboard_partner(name, section_path, languages, user) -> OnboardingResult:
    name = " ".join((name or "").split())
    if not name:
        raise OnboardingError(_("The organisation needs a name."))
    if len(name) > NAME_MAX_LENGTH:
        raise OnboardingError(_("The name is too long (at most %(max)d characters).")
                              % {"max": NAME_MAX_LENGTH})
    codes = parse_languages(languages)
    section = find_section(section_path)
    german = Locale.get_default()
    slug = organisation_slug(name)

    NamedLock.hold(LOCK)  # from here on, one onboarding at a time; the checks see the last
    organisation = Organisation.objects.filter(locale=german, slug=slug).first()
    if organisation and organisation.section_id not in (None, section.pk):
        raise OnboardingError(_("%(name)s is already a partner with another section.")
                              % {"name": name})
    other = Organisation.objects.filter(locale=german, section=section).exclude(slug=slug)
    if other.exists():
        raise OnboardingError(_("The section %(path)s already belongs to %(other)s.")
                              % {"path": section_path, "other": other.first().name})
    for other in overlapping_organisations(section, german, slug):
        values = {"path": section_path, "other": other.name,
                  "other_path": section_path_of(other.section)}
        if section.path.startswith(other.section.path):
            raise OnboardingError(_(
                "The section %(path)s lies inside %(other_path)s, the section of %(other)s. "
                "Sections of different organisations must not overlap.") % values)
        raise OnboardingError(_(
            "The section %(path)s contains %(other_path)s, the section of %(other)s. "
            "Sections of different organisations must not overlap.") % values)

    central, workflow, changed = ensure_central_team()
    collection, created = _collection(name)
    changed |= created
    editors, created = Group.objects.get_or_create(name=editors_group_name(name))
    changed |= created
    translators, created = Group.objects.get_or_create(name=translators_group_name(name))
    changed |= created
    access_admin = permission("wagtailadmin", "access_admin")

    permissions_changed = grant_global(editors, access_admin)
    permissions_changed |= set_page_permissions(editors, [section], EDITOR_PAGE_PERMISSIONS)
    permissions_changed |= set_collection_permissions(editors, collection,
                                                      IMAGE_DOCUMENT_CODENAMES)

    translated = {}
    for code in codes:
        translated[code], created = _translated_section(section, code, user)
        changed |= created
    permissions_changed |= grant_global(
        translators, access_admin, permission("wagtail_localize", "submit_translation"))
    permissions_changed |= set_page_permissions(translators, translated.values(),
                                                TRANSLATOR_PAGE_PERMISSIONS)
    permissions_changed |= set_collection_permissions(translators, collection,
                                                      CHOOSE_ONLY_CODENAMES)

    changed |= _private_collection(collection, name, [editors, translators, central])

    for page in [section, *translated.values()]:
        assignment, created = WorkflowPage.objects.get_or_create(
            page=page, defaults={"workflow": workflow})
        if not created and assignment.workflow_id != workflow.pk:
            assignment.workflow = workflow
            assignment.save()
            created = True
        changed |= created

    organisation, org_changed = _save_organisation(
        organisation, name, slug, german, section, collection, editors, translators, codes, user)
    changed |= org_changed or permissions_changed

    if permissions_changed:
        for group in (editors, translators):
            log(group, "cms.partner_permissions", user=user,
                data={"organisation": name, "section": section.pk,
                      "collection": collection.pk, "languages": codes})
    if changed:
        log(organisation, "cms.partner_onboarded", user=user,
            data={"section": section.pk, "languages": codes})
        log(section, "cms.partner_onboarded", user=user, data={"organisation": name})
    return OnboardingResult(organisation, editors, translators, collection, translated, changed)


def _collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    if existing:
        return existing, False
    return root.add_child(name=name), True


def private_collection_name(name: str) -> str:
    return f"{name} – intern"


def _private_collection(collection, name, groups):
    """A sub-collection only the partner's groups and the central team may download from
    (minutes, contracts); Wagtail's document serve view enforces the restriction."""
    changed = False
    private = collection.get_children().filter(name=private_collection_name(name)).first()
    if private is None:
        private = collection.add_child(name=private_collection_name(name))
        changed = True
    restriction = CollectionViewRestriction.objects.filter(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.GROUPS)
        changed = True
    if set(restriction.groups.values_list("pk", flat=True)) != {g.pk for g in groups}:
        restriction.groups.set(groups)
        changed = True
    return changed


def _translated_section(section, code, user):
    """The section root in `code`; made as a wagtail-localize translation draft if missing,
    so translators have a page in their language to own."""
    locale = Locale.objects.get(language_code=code)
    existing = section.get_translation_or_none(locale)
    if existing:
        return existing, False
    source, _created = TranslationSource.get_or_create_from_instance(section)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True})
    translation.save_target(user=user, publish=False)
    return section.get_translation(locale), True


def _save_organisation(organisation, name, slug, german, section, collection, editors,
                       translators, codes, user):
    created = organisation is None
    if created:
        organisation = Organisation(name=name, slug=slug, locale=german, kind="partner")
    wanted = {"section_id": section.pk, "collection_id": collection.pk,
              "editors_group_id": editors.pk, "translators_group_id": translators.pk}
    changed = created or any(getattr(organisation, k) != v for k, v in wanted.items())
    for key, value in wanted.items():
        setattr(organisation, key, value)
    locales = list(Locale.objects.filter(language_code__in=codes))
    if created or set(organisation.translator_locales.values_list("pk", flat=True)) != {
            loc.pk for loc in locales}:
        changed = True
    if changed:
        organisation.translator_locales.set(locales)
        organisation.save()
        if created:
            log(organisation, "wagtail.create", user=user)
    return organisation, changed
