"""Validation: human annotations, inter-coder agreement, and the toolkit scored against coders.

- :mod:`~framing.validate.annotations` reads tidy CSV, Label Studio and doccano exports into one
  tidy table ``unit, coder, field, label``.
- :mod:`~framing.validate.agreement` computes Krippendorff's alpha (nominal, ordinal, interval),
  its bootstrap interval and percent agreement.
- :mod:`~framing.validate.labels` reads gold and predicted label tables.
- :mod:`~framing.validate.scoring` compares the toolkit's article labels with gold labels.
- :mod:`~framing.validate.fignews` reads the FIGNEWS-2024 multi-coder votes.
"""

from .agreement import (
    agreement,
    agreement_from_counts,
    alpha,
    alpha_from_counts,
    bootstrap_alpha,
    coincidence_alpha,
    coincidence_matrix,
    counts_from_matrix,
    percent_agreement,
)
from .annotations import (
    as_presence,
    read_annotations,
    read_doccano,
    read_label_studio,
    read_tidy_csv,
    reliability_matrix,
    value_counts,
    wide_to_tidy,
)
from .fignews import fignews_alpha, read_fignews
from .labels import read_labels
from .scoring import (
    ValidationReport,
    alpha_with_toolkit,
    compare_to_gold,
    confusion,
    error_kind,
    errors,
    evaluate,
    field_scores,
    label_scores,
    paired_labels,
)

__all__ = [
    "ValidationReport", "agreement", "agreement_from_counts", "alpha", "alpha_from_counts",
    "alpha_with_toolkit", "as_presence", "bootstrap_alpha", "coincidence_alpha",
    "coincidence_matrix", "compare_to_gold", "confusion", "counts_from_matrix", "error_kind",
    "errors", "evaluate", "field_scores", "fignews_alpha", "label_scores", "paired_labels",
    "percent_agreement", "read_annotations", "read_doccano", "read_fignews", "read_label_studio",
    "read_labels", "read_tidy_csv", "reliability_matrix", "value_counts", "wide_to_tidy",
]
