"""The vocabulary and the cross-language dictionary hold some 400,000 Python objects for an
hour or more. Python's full garbage collection walks every tracked object: 180 ms at 20,000
pages, in the middle of some reader's search, every few hundred searches
(benchmarks/RESULTS.md, "Garbage collection"). Once they are built, everything alive is moved
out of the collector's way (gc.freeze). Frozen objects are still freed by reference counting
when a rebuild replaces them; the previous freeze is undone first, so what became cyclic
garbage since is collected once per build rather than never."""

import gc

from django.conf import settings


def settle() -> None:
    if not getattr(settings, "SEARCH_FREEZE_BUILT_OBJECTS", True):
        return
    gc.unfreeze()
    gc.collect()
    gc.freeze()
