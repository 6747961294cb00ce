"""Documents named by ':::download' blocks.

The storage name is chosen from the content up front (documents/<sha1 prefix>/<name>) and the
bytes are written only when the file's transaction commits: an import that fails leaves no
file behind, and the same bytes are stored once however often they are imported.
"""

import hashlib
from functools import partial
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile as DjangoFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection

from .safe_files import check_extension, read_inside, relative_parts
from .text import shorten


def document_for(root: Path, relative: str, line: int) -> int:
    """The id of the document at `relative` inside `root`, created when new."""
    label = f"line {line}: the document '{shorten(relative, 80)}'"
    parts = relative_parts(relative, label)
    check_extension(parts[-1], settings.WAGTAILDOCS_EXTENSIONS, label)
    data = read_inside(root, parts, max_bytes=settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
                       label=label)
    digest = hashlib.sha1(data).hexdigest()  # Wagtail's own file_hash is SHA-1
    Document = get_document_model()
    document = Document.objects.filter(file_hash=digest).first()
    if document is None:
        document = Document(title=PurePosixPath(parts[-1]).stem,
                            collection=Collection.get_first_root_node(),
                            file_hash=digest, file_size=len(data))
        storage = document.file.storage
        document.file = storage_name(storage, Document, digest, parts[-1])
        document.save()
        transaction.on_commit(partial(_store, storage, document.file.name, data))
    return document.pk


def storage_name(storage, Document, digest: str, filename: str) -> str:
    prefix = f"documents/{digest[:16]}/"
    name = PurePosixPath(storage.get_valid_name(filename))
    room = Document._meta.get_field("file").max_length - len(prefix)
    if len(name.name) > room:
        name = PurePosixPath(name.stem[:room - len(name.suffix)] + name.suffix)
    return prefix + name.name


def _store(storage, name: str, data: bytes) -> None:
    if storage.exists(name):
        return  # the same bytes, stored by an earlier import
    saved = storage.save(name, DjangoFile(data))
    if saved != name:  # another import stored the same name meanwhile: keep one copy
        storage.delete(saved)
