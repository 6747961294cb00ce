"""The actions of the permission matrix (test_permission_matrix.py): each takes the test
client, logged in as one role, and the world, and returns True when the action worked, judged
by what a user would notice (the page is live, the document exists, the page shows the title),
not by status codes alone."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import TranslationSource

from cms.models import GuidePage, Organisation
from tests.partners.translating import locale, put_string, synced_translation
from translations import review

from .forms import guide_form


def post(client, url, data=None):
    """POST and run what the view left for after commit (wagtail-localize publishes there),
    as production would; the cell's savepoint still rolls it all back."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data or {})


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def shows(response, text):
    return response.status_code == 200 and text in response.content.decode()


# --- the actions: each returns True when it worked ---------------------------------------------

def view_draft(page):
    return lambda c, w: shows(c.get(f"/admin/pages/{w_(w, page).pk}/view_draft/"),
                              w_(w, page).title)


def w_(w, name):
    return getattr(w, name)


def draft_on_public_site(c, w):
    return c.get("/de/verein-gruenden/entwurf-a/").status_code == 200


def open_editor(page):
    return lambda c, w: shows(c.get(f"/admin/pages/{w_(w, page).pk}/edit/"),
                              w_(w, page).title)


def save_edit(page):
    def act(c, w):
        target = w_(w, page)
        post(c, f"/admin/pages/{target.pk}/edit/",
               guide_form("Geändert", target.slug, action=None))
        return fresh(target).get_latest_revision_as_object().title == "Geändert"
    return act


def publish(page):
    def act(c, w):
        target = w_(w, page)
        post(c, f"/admin/pages/{target.pk}/edit/",
               guide_form("Veröffentlicht", target.slug, action="action-publish"))
        now = fresh(target)
        return now.live and now.title == "Veröffentlicht"
    return act


def delete(page):
    def act(c, w):
        target = w_(w, page)
        post(c, f"/admin/pages/{target.pk}/delete/")
        return not Page.objects.filter(pk=target.pk).exists()
    return act


def move(page):
    def act(c, w):
        target = w_(w, page)
        post(c, f"/admin/pages/{target.pk}/move/{w.other_topic.pk}/confirm/")
        return fresh(target).get_parent().pk == w.other_topic.pk
    return act


def unpublish(page):
    def act(c, w):
        target = w_(w, page)
        post(c, f"/admin/pages/{target.pk}/unpublish/", {"include_descendants": ""})
        return not fresh(target).live
    return act


def copy_into(page, section):
    def act(c, w):
        target, destination = w_(w, page), w_(w, section)
        post(c, f"/admin/pages/{target.pk}/copy/", {
            "new_title": "Kopie", "new_slug": "kopie", "new_parent_page": destination.pk,
            "copy_subpages": "", "publish_copies": "", "alias": ""})
        return GuidePage.objects.filter(slug="kopie", locale=target.locale).exists()
    return act


def history(page):
    return lambda c, w: shows(c.get(f"/admin/pages/{w_(w, page).pk}/history/"),
                              w_(w, page).title)


def revision_compare(page):
    def act(c, w):
        target = w_(w, page)
        url = f"/admin/pages/{target.pk}/revisions/compare/earliest...latest/"
        return shows(c.get(url), target.title)
    return act


def revision_view(page):
    def act(c, w):
        target = w_(w, page)
        revision = target.latest_revision
        return shows(c.get(f"/admin/pages/{target.pk}/revisions/{revision.pk}/view/"),
                     target.title)
    return act


def preview(page):
    def act(c, w):
        target = w_(w, page)
        url = f"/admin/pages/{target.pk}/edit/preview/"
        response = post(c, url, guide_form("Vorschau", target.slug, action=None))
        if response.status_code != 200 or not response.json().get("is_valid"):
            return False
        return shows(c.get(url), "Vorschau")
    return act


def page_chooser_lists(page):
    def act(c, w):
        target = w_(w, page)
        response = c.get("/admin/choose-page/search/", {"q": target.title})
        return shows(response, target.title)
    return act


def translate(page, code):
    def act(c, w):
        target = w_(w, page)
        post(c, f"/admin/localize/submit/page/{target.pk}/",
               {"locales": [locale(code).pk], "include_subtree": ""})
        return target.has_translation(locale(code))
    return act


def publish_translation(page):
    def act(c, w):
        target = w_(w, page)
        post(c, f"/admin/pages/{target.pk}/edit/", {"action": "publish"})  # its React form
        return fresh(target).live
    return act


def translate_organisation(team, code):
    def act(c, w):
        org = w_(w, team).organisation
        post(c, f"/admin/localize/submit/snippet/cms/organisation/{org.pk}/",
             {"locales": [locale(code).pk]})
        return org.has_translation(locale(code))
    return act


def open_translate_form(page):
    return lambda c, w: c.get(f"/admin/localize/submit/page/{w_(w, page).pk}/").status_code \
        == 200


def open_sync_form(source_name):
    return lambda c, w: c.get(f"/admin/localize/update/{w_(w, source_name).pk}/").status_code \
        == 200


def sync(source_name, publish_now=False):
    def act(c, w):
        source = w_(w, source_name)
        before = TranslationSource.objects.get(pk=source.pk).last_updated_at
        data = {"publish_translations": "on"} if publish_now else {}
        post(c, f"/admin/localize/update/{source.pk}/", data)
        after = TranslationSource.objects.get(pk=source.pk)
        if publish_now:
            page = after.get_source_instance()
            return all(page.get_translation(t.target_locale).live
                       for t in after.translations.filter(enabled=True))
        return after.last_updated_at != before
    return act


def upload_document(collection_of):
    def act(c, w):
        collection = w_(w, collection_of).collection
        post(c, "/admin/documents/add/", {
            "title": "Hochgeladen", "collection": collection.pk,
            "file": SimpleUploadedFile("hochgeladen.txt", b"Inhalt")})
        return get_document_model().objects.filter(title="Hochgeladen",
                                                   collection=collection).exists()
    return act


def upload_image(collection_of):
    def act(c, w):
        collection = w_(w, collection_of).collection
        post(c, "/admin/images/add/", {
            "title": "Hochgeladen", "collection": collection.pk,
            "file": SimpleUploadedFile("bild.png", get_test_image_file().file.getvalue())})
        return get_image_model().objects.filter(title="Hochgeladen",
                                                collection=collection).exists()
    return act


def open_document_in_admin(doc):
    return lambda c, w: shows(c.get(f"/admin/documents/edit/{w_(w, doc).pk}/"),
                              w_(w, doc).title)


def document_chooser_lists(doc):
    return lambda c, w: shows(c.get("/admin/documents/chooser/"), w_(w, doc).title)


def image_chooser_lists(img):
    return lambda c, w: shows(c.get("/admin/images/chooser/"), w_(w, img).title)


def download(doc):
    def act(c, w):
        response = c.get(w_(w, doc).url)
        return response.status_code == 200 and b"Kassenbericht" in b"".join(
            response.streaming_content if response.streaming else [response.content])
    return act


def list_members(team):
    def act(c, w):
        group = w_(w, team).editors
        response = c.get("/admin/users/", {"group": group.pk})
        other = {"a": w.roles.editor_a, "b": w.roles.editor_b}[team]
        return shows(response, other.username)
    return act


def organisation_history(team):
    def act(c, w):
        org = w_(w, team).organisation
        return shows(c.get(f"/admin/partners/{org.pk}/history/"), org.name)
    return act


def onboard_in_admin(c, w):
    post(c, "/admin/partners/onboard/", {"name": "Neuer Partner", "section": "/vereinsarbeit/",
                                         "languages": ["uk"]})
    return Organisation.objects.filter(name="Neuer Partner").exists()


def edit_organisation_entry(team):
    def act(c, w):
        org = w_(w, team).organisation
        return shows(c.get(f"/admin/snippets/cms/organisation/edit/{org.pk}/"), org.name)
    return act


def workflow_history(page):
    return lambda c, w: shows(c.get(f"/admin/pages/{w_(w, page).pk}/workflow_history/"),
                              w_(w, page).title)


def usage(page):
    return lambda c, w: shows(c.get(f"/admin/pages/{w_(w, page).pk}/usage/"),
                              w_(w, page).title)


def snippet_chooser_lists(team):
    def act(c, w):
        org = w_(w, team).organisation
        return shows(c.get("/admin/snippets/choose/cms/organisation/"), org.name)
    return act


def in_review(page):
    return WorkflowState.objects.filter(object_id=str(page.pk),
                                        status=WorkflowState.STATUS_IN_PROGRESS).exists()


def submit_for_review(page, method="post"):
    def act(c, w):
        target = w_(w, page)
        url = f"/admin/translations/review/{target.pk}/"
        post(c, url) if method == "post" else c.get(url)
        return in_review(target)
    return act


def submit_other_language_for_review(c, w):
    _source, russian = synced_translation(w.guide_a, "ru")  # section A, not A's language
    post(c, f"/admin/translations/review/{russian.pk}/")
    return in_review(russian)


def approve_translation(c, w):
    """Translator A has submitted the Arabic guide; the role tries to approve it."""
    arabic = w.guide_a_ar
    task = review.submit_for_review(arabic, review.translation_of(arabic),
                                    w.roles.translator_a).current_task_state
    post(c, f"/admin/pages/workflow/action/{arabic.pk}/approve/{task.pk}/", {"comment": ""})
    return fresh(arabic).live_revision_id == task.revision_id


def edit_glossary_string(c, w):
    """A string of the Arabic glossary term, through wagtail-localize's string API."""
    from wagtail_localize.models import StringTranslation

    from cms.models import GlossaryTerm

    term = GlossaryTerm.objects.get(slug="satzung", locale=locale("ar"))
    _response, segment = put_string(c, term, "تغيير")
    return StringTranslation.objects.filter(translation_of=segment.string, locale=term.locale,
                                            data="تغيير").exists()


def read_live_guide(c, w):
    return shows(c.get("/de/verein-gruenden/test-guide/"), w.guide_a.title)
