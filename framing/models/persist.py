"""Save and load fitted models: a skops file, which cannot run code when loaded, plus a JSON
sidecar that vouches for it.

Security: models are saved with skops (``skops.io``), a format made for scikit-learn that
stores arrays and parameters, not code. Loading checks every type the file names against
:data:`TRUSTED_TYPES` -- an explicit list, never "trust all" -- and refuses any other. The
sidecar's SHA-256 check catches a corrupted, truncated, swapped or foreign file.

Models saved by older versions of framing are joblib (pickle) files (sidecar format
``framing-model/1``); a pickle can run any code when it is loaded, so they are loaded only with
``load_model(path, trust=True)`` (``framing predict --trust``), for files you made yourself or
got from someone you trust. Retraining gives a safe file.

The sidecar (``MODEL.json`` beside ``MODEL``) records the format, the toolkit and library
versions, the label set, a hash of the training data and the SHA-256 of the model file.
"""

from __future__ import annotations

import hashlib
import json
import platform
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import sklearn

from .. import __version__
from ..errors import FramingError, ModelVersionWarning
from ..io import atomic_path, file_sha256, write_json  # file_sha256: re-exported for callers

FORMAT = "framing-model/2"  # skops
PICKLE_FORMAT = "framing-model/1"  # joblib (pickle): older files, loaded only with trust=True
TRUST_NOTE = ("joblib/pickle files can run code when loaded: load only model files you made "
              "yourself or got from someone you trust")
#: Types outside skops' defaults that a framing model may hold; anything else is refused, when
#: saving (so that no model is written that could not be loaded safely) and when loading.
TRUSTED_TYPES = (
    "builtins.frozenset",
    "framing.models.classifiers.CalibrateIfEnough",
    "framing.models.classifiers.normalize_text",
    "framing.models.technique_model.TechniqueClassifier",
    "framing.models.topics.ArabicTokenizer",
    "framing.models.topics.TopicModel",
    "framing.features.featurizer.CodebookFeaturizer",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
)


def sidecar_path(path):
    """The JSON sidecar of a model file: ``model.skops`` -> ``model.json``."""
    return Path(path).with_suffix(".json")


def data_hash(texts, y):
    """SHA-256 of training texts and labels in a canonical form (order matters).

    Parameters
    ----------
    texts : sequence of str
    y : array-like
        Labels or indicator matrix.

    Returns
    -------
    str
    """
    payload = json.dumps([list(map(str, texts)), np.asarray(y).tolist()], ensure_ascii=False,
                         default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _versions():
    import skops

    return {"framing": __version__, "scikit-learn": sklearn.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__, "pandas": pd.__version__, "skops": skops.__version__,
            "python": platform.python_version()}


def _untrusted(path):
    """The types named in skops file ``path`` that are not on :data:`TRUSTED_TYPES`."""
    import zipfile

    import skops.io as sio

    try:
        named = sio.get_untrusted_types(file=path)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, json.JSONDecodeError) as exc:
        raise FramingError(f"is not a readable skops model file ({exc})", path=path,
                           fix="retrain the model, or restore the original file") from None
    return sorted(set(named) - set(TRUSTED_TYPES)), sorted(set(named) & set(TRUSTED_TYPES))


def save_model(model, path, *, labels, training_hash, info=None):
    """Write a fitted model (skops) and its sidecar (JSON), both atomically.

    Parameters
    ----------
    model : fitted estimator
    path : str or os.PathLike
        The model file, e.g. ``models/persuasion.skops`` (skops format whatever the suffix); the
        sidecar goes to ``.json`` beside it.
    labels : list of str
        The label set, in the model's column order.
    training_hash : str
        :func:`data_hash` of the training data.
    info : dict, optional
        More to record (task, level, text column, parameters, scores); must be JSON-serialisable.

    Returns
    -------
    dict
        The sidecar contents.

    Raises
    ------
    FramingError
        The model holds a type that is not on :data:`TRUSTED_TYPES` (it could not be loaded
        safely); nothing is written.
    """
    import skops.io as sio

    path = Path(path)
    if path.suffix == ".json":
        raise FramingError("the model file cannot end in .json (that name is its sidecar's)",
                           path=path, fix="name it e.g. model.skops")
    with atomic_path(path) as tmp:
        sio.dump(model, tmp)
        unknown, _ = _untrusted(tmp)
        if unknown:
            raise FramingError(
                f"the model holds {', '.join(unknown)}, which is not on the list of trusted "
                "types, so it could not be loaded safely; not saved", path=path,
                fix="add the type to framing.models.persist.TRUSTED_TYPES if it holds only data")
        sha = file_sha256(tmp)
    meta = {
        **(info or {}),
        "format": FORMAT,
        "serialization": "skops",
        "model_file": path.name,
        "sha256": sha,
        "labels": [str(label) for label in labels],
        "training_data_sha256": training_hash,
        "versions": _versions(),
        "note": "skops file: loaded with an explicit list of trusted types, no code runs",
    }
    write_json(sidecar_path(path), meta)
    return meta


def load_model(path, *, trust=False):
    """Load a model saved by :func:`save_model`, after checking it against its sidecar.

    The check refuses a file without a framing sidecar, or whose SHA-256 differs from the one
    recorded when it was saved. A skops file is loaded with :data:`TRUSTED_TYPES` only; an older
    joblib (pickle) file only with ``trust=True``, since a pickle can run code when loaded.

    Parameters
    ----------
    path : str or os.PathLike
    trust : bool, default False
        Load an older pickle-based model file (``framing predict --trust``). Only for files you
        made yourself or got from someone you trust.

    Returns
    -------
    model : estimator
    info : dict
        The sidecar (labels, versions, training data hash, ...).

    Raises
    ------
    FramingError
        Missing or foreign sidecar, a hash mismatch, an unreadable or truncated file, a type
        that is not trusted, or a pickle file without ``trust``.
    """
    path = Path(path)
    side = sidecar_path(path)
    if not path.is_file():
        raise FramingError("model file not found", path=path)
    if not side.is_file():
        raise FramingError(f"no sidecar {side.name} beside the model, so it was not saved by framing; "
                           f"refusing to load it ({TRUST_NOTE})", path=path)
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FramingError(f"sidecar is not valid JSON ({getattr(exc, 'msg', exc.reason)})",
                           path=side, line=getattr(exc, "lineno", None)) from None
    if not isinstance(meta, dict) or meta.get("format") not in (FORMAT, PICKLE_FORMAT):
        raise FramingError(f"sidecar is not a {FORMAT} record; refusing to load the model", path=side)
    if file_sha256(path) != meta.get("sha256"):
        raise FramingError(
            "SHA-256 of the model file does not match its sidecar: the file was changed, truncated "
            "or comes from elsewhere; refusing to load it", path=path,
            fix="retrain the model or restore the original file")
    saved = meta.get("versions", {}).get("scikit-learn")
    if saved != sklearn.__version__:
        warnings.warn(f"{path.name} was saved with scikit-learn {saved} and is loaded with "
                      f"{sklearn.__version__}; predictions may differ or fail",
                      ModelVersionWarning, stacklevel=2)
    if meta["format"] == PICKLE_FORMAT:
        if not trust:
            raise FramingError(
                "is a joblib (pickle) model of an older framing; a pickle can run any code when "
                f"loaded, so it is not loaded without trust ({TRUST_NOTE})", path=path,
                fix="retrain it to get a safe skops file, or, if you made it yourself, pass "
                    "--trust (load_model(path, trust=True))")
        import joblib

        return _guarded(path, joblib.load, path), meta
    import skops.io as sio

    unknown, trusted = _untrusted(path)
    if unknown:
        raise FramingError(f"names types that are not trusted ({', '.join(unknown)}); refusing "
                           "to load it", path=path,
                           fix="load only models saved by framing train / save_model")
    return _guarded(path, sio.load, path, trusted=trusted), meta


def _guarded(path, load, *args, **kwargs):
    """Call ``load``; a file that cannot be read back is one :class:`FramingError`."""
    import pickle
    import zipfile

    try:
        return load(*args, **kwargs)
    except (zipfile.BadZipFile, EOFError, pickle.UnpicklingError, KeyError, ValueError,
            TypeError, AttributeError, ImportError, json.JSONDecodeError) as exc:
        raise FramingError(f"cannot be read back as a model ({type(exc).__name__}: {exc})",
                           path=path, fix="retrain the model, or restore the original file") from None
