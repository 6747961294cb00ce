"""How the search reads what a reader typed (search/text.py)."""

from search.text import words


def test_a_turkish_capital_dotted_i_stays_part_of_its_word():
    assert words("İtiraz nasıl yapılır") == ["itiraz", "nasıl", "yapılır"]
    assert words("İTİRAZ") == words("itiraz") == ["itiraz"]


def test_arabic_vowel_marks_do_not_split_or_change_words():
    assert words("جَمْعِيَّة") == words("جمعية") == ["جمعية"]
