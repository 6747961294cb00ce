"""The search vocabulary that comes with Wegweiser (search/vocabulary_data/*.txt): several
hundred synonym groups in all eight languages, loaded into the editors' synonyms by migration
search 0005 and by `manage.py load_vocabulary`, never touching a group an editor made."""

from collections import Counter

import pytest
from django.conf import settings
from django.core.management import call_command

from search import vocabulary, vocabulary_data
from search.expansion import expand
from search.models import Synonym
from search.text import words
from search.vocabulary import Vocabulary

from .conftest import ask, reindex, slugs

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_every_language_has_a_sound_file_of_many_groups():
    assert sorted(vocabulary_data.languages()) == sorted(LANGUAGES)
    total = 0
    for language in LANGUAGES:
        assert vocabulary_data.problems(language) == []
        groups = vocabulary_data.read_lines(language)
        assert len(groups) >= 60, language
        for number, terms in groups:
            assert 2 <= len(terms) <= vocabulary_data.MAX_TERMS, (language, number)
            assert all(term and "," not in term for term in terms), (language, number)
        keys = [vocabulary_data.key(terms) for _number, terms in groups]
        assert len(set(keys)) == len(keys), language  # no group twice
        total += len(groups)
    assert len(vocabulary_data.read_lines("de")) >= 200
    assert total >= 600


def test_a_file_problem_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(vocabulary_data, "DATA_DIR", tmp_path)
    (tmp_path / "de.txt").write_text("# comment\nKassenwart, Schatzmeister\nKasse,\n"
                                     "Schatzmeister, Kassenwart\n" + ", ".join(
                                         f"Wort{n}" for n in range(13)) + "\n",
                                     encoding="utf-8")
    found = "\n".join(vocabulary_data.problems("de"))
    assert "de.txt:3: an empty word" in found
    assert "de.txt:4: the same group twice" in found
    assert "de.txt:5: 13 words" in found


@pytest.mark.django_db
def test_the_migration_loaded_every_language():
    for language in LANGUAGES:
        held = {vocabulary_data.key(s.terms.split(","))
                for s in Synonym.objects.filter(language=language)}
        for terms in vocabulary_data.read_groups(language):
            group = vocabulary_data.key(terms.split(","))
            assert any(group <= existing for existing in held), (language, terms)
    assert Synonym.objects.count() >= 600


@pytest.mark.django_db
def test_loading_again_adds_nothing_and_leaves_the_editors_groups_alone(capsys):
    own = Synonym.objects.create(language="de", terms="Zwölffingerdarm, Dünndarmanfang")
    changed = Synonym.objects.get(language="de", terms__startswith="Kassenwart, Kassenwartin")
    changed.terms = "Kassenwart, Schatzmeister"  # an editor narrowed a group of the file
    changed.save()
    count = Synonym.objects.count()

    call_command("load_vocabulary")
    # The narrowed group is the editor's now: the file's wording comes back beside it.
    assert Synonym.objects.count() == count + 1
    call_command("load_vocabulary")
    assert Synonym.objects.count() == count + 1
    assert "de: 0 groups added" in capsys.readouterr().out
    own.refresh_from_db()
    changed.refresh_from_db()
    assert own.terms == "Zwölffingerdarm, Dünndarmanfang"
    assert changed.terms == "Kassenwart, Schatzmeister"


@pytest.mark.django_db
def test_removing_the_vocabulary_leaves_only_the_editors_groups():
    own = Synonym.objects.create(language="ar", terms="جمعية, نادي")
    vocabulary_data.unload(Synonym)
    assert Synonym.objects.filter(pk=own.pk).exists()
    assert Synonym.objects.count() == 11  # the ten first groups (0002) and the editor's
    assert vocabulary_data.load(Synonym)["ar"] == len(vocabulary_data.read_groups("ar"))


@pytest.mark.django_db
def test_check_only_reads_the_files(capsys):
    Synonym.objects.all().delete()
    call_command("load_vocabulary", "--check")
    assert "no problems" in capsys.readouterr().out
    assert not Synonym.objects.exists()


def known(text: str) -> Vocabulary:
    """The index's words for these tests: the real class, fed with a few texts' words."""
    return Vocabulary(Counter(words(text)))


@pytest.mark.django_db
@pytest.mark.parametrize("language, word, german", [
    ("ar", "جمعية", "verein"),
    ("ar", "تبرع", "spende"),
    ("ru", "устав", "satzung"),
    ("ru", "казначей", "schatzmeister"),
    ("uk", "статут", "satzung"),
    ("tr", "dernek", "verein"),
    ("fa", "اساسنامه", "satzung"),
    ("en", "treasurer", "kassenwart"),
])
def test_a_word_in_the_readers_language_reaches_the_german_term(language, word, german):
    index = known(f"{word} Verein Satzung Spende Kassenwart Schatzmeister")
    alternatives = expand(word, language, index).groups[0]
    assert german in alternatives


@pytest.mark.django_db
def test_an_everyday_german_word_expands_to_the_official_terms():
    index = known("Kassierer Schatzmeister Kassenwart Abrechnung Verwendungsnachweis "
                  "Spendenquittung Zuwendungsbestätigung")
    assert {"schatzmeister", "kassenwart"} <= set(expand("Kassierer", "de", index).groups[0])
    assert "verwendungsnachweis" in expand("Abrechnung", "de", index).groups[0]


def test_everyday_words_find_the_guide_with_the_official_terms(engine, guide):
    guide.title = "Die Zuwendungsbestätigung und der Verwendungsnachweis"
    guide.summary = "Was die Schatzmeisterin ausstellt und einreicht."
    guide.save_revision().publish()
    vocabulary.reset()
    reindex(engine)
    for question in ["Spendenquittung", "Spendenbestätigung", "Kassiererin Abrechnung"]:
        assert ("guide", "test-guide") in slugs(ask(engine, question)), question
