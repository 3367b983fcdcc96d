"""Number tokens: every number of a text as written, for the check that a
rewrite never adds one."""

from __future__ import annotations

import re

#: A number token: a word of letters then digits ("FY24", "Q3", "H1", "B2B",
#: "FY'24"), or a run that starts with a digit, optionally after one currency
#: sign, holds digits, commas and dots, ends in a digit and keeps the letters
#: and the percent sign glued to it ("$6.2M", "$1,250,000", "97%", "3x",
#: "2nd", "24x7"). Signs, "+", spaces and hyphens end a token, so "40%+" is
#: "40%", "20-30%" is "20" and "30%", "24/7" is "24" and "7". Number words
#: ("twelve", "a dozen") are not tokens.
_NUMBER_TOKEN_RE = re.compile(
    r"(?<![A-Za-z0-9_])[A-Za-z]+'?[0-9][A-Za-z0-9]*"
    r"|[$€£][0-9](?:[0-9,.]*[0-9])?(?:[A-Za-z][A-Za-z0-9]*)?%?"
    r"|(?<![A-Za-z0-9_$€£.,])[0-9](?:[0-9,.]*[0-9])?(?:[A-Za-z][A-Za-z0-9]*)?%?"
)


def numbers_in(text: str) -> tuple[str, ...]:
    """The number tokens of ``text`` as written, in order (duplicates kept).

    A token is a maximal run ``[$€£]?[0-9][0-9,.]*[0-9]`` with the letters and
    ``%`` glued to its end ("$6.2M", "97%", "3x", "1,250,000"), or a word of
    letters followed by digits ("FY24", "Q3", "H1"). Trailing punctuation is
    not part of a token ("2019." -> "2019"); a hyphen or slash splits one
    ("20-30%" -> "20", "30%"). Spelled-out numbers are not tokens, so a
    rewrite that turns "a dozen accounts" into "12 accounts" adds the token
    "12". Only ASCII digits count.
    """
    return tuple(m.group() for m in _NUMBER_TOKEN_RE.finditer(text))
