"""Regions down to the district: the Bund, the 16 Länder, the 400 Kreise (data/districts.csv)
and the municipalities editors add under a Kreis.

- `districts`: the shipped data file, read and checked.
- `names`: how people write names (lowercase ASCII) and the spellings each region answers to.
- `tree`: the regions in the database as one cached tree; `resolve()` turns what an author or
  a URL says (`14713`, `leipzig`, `landkreis-leipzig`, `bund`) into a region, or says why not
  and which regions were meant. The importer and the search parameters both use it.
- `sync`: makes the database rows from the data file (migration cms 0009 and `manage.py
  sync_regions`).
"""
