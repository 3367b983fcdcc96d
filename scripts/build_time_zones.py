#!/usr/bin/env python3
"""Build data/time_zones.txt: time-zone abbreviations ("UTC", "CET", "PST").

Remote job ads name the hours they work in ("overlap with UTC", "core
hours 9-5 EST"); a time zone is when the job is done, never a skill, yet
as a rare capitalised word it scores high as a posting-specific term (see
:func:`amfit.termrules.time_zone`).

The source is the IANA time-zone database as Python's ``zoneinfo`` reads
it (the system's copy, or the ``tzdata`` package): the alphabetic
abbreviation of every zone in January and in July of a fixed year, plus
the season-free names ads write for a zone with both an XST and an XDT
("ET", "PT" for EST / EDT, PST / PDT) unless that name is one of the 1,000
most frequent words of data/common_words.tsv ("IT", "ACT").
Abbreviations that are offsets ("+03") are left out. The file is sorted,
so the same database always gives the same file; a database of another
release may add or drop an abbreviation.

    python scripts/build_time_zones.py [--check]
"""

from __future__ import annotations

import datetime
import sys
import zoneinfo
from pathlib import Path

from build_taxonomy_keys import write_or_check

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "time_zones.txt"
#: The year whose January and July abbreviations are read.
YEAR = 2024
#: A season-free name among this many most frequent words is left out.
EVERYDAY = 1_000


def abbreviations() -> list[str]:
    names: set[str] = set()
    for zone in sorted(zoneinfo.available_timezones()):
        tz = zoneinfo.ZoneInfo(zone)
        for month in (1, 7):
            name = datetime.datetime(YEAR, month, 15, 12, tzinfo=tz).tzname()
            if name and name.isalpha() and name.isascii():
                names.add(name)
    # "ET" for EST / EDT, "PT" for PST / PDT: the name without the season,
    # for a zone that has both; not when it spells an everyday word ("IT" of
    # IST / IDT, "ACT" of ACST / ACDT: one of the 1,000 most frequent English
    # words), which an ad means as that word.
    common = set(words(ROOT / "data" / "common_words.tsv")[:EVERYDAY])
    for name in list(names):
        if name.isupper() and name.endswith("ST") and name[:-2] + "DT" in names:
            season_free = name[:-2] + "T"
            if season_free.lower() not in common:
                names.add(season_free)
    return sorted(names)


def words(path: Path) -> list[str]:
    """The first column of a data word list."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return [ln.split("\t", 1)[0] for ln in lines if ln and not ln.startswith("#")]


def build() -> str:
    header = [
        "# Time-zone abbreviations, one per line (a time zone is no skill).",
        "# Built by scripts/build_time_zones.py from the IANA time-zone database",
        f"# (Python's zoneinfo): each zone's abbreviation in January and July {YEAR},",
        "# and XT for each XST / XDT pair unless XT is among the 1,000 commonest words.",
    ]
    return "\n".join(header + abbreviations()) + "\n"


def main() -> int:
    text = build()
    zones = text.count("\n") - 4
    return write_or_check(__doc__, OUT, text, "scripts/build_time_zones.py", f"{zones} zones")


if __name__ == "__main__":
    sys.exit(main())
