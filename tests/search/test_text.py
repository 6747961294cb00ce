"""How the search reads what a reader typed (search/text.py)."""

import pytest

from search.text import joined_blocks, spelled_out, words


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


def test_two_threads_stemming_at_once_each_get_their_own_words_stems():
    """search.overlap stems the German part's words on a second thread while the reader's
    are stemmed; threaded servers do the same. One shared Snowball stemmer garbled words."""
    import threading

    from search.text import stem

    unstemmed = stem.__wrapped__  # past the cache: every call stems
    words_by_language = {
        "ar": ["الجمعيات", "والتمويل", "بالتسجيل", "المساهمة", "الخطوات", "جمعيتنا"] * 300,
        "de": ["Vereinsgründungen", "Förderanträgen", "Mitgliederversammlungen"] * 300,
    }
    expected = {lang: [unstemmed(w, lang) for w in found]
                for lang, found in words_by_language.items()}
    results, failures = {}, []
    start = threading.Barrier(4)

    def work(key, language):
        start.wait()
        try:
            results[key] = [unstemmed(w, language) for w in words_by_language[language]]
        except Exception as error:  # a garbled stemmer raises IndexError, or stems wrongly
            failures.append(error)

    threads = [threading.Thread(target=work, args=(n, lang))
               for n, lang in enumerate(["ar", "ar", "de", "ar"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert [results[n] for n in range(4)] == [expected[lang] for lang in ("ar", "ar", "de", "ar")]


@pytest.mark.parametrize(("indexed", "shown"), [
    ("Was ist ein e. V.?\nEin Verein ist", "Was ist ein e. V.? Ein Verein ist"),
    ("Das brauchen Sie\nEine Satzung", "Das brauchen Sie · Eine Satzung"),
    ("لمن هذا التمويل؟\nللجمعيات", "لمن هذا التمويل؟ للجمعيات"),
    ("Kosten\n\n  Gebühren   und  mehr", "Kosten · Gebühren und mehr"),
    ("Frist: <mark>30 Tage</mark>\nab Zugang", "Frist: <mark>30 Tage</mark> · ab Zugang"),
    ("„Verein“.\nDann", "„Verein“. Dann"),
    # Elasticsearch's escaped highlight: the entity's ";" closes nothing
    ("Was heißt &quot;<mark>gemeinnützig</mark>&quot;\nEin Verein",
     "Was heißt &quot;<mark>gemeinnützig</mark>&quot; · Ein Verein"),
])
def test_blocks_read_as_one_line_in_a_snippet(indexed, shown):
    assert joined_blocks(indexed) == shown


def test_rich_text_is_indexed_a_line_per_paragraph_list_item_and_heading():
    from cms.searchable_text import rich_text_lines

    html = ("<h3>Pflichtinhalt</h3><p>Die Satzung &amp; mehr</p><ul><li>Name</li>"
            "<li>Zweck<br/>und Sitz</li></ul><p>  </p>")
    assert rich_text_lines(html) == "Pflichtinhalt\nDie Satzung & mehr\nName\nZweck\nund Sitz"


@pytest.mark.parametrize(("text", "shown"), [
    # cut right after a separator: no dangling "·" before the ellipsis
    ("Protokoll · " + "x" * 300, "Protokoll …"),
    # cut right before a separator: no "·" after the opening ellipsis
    ("a " * 60 + "Ende · Vereins Satzung ist " + "b " * 40, "… Vereins <mark>Satzung</mark> ist"),
])
def test_a_snippet_cut_next_to_a_separator_shows_no_stray_mark(text, shown):
    import re

    from search.text import highlight

    snippet = highlight(text, re.compile("Satzung"), width=40)
    assert snippet.startswith(shown) if shown.startswith("…") else snippet == shown
    assert "· …" not in snippet and "… ·" not in snippet


@pytest.mark.django_db
def test_a_name_indexed_as_a_line_of_its_own_reads_apart_from_the_text_after_it():
    from cms.searchable_text import OwnLineField
    from funding.models import FundingProgrammePage as Programme

    def field_value(funder):
        return OwnLineField("funder").get_value(Programme(funder=funder))

    assert field_value("Stadt Musterstadt  (Beispiel)") == "Stadt Musterstadt (Beispiel) ·"
    assert field_value("Aktion Mensch e.V.") == "Aktion Mensch e.V."
    assert field_value("Stiftung „Brücke“.") == "Stiftung „Brücke“."
    assert field_value("Förderverein (e.V.)") == "Förderverein (e.V.) ·"
    assert field_value("") == ""
    # as the database index joins fields (summary, funder, text) and a snippet shows them
    joined = " ".join(["Zuschüsse.", field_value("Freistaat"), "Wer beantragt?"])
    assert joined_blocks(joined) == "Zuschüsse. Freistaat · Wer beantragt?"
    assert joined_blocks(f"Zuschüsse. {field_value('Freistaat')}") == "Zuschüsse. Freistaat"
