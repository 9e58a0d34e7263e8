"""Save and load fitted models: a joblib file plus a JSON sidecar that vouches for it.

Security: a joblib (pickle) file can run any code when it is loaded. Load only model files you
made yourself or received from someone you trust. The sidecar's SHA-256 check catches a corrupted,
swapped or foreign file; it does not make an untrusted file safe, since whoever can replace the
model can also rewrite its sidecar.

The sidecar (``MODEL.json`` beside ``MODEL.joblib``) records the format, the toolkit and library
versions, the label set, a hash of the training data and the SHA-256 of the joblib file.
"""

from __future__ import annotations

import hashlib
import json
import platform
import warnings
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import scipy
import sklearn

from .. import __version__
from ..errors import FramingError, ModelVersionWarning
from ..io import atomic_path, write_json

FORMAT = "framing-model/1"
TRUST_NOTE = ("joblib/pickle files can run code when loaded: load only model files you made "
              "yourself or got from someone you trust")


def sidecar_path(path):
    """The JSON sidecar of a model file: ``model.joblib`` -> ``model.json``."""
    return Path(path).with_suffix(".json")


def file_sha256(path):
    """SHA-256 (hex) of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
    return {"framing": __version__, "scikit-learn": sklearn.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__, "pandas": pd.__version__, "joblib": joblib.__version__,
            "python": platform.python_version()}


def save_model(model, path, *, labels, training_hash, info=None):
    """Write a fitted model (joblib) and its sidecar (JSON), both atomically.

    Parameters
    ----------
    model : fitted estimator
    path : str or os.PathLike
        The joblib file, e.g. ``models/persuasion.joblib``; the sidecar goes to ``.json`` beside it.
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
    """
    path = Path(path)
    if path.suffix == ".json":
        raise FramingError("the model file cannot end in .json (that name is its sidecar's)",
                           path=path, fix="name it e.g. model.joblib")
    with atomic_path(path) as tmp:
        joblib.dump(model, tmp)
        sha = file_sha256(tmp)
    meta = {
        **(info or {}),
        "format": FORMAT,
        "model_file": path.name,
        "sha256": sha,
        "labels": [str(label) for label in labels],
        "training_data_sha256": training_hash,
        "versions": _versions(),
        "note": TRUST_NOTE,
    }
    write_json(sidecar_path(path), meta)
    return meta


def load_model(path):
    """Load a model saved by :func:`save_model`, after checking it against its sidecar.

    Only load files you trust: joblib/pickle can run code when loaded. The check refuses a file
    without a framing sidecar, or whose SHA-256 differs from the one recorded when it was saved.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    model : estimator
    info : dict
        The sidecar (labels, versions, training data hash, ...).

    Raises
    ------
    FramingError
        Missing or foreign sidecar, or a hash mismatch.
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
    except json.JSONDecodeError as exc:
        raise FramingError(f"sidecar is not valid JSON ({exc.msg})", path=side,
                           line=exc.lineno) from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise FramingError(f"sidecar is not a {FORMAT} record; refusing to load the model", path=side)
    if file_sha256(path) != meta.get("sha256"):
        raise FramingError(
            f"SHA-256 of the model file does not match its sidecar: the file was changed or comes "
            f"from elsewhere; refusing to load it ({TRUST_NOTE})", path=path,
            fix="retrain the model or restore the original file")
    saved = meta.get("versions", {}).get("scikit-learn")
    if saved != sklearn.__version__:
        warnings.warn(f"{path.name} was saved with scikit-learn {saved} and is loaded with "
                      f"{sklearn.__version__}; predictions may differ or fail",
                      ModelVersionWarning, stacklevel=2)
    return joblib.load(path), meta
