"""Count nouns: the noun phrase a count counts ("45 strategic accounts") and
the class of its head (account, renewal, expansion, generic, other)."""

from __future__ import annotations

import re

from .words import word_set

_ACCOUNT_HEADS = word_set(
    "account client customer logo institution company business organization organisation "
    "enterprise hospital system school district university college bank union firm agency "
    "retailer distributor dealer reseller partner carrier practice clinic store location site "
    "franchise advertiser merchant restaurant publisher municipality tenant brand property "
    "manufacturer supplier vendor insurer payer provider lab laboratory group network chain "
    "org household member-firm"
)
_RENEWAL_HEADS = word_set("renewal save rescue")
_EXPANSION_HEADS = word_set(
    "upsell up-sell cross-sell crosssell expansion add-on addon module seat license licence upgrade"
)
#: Heads whose measure comes from the clause ("8 deals worth $1.2M in upsell").
_GENERIC_HEADS = word_set(
    "deal contract opportunity point pt product line solution sku agreement order win "
    "percentage-point"
)
_OTHER_HEADS = word_set(
    "stakeholder executive exec sponsor decision-maker champion contact user qbr ebr region "
    "country market territory vertical segment rep manager hire person people employee report "
    "team project program implementation integration escalation ticket case call meeting "
    "workshop language state office workflow playbook service campaign event webinar rfp "
    "proposal initiative relationship dashboard training session instance workspace "
    "department division unit member leader director vp ceo cfo cio cto admin persona channel "
    "associate specialist engineer analyst trainee direct-report"
)
_ACRONYM_HEADS = {
    "AM": "other",
    "AE": "other",
    "CSM": "other",
    "SDR": "other",
    "BDR": "other",
    "KAM": "other",
    "QBR": "other",
    "EBR": "other",
    "SKU": "generic",
    "RFP": "other",
    "OEM": "account",
    "MSP": "account",
    "VAR": "account",
    "ISV": "account",
    "SI": "account",
    "SMB": "account",
    "SME": "account",
}
_HEAD_CLASS: dict[str, str] = {}
for _cls, _members in (
    ("other", _OTHER_HEADS),
    ("generic", _GENERIC_HEADS),
    ("expansion", _EXPANSION_HEADS),
    ("retention", _RENEWAL_HEADS),
    ("account", _ACCOUNT_HEADS),
):
    _HEAD_CLASS.update(dict.fromkeys(_members, _cls))
#: Words a head is a modifier of ("account managers", "customer success").
_COMPOUND_AFTER = word_set(
    "plan plans planning manager managers management team teams review reviews health "
    "strategy strategies executive executives director directors base list lists mapping "
    "map maps growth revenue owner owners success support service services experience "
    "relationship relationships lead leads portfolio book onboarding facing-teams"
)
STOP_WORDS = word_set(
    "a an the of to in on at by for with from and or but as per across into over under than "
    "that which who whom whose while within through via each every is was were are be been "
    "being has had have it its their our my his her this these those more less up down out "
    "so if then also not no all any both either some such same other own very too only "
    "including include includes like about around after before between during without "
    "toward towards onto upon among against versus vs worth totaling totalling generating "
    "representing valued i we they he she you me us them"
)
_TIME_UNITS = word_set(
    "year years yr yrs quarter quarters qtr qtrs month months mo mos week weeks wk wks day "
    "days hour hours hr hrs minute minutes"
)
_NOT_NOUNS = word_set(
    "times various numerous previous famous serious plus less unless thus this his its yes "
    "was has does goes makes takes gives gets keeps runs wins leads sells grows drives "
    "includes brings helps holds always perhaps towards afterwards across bonus status "
    "focus campus virus consensus minus gross bus"
)
_NOUN_TOKEN_RE = re.compile(
    r"[ \t]+(?:(?P<rank>(?:Fortune|Global|Forbes|Inc\.?|Russell|FTSE|S&P)[ \t]+[0-9][0-9,]*)"
    r"|(?P<w>[A-Za-z][A-Za-z0-9'&]*(?:-[A-Za-z0-9]+)*))"
)


_OF_DET = word_set("the those these my our their its his her")


def _singulars(word: str) -> list[str]:
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        out.append(word[:-2])
    if word.endswith("s") and len(word) > 2:
        out.append(word[:-1])
    if word.endswith("'s"):
        out.append(word[:-2])
    return out


def _head_class(token: str) -> str | None:
    for cand in _singulars(token):
        if cand in _ACRONYM_HEADS:
            return _ACRONYM_HEADS[cand]
    low = token.lower().rstrip("'")
    if low == "people":
        return "other"
    for cand in _singulars(low):
        if cand in _HEAD_CLASS:
            return _HEAD_CLASS[cand]
    return None


def _looks_plural(token: str) -> bool:
    if re.fullmatch(r"[A-Z]{2,}s", token):
        return True
    low = token.lower()
    return (
        bool(re.fullmatch(r"[a-z][a-z-]{2,}s", low))
        and low not in _NOT_NOUNS
        and not low.endswith(("ss", "us", "is", "ous", "ics"))
    )


def count_noun(text: str, pos: int, *, strict: bool) -> tuple[int, int, str] | None:
    """The counted noun phrase after ``pos``: (start, end, head class), or None.

    The phrase is up to four modifiers and a known head noun ("strategic
    accounts", "Fortune 100 institutions", "multi-year renewals"); a head
    followed by another head or a compound word is a modifier ("customer
    stakeholders", "account managers"). With ``strict`` false, a lone plural
    word right after the number also counts ("45 orgs"). A time unit ("3
    years") is never a count.
    """
    tokens: list[tuple[int, int, str, bool]] = []
    end = pos
    for _ in range(7):
        m = _NOUN_TOKEN_RE.match(text, end)
        if not m:
            break
        rank = bool(m.group("rank"))
        word = m.group("rank") or m.group("w")
        tokens.append((m.start("rank") if rank else m.start("w"), m.end(), word, rank))
        end = m.end()
    if (
        not strict
        and len(tokens) > 2
        and tokens[0][2].lower() == "of"
        and tokens[1][2].lower() in _OF_DET
    ):
        tokens = tokens[2:]  # "62 of those customers", "45 of our accounts"
    if not tokens:
        return None
    cls: str | None = None
    last = -1
    for i, (_, _, word, rank) in enumerate(tokens):
        if rank:
            if cls is not None:
                break
            continue
        low = word.lower()
        head = _head_class(word) if low not in STOP_WORDS else None
        if low in _TIME_UNITS:
            return None  # "five business days" is a duration
        if cls is None:
            if low in STOP_WORDS or i >= 5:
                break
            if head is not None:
                cls, last = head, i
            continue
        if head is not None:
            cls, last = head, i
        elif low in _COMPOUND_AFTER:
            cls, last = "other", i
        else:
            # A singular head before more words is a modifier ("2 customer
            # advisory boards"); the phrase then ends at the next plural word.
            prev = tokens[last][2]
            if not prev.lower().endswith("s") and low not in STOP_WORDS:
                for j in range(i, min(i + 2, len(tokens))):
                    word_j = tokens[j][2]
                    if word_j.lower() in STOP_WORDS or tokens[j][3]:
                        break
                    if _looks_plural(word_j):
                        cls, last = "other", j
                        break
            break
    if cls is not None:
        return tokens[0][0], tokens[last][1], cls
    first = tokens[0]
    if not strict and not first[3] and _looks_plural(first[2]):
        return first[0], first[1], "generic"
    return None
