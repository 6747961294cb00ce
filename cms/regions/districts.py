"""The shipped data file data/districts.csv (see data/README.md), read and checked."""

import csv
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "districts.csv"

# Land key (first two digits of every Kreisschlüssel) -> the Land's region code.
LAND_CODES = {
    "01": "schleswig-holstein", "02": "hamburg", "03": "niedersachsen", "04": "bremen",
    "05": "nordrhein-westfalen", "06": "hessen", "07": "rheinland-pfalz",
    "08": "baden-wuerttemberg", "09": "bayern", "10": "saarland", "11": "berlin",
    "12": "brandenburg", "13": "mecklenburg-vorpommern", "14": "sachsen",
    "15": "sachsen-anhalt", "16": "thueringen",
}
LAND_KEYS = {code: key for key, code in LAND_CODES.items()}
KINDS = frozenset({"Landkreis", "Kreis", "Regionalverband", "Kreisfreie Stadt", "Stadtkreis"})


@dataclass(frozen=True)
class District:
    key: str  # Kreisschlüssel, 5 digits
    name: str  # "Leipzig"
    official_name: str  # "Leipzig, Stadt"
    kind: str  # as Destatis says: Landkreis, Kreis, Kreisfreie Stadt, Stadtkreis, …
    land: str  # 2 digits

    @property
    def is_whole_land(self) -> bool:
        """Berlin (11000) and Hamburg (02000) are a Land and a Kreis in one."""
        return self.key.endswith("000")


def read_districts(path: Path = DATA_FILE) -> list[District]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [District(**row) for row in rows]


def display_names(districts: list[District]) -> dict[str, str]:
    """{key: the name readers see}: the name, or "Landkreis Leipzig" where a Landkreis
    shares its name with a kreisfreie Stadt."""
    cities = {d.name for d in districts if d.kind in ("Kreisfreie Stadt", "Stadtkreis")}
    return {d.key: f"{d.kind} {d.name}" if d.name in cities and d.kind not in (
        "Kreisfreie Stadt", "Stadtkreis") else d.name for d in districts}
