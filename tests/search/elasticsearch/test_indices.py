"""Index names and the alias swap of a full rebuild."""

import datetime

from search.elastic.indices import alias_name, new_index_name, swap_plan

NOW = datetime.datetime(2026, 12, 2, 7, 30, 5, 123456, tzinfo=datetime.UTC)


def test_new_index_is_timestamped_behind_the_language_alias(settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "wegweiser"
    assert alias_name("de") == "wegweiser-de"
    assert new_index_name("de", NOW) == "wegweiser-de-20261202073005123456"
    later = NOW + datetime.timedelta(microseconds=1)
    assert new_index_name("de", later) > new_index_name("de", NOW)


def test_first_build_only_adds_the_alias():
    plan = swap_plan("ww-de", "ww-de-2", [])
    assert plan.actions == [{"add": {"index": "ww-de-2", "alias": "ww-de",
                                     "is_write_index": True}}]
    assert plan.delete == []


def test_rebuild_moves_the_alias_in_one_call_and_drops_old_builds():
    plan = swap_plan("ww-de", "ww-de-3", ["ww-de-1", "ww-de-3", "ww-de-2"], ["ww-de-2"])
    assert plan.actions == [
        # ww-de-1 (a failed build) does not carry the alias: no remove action for it.
        {"remove": {"index": "ww-de-2", "alias": "ww-de"}},
        {"add": {"index": "ww-de-3", "alias": "ww-de", "is_write_index": True}},
    ]
    assert plan.delete == ["ww-de-1", "ww-de-2"]  # after the swap, never the new one


def test_a_concrete_index_named_like_the_alias_is_replaced_atomically():
    plan = swap_plan("ww-de", "ww-de-2", ["ww-de"])
    assert plan.actions[0] == {"remove_index": {"index": "ww-de"}}
    assert plan.actions[-1]["add"]["index"] == "ww-de-2"
    assert plan.delete == []
