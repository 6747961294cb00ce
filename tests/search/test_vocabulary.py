"""The vocabulary behind "did you mean" and inflections is one copy per process. A change made
in one process (a worker publishing) must reach the copies of the others within seconds,
also when it edits words in place (the index keeps its entry count)."""

import time

import pytest

from search import vocabulary
from search.vocabulary import CHECK_EVERY_SECONDS

pytestmark = pytest.mark.django_db


def as_seen_by_another_process(django_capture_on_commit_callbacks, change):
    """Run `change` with its after-commit work (as the process that made it), then forget
    that this process was told: only what the shared cache says remains."""
    with django_capture_on_commit_callbacks(execute=True):
        change()
    vocabulary._current["checked"] = time.monotonic() - CHECK_EVERY_SECONDS - 1


def test_an_edit_in_another_process_reaches_this_vocabulary(guide,
                                                           django_capture_on_commit_callbacks):
    vocabulary.reset()
    assert "zwölffingerdarm" not in vocabulary.get_vocabulary()

    def rename():
        guide.title = "Zwölffingerdarm und Satzung"
        guide.save_revision().publish()

    as_seen_by_another_process(django_capture_on_commit_callbacks, rename)
    assert "zwölffingerdarm" in vocabulary.get_vocabulary()


def test_without_a_change_the_vocabulary_is_not_rebuilt(guide):
    vocabulary.reset()
    first = vocabulary.get_vocabulary()
    vocabulary._current["checked"] = time.monotonic() - CHECK_EVERY_SECONDS - 1
    assert vocabulary.get_vocabulary() is first
