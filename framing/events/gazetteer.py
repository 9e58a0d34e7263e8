"""A gazetteer of Arabic place names, matched in normalised text like codebook cues.

The packaged ``places-ar`` gazetteer (``framing/data/gazetteer/places-ar.yaml``) covers Libya,
Egypt and the region. A researcher can pass their own file with the same layout::

    places:
      benghazi: {name: بنغازي, kind: city, country: LY, variants: [بنغازي]}

>>> gaz = load_gazetteer()
>>> gaz.find("وصل الوفد إلى بنغازي قادما من القاهرة")
['benghazi', 'cairo']
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from ..codebook.yamlsrc import load_yaml
from ..errors import FramingError
from ..text.match import Cue, CueMatcher, Entry, longest_per_group
from ..text.normalize import normalize

DEFAULT_GAZETTEER = "places-ar"
PLACE_COLUMNS = ["place", "name", "kind", "country", "variants"]


def _packaged(name):
    return resources.files("framing") / "data" / "gazetteer" / f"{name}.yaml"


def _resolve(source):
    if source is None:
        source = DEFAULT_GAZETTEER
    path = Path(source)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.exists():
            raise FramingError("no such gazetteer file", path=path,
                               fix=f"give a YAML file, or leave it out for {DEFAULT_GAZETTEER}")
        return path
    packaged = _packaged(str(source))
    if not packaged.is_file():
        raise FramingError(f"unknown gazetteer '{source}'",
                           fix=f"give a YAML file path or the packaged name '{DEFAULT_GAZETTEER}'")
    return Path(str(packaged))


def _error(path, line, key, message, fix):
    return FramingError(message, path=path, line=line, key=key, fix=fix)


def _parse(tree, path):
    places = tree.get("places") if isinstance(tree, dict) else None
    if not isinstance(places, dict) or not places:
        raise _error(path, getattr(tree, "line", None), "places", "has no `places:` mapping",
                     "list the places under `places:` as `id: {name: ..., variants: [...]}`")
    rows = []
    for pid, spec in places.items():
        line = places.lines.get(pid)
        if not isinstance(spec, dict):
            raise _error(path, line, f"places.{pid}", "must be a mapping",
                         "write `id: {name: اسم, variants: [اسم]}`")
        variants = spec.get("variants", [spec.get("name")])
        if isinstance(variants, str):
            variants = [variants]
        if (not isinstance(variants, list) or not variants
                or not all(isinstance(v, str) and v.strip() for v in variants)):
            raise _error(path, line, f"places.{pid}.variants", "needs a list of non-empty names",
                         "write `variants: [بنغازي, بنغازى]`")
        rows.append({"place": str(pid), "name": str(spec.get("name") or variants[0]),
                     "kind": str(spec.get("kind") or ""), "country": str(spec.get("country") or ""),
                     "variants": tuple(v.strip() for v in variants)})
    return pd.DataFrame(rows, columns=PLACE_COLUMNS)


@dataclass
class Gazetteer:
    """Places and a matcher over their variants.

    Attributes
    ----------
    places : pandas.DataFrame
        One row per place: ``place`` (id), ``name``, ``kind``, ``country``, ``variants``.
    path : str
        The file it was read from.
    """

    places: pd.DataFrame
    path: str

    def __post_init__(self):
        entries = []
        for pid, variants in zip(self.places["place"], self.places["variants"]):
            entries += [Entry("place", pid, Cue.from_text(v)) for v in variants]
        self._matcher = CueMatcher(entries)

    def find(self, text, normalized=False):
        """Ids of the places named in ``text``, in order of first mention, each once.

        A name inside a longer name counts once, as the longer one (``الدار البيضاء`` is
        Casablanca, not also the Libyan البيضاء).
        """
        norm = text if normalized else normalize(text or "")
        hits = longest_per_group(self._matcher.find(norm))
        seen = []
        for h in hits:
            if h.entry.payload not in seen:
                seen.append(h.entry.payload)
        return seen


def load_gazetteer(source=None):
    """Read a gazetteer.

    Parameters
    ----------
    source : str or path, optional
        A YAML file, or the name of a packaged gazetteer; default ``places-ar``.

    Returns
    -------
    Gazetteer

    Raises
    ------
    framing.errors.FramingError
        The file is missing or malformed (the message names the file and line).
    """
    path = _resolve(source)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FramingError(f"cannot read the gazetteer ({exc.__class__.__name__})", path=path,
                           fix="give a UTF-8 YAML file") from None
    if not text.strip():
        raise FramingError("the gazetteer is empty", path=path,
                           fix="start from the packaged framing/data/gazetteer/places-ar.yaml")
    return Gazetteer(_parse(load_yaml(text, str(path)), str(path)), str(path))
