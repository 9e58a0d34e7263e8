"""Per-field thresholds written into a copy of a codebook's YAML text, comments and layout kept.

The YAML is composed (not loaded) to learn where each entry sits; values are then replaced or
lines inserted in the text itself, so the new file reads like the old one, differs from it only
where a threshold changed, and keeps every comment. Only block mappings can be edited this way
(``topics:``, a topic, ``stances:``, a target and ``settings:`` written one key per line, as
``docs/codebook.md`` writes them).

Examples
--------
>>> text = "name: x\\nversion: '1'\\ntopics:\\n  t:\\n    cues: [a]\\n"
>>> print(with_thresholds(text, {"topic:t": {"min_weight": 1.5}}), end="")
name: x
version: '1'
topics:
  t:
    min_weight: 1.5
    cues: [a]
"""

from __future__ import annotations

import yaml

from .. import schema
from ..errors import CodebookError, ParameterError

#: Where a new key goes inside a field's entry: before its cue list.
_ANCHORS = {"topics": "cues", "stances": "target"}
#: The per-field keys this module writes, by section.
KEYS = {"topics": ("min_weight", "min_sentences"),
        "stances": ("threshold", "min_evidence", "window")}
CALIBRATION_HEADER = ("# Written by `framing calibrate`: the thresholds above were chosen by\n"
                      "# cross-validation on the coded sample recorded here; no cue changed.\n")


def format_value(value):
    """A threshold as YAML: integers as integers, other numbers with a decimal point."""
    if isinstance(value, bool):
        raise TypeError("a threshold is a number")
    if isinstance(value, int):
        return str(value)
    return repr(float(round(float(value), 4)) + 0.0)


def _compose(text, path):
    # libyaml composes a large codebook ~15x faster; both give the same character offsets
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise CodebookError(f"YAML syntax error: {exc}", path=path) from None
    if not isinstance(root, yaml.MappingNode):
        raise CodebookError("the top level must be a mapping", path=path)
    return root


def _entry(mapping, key):
    """``(key node, value node)`` of ``key`` in a mapping node, or ``(None, None)``."""
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None, None


def _block(node, where, path):
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        raise CodebookError(f"{where} is not written as a block mapping (one key per line), so "
                            "thresholds cannot be inserted into it", path=path,
                            fix=f"write {where} with one `key: value` per line")
    return node


class _Edits:
    """Text edits collected against the original offsets, applied back to front."""

    def __init__(self, text):
        self.text = text
        self.edits = []  # (start, end, order, replacement)

    def line_start(self, index):
        return self.text.rfind("\n", 0, index) + 1

    def line_end(self, index):
        end = self.text.find("\n", index)
        return len(self.text) if end < 0 else end + 1

    def add(self, start, end, new):
        self.edits.append((start, end, len(self.edits), new))

    def apply(self):
        out = self.text
        # back to front; of two insertions at one place, the one added first ends up first
        for start, end, _, new in sorted(self.edits, reverse=True):
            out = out[:start] + new + out[end:]
        return out


def _set_key(edits, mapping, key, value, anchor, where, path):
    """Set ``key: value`` in a block mapping node: replace the value, or insert a line."""
    _block(mapping, where, path)
    k, v = _entry(mapping, key)
    if v is not None:
        if not isinstance(v, yaml.ScalarNode):
            raise CodebookError(f"{where}.{key} is not a number", path=path,
                                line=v.start_mark.line + 1)
        edits.add(v.start_mark.index, v.end_mark.index, value)
        return
    before, _ = _entry(mapping, anchor) if anchor else (None, None)
    if before is None:
        before = mapping.value[0][0]
    start = edits.line_start(before.start_mark.index)
    indent = edits.text[start:before.start_mark.index]
    if indent.strip():
        raise CodebookError(f"cannot insert `{key}` into {where}", path=path,
                            line=before.start_mark.line + 1,
                            fix=f"start each key of {where} on its own line")
    edits.add(start, start, f"{indent}{key}: {value}\n")


def _set_setting(edits, root, key, value, path):
    k, settings = _entry(root, "settings")
    if settings is None or (isinstance(settings, yaml.ScalarNode) and not settings.value):
        # no settings block (or an empty one): a new block before the topics
        if settings is not None:
            start = edits.line_start(k.start_mark.index)
            edits.add(start, edits.line_end(k.start_mark.index), "")
        first, _ = _entry(root, "topics")
        start = edits.line_start(first.start_mark.index)
        edits.add(start, start, f"settings:\n  {key}: {value}\n\n")
        return
    _block(settings, "settings", path)
    _, v = _entry(settings, key)
    if v is not None:
        edits.add(v.start_mark.index, v.end_mark.index, value)
        return
    last_key, last = settings.value[-1]  # settings are scalars: a new line after the last one
    indent = edits.text[edits.line_start(last_key.start_mark.index):last_key.start_mark.index]
    end = edits.line_end(last.end_mark.index)
    edits.add(end, end, f"{indent}{key}: {value}\n")


def _set_record(edits, root, record):
    """Replace the top-level ``calibration:`` block, or append one at the end of the file."""
    block = yaml.safe_dump({"calibration": record}, allow_unicode=True, sort_keys=False,
                           default_flow_style=None, width=100)
    keys = [k for k, _ in root.value]
    k, _ = _entry(root, "calibration")
    if k is None:
        sep = "" if edits.text.endswith("\n") else "\n"
        n = len(edits.text)
        edits.add(n, n, f"{sep}\n{CALIBRATION_HEADER}{block}")
        return
    i = keys.index(k)
    start = edits.line_start(k.start_mark.index)
    end = (edits.line_start(keys[i + 1].start_mark.index) if i + 1 < len(keys)
           else len(edits.text))
    edits.add(start, end, block + ("\n" if i + 1 < len(keys) else ""))


def with_thresholds(text, thresholds, record=None, path=None):
    """A codebook's YAML text with per-field thresholds (and a calibration record) written in.

    Parameters
    ----------
    text : str
        The codebook file as written.
    thresholds : dict
        ``{field: {parameter: value}}``: ``topic:T`` takes ``min_weight`` / ``min_sentences``,
        ``stance:S`` takes ``threshold`` / ``min_evidence`` / ``window``, ``tone`` takes
        ``tone_threshold`` (written under ``settings:``).
    record : dict, optional
        Written as the top-level ``calibration:`` entry (replacing an earlier one).
    path : str, optional
        The file's name, for messages.

    Returns
    -------
    str
        The new text: a key that exists gets the new value, a missing one a new line before the
        entry's cue list (``cues:`` / ``target:``); everything else is unchanged.
    """
    root = _compose(text, path)
    edits = _Edits(text)
    for field, params in thresholds.items():
        if field == schema.TONE:
            for key, value in params.items():
                if key != "tone_threshold":
                    raise ParameterError(f"tone has no threshold {key!r}",
                                         fix="use tone_threshold")
                _set_setting(edits, root, key, format_value(value), path)
            continue
        kind, name = schema.parse_field(field)
        section = {schema.TOPIC: "topics", schema.STANCE: "stances"}.get(kind)
        _, items = _entry(root, section) if section else (None, None)
        _, entry = _entry(_block(items, section, path), name) if items is not None else (None, None)
        if entry is None:
            raise CodebookError(f"the codebook has no entry {section}.{name} for {field}",
                                path=path)
        for param, value in params.items():
            if param not in KEYS[section]:
                raise ParameterError(f"{field} has no threshold {param!r}",
                                     fix=f"use {', '.join(KEYS[section])}")
            _set_key(edits, entry, param, format_value(value), _ANCHORS[section],
                     f"{section}.{name}", path)
    if record is not None:
        _set_record(edits, root, record)
    return edits.apply()


__all__ = ["format_value", "with_thresholds"]
