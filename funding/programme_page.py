"""What a programme's page shows beyond its fields: the deadline box at the top (how many days
are left, or when the next round is expected, or that the page is archived) and its body
split into the application checklist, the contact and the rest, so each is shown once where
the reader looks for it."""

import datetime
from dataclasses import dataclass

from .deadlines import deadline_state


@dataclass(frozen=True)
class DeadlineBox:
    state: str  # 'open', 'soon', 'rolling' or 'past' (funding.deadlines)
    deadline: datetime.date | None
    days_left: int | None  # 0 on the last day; None when rolling or passed
    next_round: datetime.date | None  # only when passed and the month is still to come

    @property
    def is_archived(self) -> bool:
        """Passed with no next round known: the page stays, as a record of the programme."""
        return self.state == "past" and self.next_round is None


def deadline_box(deadline, next_round, today: datetime.date) -> DeadlineBox:
    state = deadline_state(deadline, today)
    days_left = (deadline - today).days if state in ("open", "soon") else None
    # A next round whose month is over is stale information, not a round to wait for.
    upcoming = (next_round if state == "past" and next_round is not None
                and (next_round.year, next_round.month) >= (today.year, today.month) else None)
    return DeadlineBox(state, deadline, days_left, upcoming)


@dataclass(frozen=True)
class BodyParts:
    checklists: list
    contacts: list
    rest: list


def split_body(body) -> BodyParts:
    """The body's checklist and contact blocks, taken out of the flow of the text."""
    parts = BodyParts([], [], [])
    for block in body:
        {"checklist": parts.checklists, "contact": parts.contacts}.get(
            block.block_type, parts.rest).append(block)
    return parts
