"""Placeholder until the editor-maintained synonyms model lands (the search service's work).

Each group is a list of words that mean the same to a reader.
"""

DEFAULT_GROUPS = [
    ["Zuschuss", "Zuwendung", "Förderung"],
    ["Spendenquittung", "Zuwendungsbestätigung"],
]


def synonym_groups(language: str) -> list[list[str]]:
    return [list(group) for group in DEFAULT_GROUPS]
