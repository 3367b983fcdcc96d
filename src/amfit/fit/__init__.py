"""Fit scoring: what a posting asks (asks), what the resume shows (evidence),
where a missing term would go (placement), the weights (weights), the
posting's kind of role (role), the lexicons that say a word is no skill
(termwords), and the
:class:`~amfit.fit.scorer.Scorer` tying them together (scorer).

Imports go one way: weights <- asks <- evidence <- placement <- scorer.
"""
