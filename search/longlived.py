"""The vocabulary, the cross-language dictionary and the lemma tables live for an hour or more;
a search process at 20,000 pages tracks some 447,000 Python objects. Python's full garbage
collection walks every one: 180-200 ms, in the middle of some reader's search, every few
hundred searches (benchmarks/RESULTS.md, "Garbage collection and per-search overheads").
Once they are built, everything alive is moved out of the collector's way (gc.freeze).
Frozen objects are still freed by reference counting when a rebuild replaces them; the
previous freeze is undone first, so what became cyclic garbage since is collected once per
build rather than never."""

import gc

from django.conf import settings


def settle() -> None:
    if not getattr(settings, "SEARCH_FREEZE_BUILT_OBJECTS", True):
        return
    gc.unfreeze()
    gc.collect()
    gc.freeze()
