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


class _Cycle:
    def __init__(self):
        self.me = self


def test_a_cycle_frozen_by_one_build_is_collected_at_the_next(settings, unfrozen):
    """What a request held when a build froze everything, and dropped later as cyclic
    garbage, is not kept for ever: the next build collects it."""
    from search.longlived import settle

    settings.SEARCH_FREEZE_BUILT_OBJECTS = True
    held = _Cycle()
    settle()
    dropped = weakref.ref(held)
    del held
    gc.collect()  # a full collection passes frozen objects by
    assert dropped() is not None
    settle()
    assert dropped() is None
