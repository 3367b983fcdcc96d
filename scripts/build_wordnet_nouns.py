#!/usr/bin/env python3
"""Build data/person_nouns.txt and data/place_names.txt from WordNet 3.0's nouns.

A posting-specific term a person could add to a resume names a thing they
know or did; two kinds of noun never are one:

* a noun for people ("supervisors", "caregivers", "agency managers",
  "external partners"): who the hire works with, not a skill
  (:func:`amfit.termrules.person_noun`);
* the name of a place ("Spain", "Berlin", "Texas"): where the job is
  (:func:`amfit.termrules.place_name`).

WordNet files every noun sense under a lexicographer file (``noun.person``,
``noun.location``, ``noun.artifact``, ...) and lists a word's senses most
frequent first; it also keeps the case of each sense's word form ("Java"
the island and the language, "java" the coffee). From those:

* a person noun is a lower-case lemma whose lower-case senses open on
  ``noun.person``, of which at least half are ``noun.person``, and none of
  which is an act, a group or an artifact: "supervisor" and "partner" are
  people, "referral" is also an act, "affiliate" also a group, "server"
  also a machine, so those stay;
* a place name is a capitalised lemma whose capitalised senses open on
  ``noun.location`` or ``noun.object`` (continents, rivers) and none of
  which is a language, an artifact or a person: "Spain", "Europe";
  "Java" (also a language) and "Amazon" (also a person first) stay. To
  these come the one-word country names of ISO 3166 and the city of each
  IANA time zone ("Europe/Berlin": "Berlin", a city WordNet also knows as
  a person), as the time-zone database lists them (``iso3166.tab`` and
  Python's ``zoneinfo``), unless the city is one of the 10,000 commonest
  words (data/common_words.tsv: "Central", "Mountain").

The source is the WordNet 3.0 database as Debian's ``wordnet-base``
package installs it (``apt-get install wordnet-base``: index.noun,
data.noun under /usr/share/wordnet). It is not a dependency: install it
only to rebuild these files. Only lemmas of letters are kept; the output
is sorted, so the same database always gives the same files, and each
header carries WordNet's licence notice, which the licence asks every copy
to carry.

    python scripts/build_wordnet_nouns.py [--wordnet /usr/share/wordnet] [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEOPLE_OUT = ROOT / "data" / "person_nouns.txt"
PLACES_OUT = ROOT / "data" / "place_names.txt"
WORDNET = Path("/usr/share/wordnet")
COPYRIGHT = Path("/usr/share/doc/wordnet-base/copyright")
ISO3166 = Path("/usr/share/zoneinfo/iso3166.tab")
#: The areas of IANA zone names whose second part is a city or an island.
ZONE_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
#: WordNet's lexicographer file numbers (lexnames(5WN)) that the rules read.
PERSON, LOCATION, OBJECT = 18, 15, 17
ACT, GROUP, ARTIFACT, COMMUNICATION = 4, 14, 6, 10


def senses(wordnet: Path) -> dict[str, list[tuple[int, bool]]]:
    """Each noun lemma's senses, most frequent first: (lexicographer file,
    is the sense's word form capitalised)."""
    synsets: dict[str, tuple[int, list[str]]] = {}
    for line in (wordnet / "data.noun").read_text(encoding="latin-1").split("\n"):
        if not line or line.startswith("  "):
            continue
        parts = line.split(" ")
        count = int(parts[3], 16)
        synsets[parts[0]] = (int(parts[1]), [parts[4 + 2 * i] for i in range(count)])
    out: dict[str, list[tuple[int, bool]]] = {}
    for line in (wordnet / "index.noun").read_text(encoding="latin-1").split("\n"):
        if not line or line.startswith("  "):
            continue
        parts = line.split()
        lemma, pointers = parts[0], int(parts[3])
        rows = []
        for offset in parts[4 + pointers + 2 :]:
            lexfile, forms = synsets[offset]
            form = next((f for f in forms if f.split("(")[0].lower() == lemma), lemma)
            rows.append((lexfile, form[:1].isupper()))
        out[lemma] = rows
    return out


def person_nouns(table: dict[str, list[tuple[int, bool]]]) -> list[str]:
    words = []
    for lemma, rows in table.items():
        lower = [lexfile for lexfile, capital in rows if not capital]
        if not lemma.isalpha() or not lower or lower[0] != PERSON:
            continue
        if 2 * lower.count(PERSON) >= len(lower) and not {ACT, GROUP, ARTIFACT} & set(lower):
            words.append(lemma)
    return sorted(words)


def place_names(table: dict[str, list[tuple[int, bool]]]) -> list[str]:
    words = []
    for lemma, rows in table.items():
        upper = [lexfile for lexfile, capital in rows if capital]
        if not lemma.isalpha() or not upper or upper[0] not in (LOCATION, OBJECT):
            continue
        if not {COMMUNICATION, ARTIFACT, PERSON} & set(upper):
            words.append(lemma)
    return sorted(set(words) | zone_places())


def zone_places() -> set[str]:
    """One-word country names (ISO 3166) and time-zone cities, lower-case."""
    import zoneinfo

    lines = ISO3166.read_text(encoding="utf-8").split("\n")
    names = {ln.split("\t")[1] for ln in lines if ln and not ln.startswith("#")}
    for zone in zoneinfo.available_timezones():
        parts = zone.split("/")
        if len(parts) >= 2 and parts[0] in ZONE_AREAS:
            names.add(parts[-1])
    common = {
        ln.split("\t", 1)[0]
        for ln in (ROOT / "data" / "common_words.tsv").read_text(encoding="utf-8").split("\n")
        if ln and not ln.startswith("#")
    }
    return {n.lower() for n in names if n.isalpha() and not n.isupper() and n.lower() not in common}


def notice() -> list[str]:
    """WordNet's licence text, from the Debian package's copyright file."""
    lines = COPYRIGHT.read_text(encoding="utf-8").split("\n")
    start = lines.index("License: WordNet3.0") + 1
    body = []
    for line in lines[start:]:
        if not line.startswith(" "):
            break
        text = line[1:].rstrip()
        body.append("#" if text == "." else f"#   {text}")
    return ["#   WordNet Release 3.0", "#", *body]


def render(title: str, rule: str, words: list[str]) -> str:
    header = [
        f"# {title}",
        "# Built by scripts/build_wordnet_nouns.py from WordNet 3.0 (Debian's wordnet-base:",
        f"# index.noun, data.noun); {rule}; lower-case lemmas, one a line.",
        "# WordNet's licence notice, which every copy carries:",
        *notice(),
    ]
    return "\n".join(header + words) + "\n"


def build(wordnet: Path) -> tuple[str, str]:
    table = senses(wordnet)
    people = render(
        "Nouns for people: who a hire works with, never a skill.",
        "first sense noun.person, half of them, no act/group/artifact",
        person_nouns(table),
    )
    places = render(
        "Names of places: where a job is, never a skill.",
        "capitalised senses open on noun.location/object, none a language/artifact/person;"
        " and ISO 3166 countries, IANA time-zone cities (iso3166.tab, zoneinfo)",
        place_names(table),
    )
    return people, places


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", default=str(WORDNET), help="folder of index.noun, data.noun")
    parser.add_argument("--check", action="store_true", help="exit 1 when a file is stale")
    args = parser.parse_args()
    if not (Path(args.wordnet) / "index.noun").is_file() or not COPYRIGHT.is_file():
        print("WordNet is missing: apt-get install wordnet-base", file=sys.stderr)
        return 2
    if not ISO3166.is_file():
        print(f"{ISO3166} is missing: apt-get install tzdata", file=sys.stderr)
        return 2
    people, places = build(Path(args.wordnet))
    outputs = ((PEOPLE_OUT, people), (PLACES_OUT, places))
    if args.check:
        stale = [o for o, t in outputs if not o.is_file() or o.read_text(encoding="utf-8") != t]
        for out in stale:
            print(f"{out} is stale: run python scripts/build_wordnet_nouns.py", file=sys.stderr)
        return 1 if stale else 0
    for out, body in outputs:
        out.write_text(body, encoding="utf-8")
        words = sum(1 for line in body.splitlines() if not line.startswith("#"))
        print(f"wrote {out} ({words} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
