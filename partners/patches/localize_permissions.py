"""Per-page permission checks for wagtail-localize's translate and sync views.

Why: wagtail-localize 1.14 lets anyone with the *global* ``submit_translation`` permission
use ``SubmitPageTranslationView`` ("Translate this page"), ``SubmitSnippetTranslationView``
and ``UpdateTranslationsView`` ("Sync translated pages", with "publish immediately") on *any*
object. A translator of partner A could create pages in partner B's section, overwrite B's
translations, or publish translations without review (tests/partners/test_permission_matrix.py
shows it with this guard removed). Wagtail's own page permissions are per subtree, so this
module asks them before the views run:

- translate a page into a locale: the user must be able to edit the existing translation,
  or to add pages at the nearest ancestor that exists in that locale (where the new pages go);
- translate a snippet: the user must be able to change that snippet type (partner
  translators only into their languages, see partners.patches.snippet_languages);
- sync: the user must be able to edit every translation it would rewrite, and to publish each
  of them when "publish immediately" is ticked.

Delete this module when wagtail-localize checks object permissions in these views (recheck on
every upgrade: the test above fails when the guard is needed but missing).
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Locale, Page
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import submit_translations, update_translations

from . import snippet_languages


def can_translate_page_into(user, page, locale) -> bool:
    if user.is_superuser:
        return True
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.permissions_for_user(user).can_edit()
    for ancestor in page.get_ancestors().filter(depth__gt=1).order_by("-depth"):
        translated = ancestor.get_translation_or_none(locale)
        if translated is not None:
            return translated.permissions_for_user(user).can_add_subpage()
    return False


def _requested_locales(request):
    if request.method != "POST":
        return None
    ids = [value for value in request.POST.getlist("locales") if value.isdigit()]
    return list(Locale.objects.filter(pk__in=ids))


def check_submit_page(request, kwargs):
    page = get_object_or_404(Page, pk=kwargs["page_id"])
    locales = _requested_locales(request)
    if locales is None:  # the form: fine if the user may translate into any language
        others = Locale.objects.exclude(pk=page.locale_id)
        allowed = any(can_translate_page_into(request.user, page, loc) for loc in others)
    else:
        allowed = all(can_translate_page_into(request.user, page, loc) for loc in locales)
    if not allowed:
        raise PermissionDenied


def check_submit_snippet(request, kwargs):
    from wagtail.snippets.models import get_snippet_models

    model = next((m for m in get_snippet_models()
                  if m._meta.app_label == kwargs["app_label"]
                  and m._meta.model_name == kwargs["model_name"]), None)
    if model is None:
        return
    if not user_can_edit_snippet_type(request.user, model):
        raise PermissionDenied
    locales = _requested_locales(request)  # partner translators: their languages only
    if locales and not all(snippet_languages.may_change_in(request.user, model, loc.pk)
                           for loc in locales):
        raise PermissionDenied


def check_update(request, kwargs):
    source = get_object_or_404(TranslationSource, pk=kwargs["translation_source_id"])
    publish = request.method == "POST" and bool(request.POST.get("publish_translations"))
    instance = source.get_source_instance()
    if not isinstance(instance, Page):
        if not user_can_edit_snippet_type(request.user, type(instance)):
            raise PermissionDenied
        allowed = snippet_languages.allowed_locale_ids(request.user, type(instance))
        if allowed is not None and set(source.translations.filter(enabled=True).values_list(
                "target_locale_id", flat=True)) - allowed:
            raise PermissionDenied  # a sync rewrites every language's translation
        return
    for translation in source.translations.filter(enabled=True).select_related(
            "target_locale"):
        target = instance.get_translation_or_none(translation.target_locale)
        if target is None:
            if not can_translate_page_into(request.user, instance, translation.target_locale):
                raise PermissionDenied
            continue
        perms = target.permissions_for_user(request.user)
        if not perms.can_edit() or (publish and not perms.can_publish()):
            raise PermissionDenied


def _guard(view_class, check):
    original = view_class.dispatch
    if getattr(original, "_cms_guarded", False):
        return

    @wraps(original)
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:  # anonymous: wagtail's login redirect first
            check(request, kwargs)
        return original(self, request, *args, **kwargs)

    dispatch._cms_guarded = True
    view_class.dispatch = dispatch


def install():
    snippet_languages.install()
    _guard(submit_translations.SubmitPageTranslationView, check_submit_page)
    _guard(submit_translations.SubmitSnippetTranslationView, check_submit_snippet)
    _guard(update_translations.UpdateTranslationsView, check_update)
