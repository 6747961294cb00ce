"""What a reader's note may keep: at most NOTE_MAX_LENGTH characters of plain text, with
e-mail addresses, phone, IBAN and other long numbers replaced by placeholders (the same
rules as the search log, search/privacy.py). Notes are deleted after
FEEDBACK_NOTE_MAX_AGE_DAYS days (feedback.tasks.prune_feedback_notes)."""

import unicodedata

from search.privacy import redact

from .models import NOTE_MAX_LENGTH


def clean_note(text: str) -> str:
    # Control characters (NUL and the like) out, runs of blanks and line breaks to one blank.
    text = "".join(char if unicodedata.category(char)[0] != "C" else " " for char in text)
    text = " ".join(text.split())[:NOTE_MAX_LENGTH]
    return redact(text)[:NOTE_MAX_LENGTH]
