"""Validation: human annotations, inter-coder agreement, and the toolkit scored against coders.

- :mod:`~framing.validate.annotations` reads tidy CSV, Label Studio and doccano exports into one
  tidy table ``unit, coder, field, label``.
- :mod:`~framing.validate.agreement` computes Krippendorff's alpha (nominal, ordinal, interval),
  its bootstrap interval and percent agreement.
- :mod:`~framing.validate.labels` reads gold and predicted label tables.
- :mod:`~framing.validate.scoring` compares the toolkit's article labels with gold labels.
- :mod:`~framing.validate.fignews` reads the FIGNEWS-2024 multi-coder votes.

The researcher's loop on a coded sample (:mod:`~framing.validate.sample`):

- :mod:`~framing.validate.diagnose` explains each error from the evidence, sentence by sentence;
- :mod:`~framing.validate.suggest` proposes cues from words typical of the articles coded 1;
- :mod:`~framing.validate.calibrate` chooses thresholds by cross-validation and writes a new
  codebook, re-deciding labels from the evidence tables (:mod:`~framing.validate.thresholds`).
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
from .calibrate import Calibration, calibrate
from .diagnose import diagnose, reason_counts
from .fignews import fignews_alpha, read_fignews
from .labels import read_labels
from .sample import coded_sample
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
from .suggest import suggest_cues
from .thresholds import cue_tables, relabel

__all__ = [
    "Calibration", "ValidationReport", "agreement", "agreement_from_counts", "alpha",
    "alpha_from_counts", "alpha_with_toolkit", "as_presence", "bootstrap_alpha", "calibrate",
    "coded_sample", "coincidence_alpha", "coincidence_matrix", "compare_to_gold", "confusion",
    "counts_from_matrix", "cue_tables", "diagnose", "error_kind", "errors", "evaluate",
    "field_scores", "fignews_alpha", "label_scores", "paired_labels", "percent_agreement",
    "read_annotations", "read_doccano", "read_fignews", "read_label_studio", "read_labels",
    "read_tidy_csv", "reason_counts", "relabel", "reliability_matrix", "suggest_cues",
    "value_counts", "wide_to_tidy",
]
