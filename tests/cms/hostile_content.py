"""Content files for the importer tests against hostile and odd input
(test_import_hostile.py, test_import_cleaned.py; benchmarks/import_hostile.py)."""

import signal
from contextlib import contextmanager

from django.core.files.storage import default_storage

GOOD = "good.de.md"
GOOD_SLUG = "guter-leitfaden"
SECRET = "SECRET_KEY=not-for-the-public"


def guide(slug="fremder-leitfaden", body="Ein Absatz.\n", topic="vereinsarbeit", extra=""):
    return (f"---\ntype: guide\nslug: {slug}\nlocale: de\ntitle: Ein Leitfaden\n"
            f"topic: {topic}\nsummary: Kurz.\n{extra}---\n{body}")


def funding(**changes):
    meta = {"amount_min": "500", "amount_max": "5000", "cofunding_percent": "10",
            "url": "https://www.example.org/foerderung", "funder": "Eine Stiftung"}
    meta.update(changes)
    lines = "".join(f"{key}: {value}\n" for key, value in meta.items())
    return (f"---\ntype: funding\nslug: fremde-foerderung\nlocale: de\ntitle: Förderung\n"
            f"topic: foerdermittel\nsummary: Kurz.\nregion: [berlin]\neligible: [verein]\n"
            f"{lines}---\nText.\n")


def download(path):
    return guide(body=f"Text.\n\n:::download Vorlage\nfile: {path}\n:::\n")


def contact(**fields):
    lines = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return guide(body=f"Text.\n\n:::contact Hilfe\nname: Beratungsstelle\n{lines}:::\n")


def content_folder(tmp_path):
    """A content folder with one good guide and one document; a secret next to the folder."""
    folder = tmp_path / "content"
    (folder / "documents").mkdir(parents=True)
    (folder / GOOD).write_text(guide(GOOD_SLUG, "Guter Text.\n"))
    (folder / "documents" / "vorlage.txt").write_text("Eine Vorlage.\n")
    (tmp_path / "secret.txt").write_text(SECRET)
    return folder


@contextmanager
def deadline(seconds=20):
    """Fail instead of hanging when a pattern backtracks again."""
    def expire(_signum, _frame):
        raise TimeoutError(f"the import took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def stored_files(path=""):
    folders, files = default_storage.listdir(path)
    found = {f"{path}{name}" for name in files}
    for folder in folders:
        found |= stored_files(f"{path}{folder}/")
    return found
