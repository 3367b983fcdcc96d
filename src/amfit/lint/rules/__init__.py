"""The bullet rules, one class per rule, grouped by family:

* AM1xx book of business
* AM2xx retention
* AM3xx expansion
* AM4xx framing and language
* AM5xx role fit
* AM7xx cover letters

Importing this package registers every rule in :data:`amfit.lint.base.REGISTRY`.
"""

from . import book, expansion, framing, letter, retention, rolefit

__all__ = ["book", "expansion", "framing", "letter", "retention", "rolefit"]
