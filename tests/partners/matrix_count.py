"""Counts the permission-matrix cells that ran, for the summary pytest prints at the end."""

CELLS = []  # (action, role, outcome, expected)


def record(action, role, outcome, expected):
    CELLS.append((action, role, outcome, expected))


def summary() -> str | None:
    if not CELLS:
        return None
    escalations = sum(1 for _a, _r, outcome, expected in CELLS if outcome and not expected)
    denials = sum(1 for _a, _r, outcome, expected in CELLS if expected and not outcome)
    actions = len({action for action, *_ in CELLS})
    return (f"permission matrix: {len(CELLS)} cells asserted ({actions} actions x roles), "
            f"{escalations} escalations, {denials} wrongly refused")
