"""Models: supervised text classifiers, persuasion techniques, active learning and topics.

- :mod:`~framing.models.classifiers` builds the character n-gram classifier and the baselines.
- :mod:`~framing.models.evaluation` cross-validates them with folds grouped by article or outlet.
- :mod:`~framing.models.persist` saves and loads fitted models with a verified JSON sidecar.
- :mod:`~framing.models.persuasion` detects ArMPro persuasion techniques in paragraphs: the
  model (:mod:`~framing.models.technique_model`), its data (:mod:`~framing.models.persuasion_data`),
  its evidence (:mod:`~framing.models.evidence`) and its use on a corpus
  (:mod:`~framing.models.persuasion_analysis`).
- :mod:`~framing.models.active` suggests which texts to label next.
- :mod:`~framing.models.topics` fits NMF/LDA topics and ANTMN frame packages.
"""

from .active import export_for_annotation, informativeness, suggest_units
from .classifiers import (
    CalibrateIfEnough,
    char_ngram_features,
    is_multilabel,
    make_lexical_baseline,
    make_majority_baseline,
    make_text_classifier,
    predict_table,
)
from .evaluation import CVResult, compare_models, cross_validate_text, group_folds
from .evidence import technique_evidence
from .persist import data_hash, load_model, save_model
from .persuasion import (
    evaluate_persuasion,
    read_armpro,
    train_persuasion,
    train_technique_model,
)
from .persuasion_analysis import persuasion_table, techniques_by_outlet
from .technique_model import TechniqueClassifier
from .topics import TopicModel, frame_packages, topic_network

__all__ = [
    "CVResult", "CalibrateIfEnough", "TechniqueClassifier", "TopicModel", "char_ngram_features",
    "compare_models", "cross_validate_text", "data_hash", "evaluate_persuasion",
    "export_for_annotation", "frame_packages", "group_folds", "informativeness", "is_multilabel",
    "load_model", "make_lexical_baseline", "make_majority_baseline", "make_text_classifier",
    "persuasion_table", "predict_table", "read_armpro", "save_model", "suggest_units",
    "technique_evidence", "techniques_by_outlet", "topic_network", "train_persuasion",
    "train_technique_model",
]
