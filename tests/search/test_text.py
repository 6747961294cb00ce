"""How the search reads what a reader typed (search/text.py)."""

import pytest

from search.text import spelled_out, words


def test_a_turkish_capital_dotted_i_stays_part_of_its_word():
    assert words("İtiraz nasıl yapılır") == ["itiraz", "nasıl", "yapılır"]
    assert words("İTİRAZ") == words("itiraz") == ["itiraz"]


def test_arabic_vowel_marks_do_not_split_or_change_words():
    assert words("جَمْعِيَّة") == words("جمعية") == ["جمعية"]


@pytest.mark.parametrize("typed", ["e.V.", "e. V.", "E.V.", "e.V", "(e. V.)"])
def test_e_v_is_read_as_the_words_it_stands_for(typed):
    assert words(spelled_out(f"Mosaik {typed} gründen")) == [
        "mosaik", "eingetragener", "verein", "gründen"]


@pytest.mark.parametrize("typed", ["e.Vorstand", "Hev.", "ev", "Bewerbung ev. später",
                                   "info@verein-e.v.de", "K.e.V."])
def test_other_words_with_e_and_v_stay_as_written(typed):
    assert spelled_out(typed) == typed
