"""The region rows from the data file: Bund, Länder and the Kreise.

Idempotent, and it never deletes: a Kreis that left the file (a merger) keeps its row, so no
programme loses its region; the data file's README says how to record such a change.
Takes the Region model as an argument so the data migration can pass its historical one.
"""

from .districts import LAND_CODES, display_names, read_districts

NATIONWIDE = "bundesweit"


def sync_regions(Region) -> dict[str, int]:  # noqa: N803 (a model class)
    """Create or update the rows; {"created": n, "updated": n}."""
    counts = {"created": 0, "updated": 0}

    def put(code, **fields):
        row, created = Region.objects.get_or_create(code=code, defaults=fields)
        if created:
            counts["created"] += 1
        elif any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            row.save()
            counts["updated"] += 1
        return row

    bund = put(NATIONWIDE, level="bund", key="", name="Deutschland", kind="", parent=None)
    lands = {key: put(code, level="land", key=key, name="", kind="", parent=bund)
             for key, code in LAND_CODES.items()}
    districts = read_districts()
    names = display_names(districts)
    for district in districts:
        if district.is_whole_land:
            continue  # Berlin, Hamburg: the Land's row is the Kreis (tree.resolve)
        put(district.key, level="district", key=district.key, name=names[district.key],
            kind=district.kind, parent=lands[district.land])
    return counts
