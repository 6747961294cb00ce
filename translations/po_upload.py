"""A stricter PO upload for wagtail-localize's translation editor.

wagtail-localize 1.14's ``upload_pofile`` answers a PO file without its
``X-WagtailLocalize-TranslationID`` header (an empty file, a PO from elsewhere) or a request
without a file with a server error, and reports success when none of the file's entries
matched. This view takes the same URL (registered ahead of wagtail-localize's in
translations.wagtail_hooks), keeps its permission check and import, and turns each of those
cases into a clear message; nothing is written unless the file belongs to this translation.
Delete it when wagtail-localize validates uploads itself.
"""

import contextlib
import os
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

HEADER = "X-WagtailLocalize-TranslationID"


class BadPOFile(Exception):
    pass


def parse_po(data: bytes) -> polib.POFile:
    # polib.pofile() takes a path or the contents and would open a path it was given as
    # contents, so the upload goes through a temporary file, as in wagtail-localize.
    with tempfile.NamedTemporaryFile(delete=False, suffix=".po") as handle:
        handle.write(data)
    try:
        return polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise BadPOFile(_("This file is not a valid PO file.")) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def check_po(po: polib.POFile, translation: Translation):
    uuid = po.metadata.get(HEADER)
    if not uuid:
        raise BadPOFile(_("This PO file was not downloaded from this translation: it has no "
                          "translation ID. Download the PO file of this page and language, "
                          "translate it and upload it here."))
    if uuid != str(translation.uuid):
        raise BadPOFile(_("This PO file belongs to another page or language. Nothing was "
                          "imported."))


@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist as error:  # the translated page or snippet was deleted
        raise Http404 from error
    # looked up at call time: partners.patches.snippet_languages wraps it
    if not edit_translation.user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")

    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise BadPOFile(_("Choose a PO file to upload."))
        po = parse_po(upload.read())
        check_po(po, translation)
    except BadPOFile as error:
        messages.error(request, str(error))
        return redirect(next_url)

    warnings = translation.import_po(po, user=request.user, tool_name="PO File")
    imported = len([entry for entry in po if entry.msgstr and not entry.obsolete]) - len(
        warnings)
    if warnings:
        messages.warning(request, ngettext(
            "%(count)d entry did not match the current German text (it changed since the "
            "download) and was skipped.",
            "%(count)d entries did not match the current German text (it changed since the "
            "download) and were skipped.",
            len(warnings)) % {"count": len(warnings)})
    if imported > 0:
        messages.success(request, _("The translations from the PO file were imported."))
    else:
        messages.error(request, _("The PO file contains no translations for this page."))
    return redirect(next_url)
