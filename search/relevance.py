"""Measure search quality on a set of queries with known right answers: MRR and recall@5."""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.utils import translation

from . import understanding
from .engines.base import SearchQuery
from .understanding import understood_query

DEPTH = 10  # results looked at for the reciprocal rank


@dataclass
class Judged:
    query: str
    language: str
    kind: str
    expected: list[str]
    rank: int | None  # 1-based rank of the first right answer within DEPTH, or None
    top: str  # what came first


@dataclass
class Report:
    judged: list[Judged]

    @property
    def mrr(self) -> float:
        return sum(1 / j.rank for j in self.judged if j.rank) / len(self.judged)

    @property
    def recall_at_5(self) -> float:
        return sum(1 for j in self.judged if j.rank and j.rank <= 5) / len(self.judged)

    def by(self, attribute: str) -> dict[str, "Report"]:
        """One report per kind (or language), for the figures per kind."""
        groups: dict[str, list[Judged]] = {}
        for j in self.judged:
            groups.setdefault(getattr(j, attribute), []).append(j)
        return {key: Report(judged) for key, judged in sorted(groups.items())}


def load(path: Path) -> list[dict]:
    cases = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(cases, list) or not all("q" in c and "expect" in c for c in cases):
        raise ValueError(f"{path}: expected a list of entries with 'q' and 'expect'.")
    return cases


def evaluate(cases: list[dict]) -> Report:
    judged = []
    for case in cases:
        language = case.get("lang", "de")
        expected = case["expect"] if isinstance(case["expect"], list) else [case["expect"]]
        with translation.override(language):
            # As the search page asks: words that name a filter are read as one.
            query, understood = understood_query(SearchQuery(
                text=case["q"], locale=language, limit=DEPTH,
                include_hidden=bool(case.get("past"))))
            results = understanding.search(query, understood)
        found = [f"{h.type}/{h.slug}" for h in results.hits]
        rank = next((i for i, key in enumerate(found, 1) if key in expected), None)
        judged.append(Judged(case["q"], language, case.get("kind", ""), expected, rank,
                             found[0] if found else "—"))
    return Report(judged)
