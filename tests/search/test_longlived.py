"""The vocabulary is kept out of the garbage collector's full passes (search/longlived.py), and
a rebuilt one still frees the one it replaces: no pause of a full collection in a reader's
search, and no memory kept for ever."""

import gc
import weakref

import pytest

from search import vocabulary


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.mark.django_db
def test_a_built_vocabulary_is_frozen_and_freed_when_a_new_one_replaces_it(settings, unfrozen):
    settings.SEARCH_FREEZE_BUILT_OBJECTS = True
    vocabulary.reset()
    first = vocabulary.get_vocabulary()
    assert gc.get_freeze_count() > 0
    replaced = weakref.ref(first)
    del first
    vocabulary.reset()
    vocabulary.get_vocabulary()
    assert replaced() is None
    vocabulary.reset()


@pytest.mark.django_db
def test_without_the_setting_nothing_is_frozen(settings, unfrozen):
    settings.SEARCH_FREEZE_BUILT_OBJECTS = False
    vocabulary.reset()
    vocabulary.get_vocabulary()
    assert gc.get_freeze_count() == 0
    vocabulary.reset()
