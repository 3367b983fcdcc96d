"""The customer segment a text names: SMB, mid-market, enterprise, strategic."""

from __future__ import annotations

import re
from functools import lru_cache

_SEGMENT_RE = re.compile(
    r"(?P<strategic>\b(?:strategic|key)[\s-]+(?:(?:enterprise|global|named|national|customer"
    r"|client)\s+)?(?:accounts?|clients?|customers?|partners?|relationships?)\b|\bKAM\b)"
    # "enterprise tier/plan/software" names a product, not a customer segment.
    r"|(?P<enterprise>\b(?:large[\s-]+)?enterprises?\b(?![\s-]+(?:tier|plan|edition|licen[cs]e"
    r"|software|saas|grade|level|version|package|product|suite|sku|add-on|features?)\b)"
    r"|\bFortune[\s-]+(?:50|100|500|1,?000)\b|\bF(?:50|100|500|1000)\b"
    r"|\bGlobal[\s-]+(?:2,?000|1,?000)\b|\bG2(?:000|K)\b)"
    r"|(?P<smb>\bSMBs?\b|\bSMEs?\b"
    r"|\bsmall[\s-]+(?:and|&)[\s-]+(?:mid|medium)[\s-]*(?:sized?[\s-]+)?business(?:es)?\b"
    r"|\bsmall[\s-]+business(?:es)?\b|\bsmall[\s-]+(?:companies|customers|clients)\b)"
    r"|(?P<mid>\bmid[\s-]?market\b|\bmid[\s-]?sized?[\s-]+(?:companies|businesses|customers"
    r"|clients|accounts|organi[sz]ations)\b)",
    re.IGNORECASE,
)
_SEGMENT_NAMES = {"strategic": "strategic", "enterprise": "enterprise", "smb": "smb"}
_SEGMENT_NAMES["mid"] = "mid-market"


@lru_cache(maxsize=512)
def segment_of(text: str) -> str:
    """The segment a text names: "smb", "mid-market", "enterprise", "strategic" or "".

    "Strategic/key accounts" (and KAM) are "strategic"; "Fortune 500",
    "Global 2000" and "enterprise" are "enterprise"; "SMB", "SME" and "small
    business" are "smb"; "mid-market" and "mid-sized companies" are
    "mid-market". When a text names several, the most frequent wins, ties
    going to the one named first.
    """
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in _SEGMENT_RE.finditer(text):
        name = _SEGMENT_NAMES[m.lastgroup or ""]
        counts[name] = counts.get(name, 0) + 1
        first.setdefault(name, m.start())
    if not counts:
        return ""
    return min(counts, key=lambda s: (-counts[s], first[s]))
