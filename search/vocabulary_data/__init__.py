"""The search vocabulary that comes with Wegweiser: one file of synonym groups per language
(<language>.txt here), loaded into the editors' synonyms (search.Synonym) by migration 0005
and by `manage.py load_vocabulary` after a file changed. Loading only adds groups: a group
already in the database (an editor's own, or one an editor changed) is never touched."""

import re
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
MAX_TERMS = 12  # a larger group floods the results with loosely related pages
_SPACES = re.compile(r"\s+")


def languages() -> list[str]:
    return sorted(path.stem for path in DATA_DIR.glob("*.txt"))


def _terms(line: str) -> list[str]:
    return [_SPACES.sub(" ", term).strip() for term in line.split(",")]


def read_lines(language: str) -> list[tuple[int, list[str]]]:
    """(line number, terms) for every group of a language's file, as written."""
    groups = []
    text = (DATA_DIR / f"{language}.txt").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            groups.append((number, _terms(line)))
    return groups


def read_groups(language: str) -> list[str]:
    """The groups of a language's file as search.Synonym stores them ("a, b, c")."""
    return [", ".join(terms) for _number, terms in read_lines(language)]


def key(terms) -> frozenset[str]:
    """A group's words, whatever their order, case, spacing and Arabic vowel marks (as the
    search compares them)."""
    from search.text import normalise

    return frozenset(_SPACES.sub(" ", normalise(t)).strip() for t in terms if t.strip())


def problems(language: str) -> list[str]:
    """What is wrong with a file: empty words, single-word groups, groups that are too large,
    a word twice in a group or in the file, a group twice."""
    found, seen_terms, seen_groups = [], {}, set()
    for number, terms in read_lines(language):
        where = f"{language}.txt:{number}"
        if any(not t for t in terms):
            found.append(f"{where}: an empty word (two commas, or a comma at the end)")
        if any("=>" in t for t in terms):
            found.append(f"{where}: '=>' is not allowed in a word")
        group = key(terms)
        if len(group) < len([t for t in terms if t]):
            found.append(f"{where}: a word twice in the group")
        if len(group) < 2:
            found.append(f"{where}: a group needs at least two different words")
        if len(group) > MAX_TERMS:
            found.append(f"{where}: {len(group)} words; at most {MAX_TERMS}")
        if group in seen_groups:
            found.append(f"{where}: the same group twice")
        seen_groups.add(group)
        for term in group:
            if term in seen_terms and seen_terms[term] != number:
                found.append(f"{where}: '{term}' is also in line {seen_terms[term]}")
            seen_terms.setdefault(term, number)
    return found


def load(synonym_model, only=None) -> dict[str, int]:
    """Add each file group that the database does not hold yet: a group counts as held when
    a group of the same language already has all its words (in any order or case).
    Returns {language: groups added}."""
    added = {}
    for language in only or languages():
        held = [key(s.terms.split(",")) for s in synonym_model.objects.filter(language=language)]
        new = []
        for terms in read_groups(language):
            group = key(terms.split(","))
            if not any(group <= existing for existing in held):
                new.append(synonym_model(language=language, terms=terms))
                held.append(group)
        for synonym in new:
            synonym.save()  # one by one: saving tells every process's synonym cache
        added[language] = len(new)
    return added


def unload(synonym_model, only=None) -> int:
    """Remove the groups exactly as the files have them (what `load` added)."""
    removed = 0
    for language in only or languages():
        removed += synonym_model.objects.filter(
            language=language, terms__in=read_groups(language)).delete()[0]
    return removed
