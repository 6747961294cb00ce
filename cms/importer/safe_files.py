"""Read a file inside a folder without ever leaving it: content files, documents, and images
when the importer gets them.

Every folder on the way and the file itself are opened relative to the one before with
O_NOFOLLOW, so no absolute path, "..", symbolic link (even one pointing inside) or folder
swapped for a link during the import reaches a file elsewhere on the host. Nothing is
searched for: the path is relative to the folder given, or it is not found.
"""

import errno
import os
import stat
from pathlib import Path, PurePosixPath

from .errors import ContentError
from .text import shorten

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | _CLOEXEC
# O_NONBLOCK: a FIFO named like a document must not hang the import on open().
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | _CLOEXEC


def relative_parts(relative: str, label: str) -> tuple[str, ...]:
    """The folders and name of a path written in a content file, or a refusal."""
    if not relative or not relative.strip():
        raise ContentError(f"{label}: the path is empty")
    if "\\" in relative:
        raise ContentError(f"{label}: use '/' between folders")
    path = PurePosixPath(relative)
    if path.is_absolute():
        raise ContentError(f"{label}: the path must be relative to the content folder "
                           "(no leading '/')")
    if ".." in path.parts:
        raise ContentError(f"{label}: the path may not contain '..'; it is relative to the "
                           "content folder and stays inside it")
    if not path.parts:
        raise ContentError(f"{label}: the path names no file")
    return path.parts


def check_extension(name: str, extensions, label: str) -> None:
    suffix = PurePosixPath(name).suffix.lower().lstrip(".")
    allowed = ", ".join(sorted(extensions))
    if not suffix:
        raise ContentError(f"{label} has no file extension; accepted are {allowed}")
    if suffix not in {e.lower() for e in extensions}:
        raise ContentError(f"{label}: '.{shorten(suffix, 20)}' files are not accepted; accepted "
                           f"are {allowed}")


def read_inside(root: Path, parts: tuple[str, ...], *, max_bytes: int, label: str) -> bytes:
    """The bytes of root/parts, a regular file of at most `max_bytes`, reached without a
    symbolic link."""
    folder = os.open(root, os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC)
    try:
        for depth, part in enumerate(parts[:-1]):
            try:
                inner = os.open(part, _DIRECTORY_FLAGS, dir_fd=folder)
            except OSError as error:
                raise _refusal(error, folder, part, "/".join(parts[:depth + 1]), label,
                               is_folder=True) from None
            os.close(folder)
            folder = inner
        try:
            handle = os.open(parts[-1], _FILE_FLAGS, dir_fd=folder)
        except OSError as error:
            raise _refusal(error, folder, parts[-1], "/".join(parts), label,
                           is_folder=False) from None
    finally:
        os.close(folder)
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ContentError(f"{label} is not a regular file")
        if info.st_size > max_bytes:
            raise ContentError(f"{label} has {info.st_size:,} bytes; at most "
                               f"{size_text(max_bytes)} ({max_bytes:,} bytes)")
        data = file.read(max_bytes + 1)  # the file may have grown since fstat
    if len(data) > max_bytes:
        raise ContentError(f"{label} is larger than {size_text(max_bytes)} "
                           f"({max_bytes:,} bytes)")
    return data


def size_text(size: int) -> str:
    if size % (1024 * 1024) == 0:
        return f"{size // (1024 * 1024)} MB"
    return f"{size / 1024:g} KB"


def _refusal(error: OSError, folder: int, name: str, shown: str, label: str, *,
             is_folder: bool) -> ContentError:
    where = f"{label}: the folder '{shorten(shown, 80)}'" if is_folder else label
    try:
        info = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except OSError:
        info = None
    if info is not None and stat.S_ISLNK(info.st_mode):
        return ContentError(f"{where} is a symbolic link; the import follows none, not even "
                            "one pointing inside the content folder")
    if error.errno == errno.ENOENT:
        return ContentError(f"{label} not found in the content folder")
    if error.errno == errno.ENOTDIR:
        return ContentError(f"{where} is not a folder")
    return ContentError(f"{where} cannot be read ({error.strerror})")
