"""Fit scoring: what a posting asks (asks), what the resume shows (evidence),
where a missing term would go (placement), the weights (weights), and the
:class:`~amfit.fit.scorer.Scorer` tying them together (scorer).

Imports go one way: weights <- asks <- evidence <- placement <- scorer.
"""
