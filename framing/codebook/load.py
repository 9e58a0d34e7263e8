"""Load and validate a codebook (see ``docs/codebook.md`` for the format).

Every error names the file, the line and the key, and says how to fix it.
"""

from __future__ import annotations

import hashlib
import math
import os
from importlib import resources
from pathlib import Path

from ..errors import CodebookError
from ..schema import CONNOTATIONS, SOURCE_TYPES
from ..text.match import Cue
from ..text.normalize import normalize
from .model import DEFAULT_SETTINGS, SETTINGS_TYPES, Actor, ActorLabel, Codebook, Stance, Topic
from .yamlsrc import Located, LocatedList, load_yaml

TOP_LEVEL = {"name", "version", "language", "description", "citation", "authors", "licence",
             "license", "changelog", "settings", "topics", "stances", "actors", "sentiment",
             "quotes", "ignore", "calibration"}
REQUIRED = ("name", "version", "topics")

class _Ctx:
    """Where we are in the file, for messages."""

    def __init__(self, path):
        self.path = path

    def error(self, message, line=None, key=None, fix=None):
        return CodebookError(message, path=self.path, line=line, key=key, fix=fix)


def _line(container, key):
    if isinstance(container, Located):
        return container.lines.get(key, container.line)
    if isinstance(container, LocatedList) and isinstance(key, int) and key < len(container.lines):
        return container.lines[key]
    return getattr(container, "line", None)


def _require_mapping(ctx, value, key, line):
    if not isinstance(value, dict):
        raise ctx.error("must be a mapping (indented `name: value` entries)", line, key,
                        "indent the entries under this key")
    return value


def _cue(ctx, raw, key, line):
    weight = 1.0
    if isinstance(raw, dict):
        unknown = set(raw) - {"cue", "weight", "note"}
        if unknown or "cue" not in raw:
            raise ctx.error(f"a cue mapping needs `cue:` and optional `weight:`, found {sorted(raw)}",
                            line, key, "write `- {cue: نص, weight: 1.0}` or just `- نص`")
        weight, raw = raw.get("weight", 1.0), raw["cue"]
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) \
                or not math.isfinite(weight) or weight <= 0:
            raise ctx.error(f"cue weight must be a positive number, not {weight!r}", line, key,
                            "use a weight such as 0.5, 1 or 2")
    if not isinstance(raw, str) or not raw.strip():
        raise ctx.error(f"a cue must be non-empty text, not {raw!r}", line, key,
                        "write the cue as Arabic text")
    words = []
    normalized = normalize(raw.strip()).split()
    if not normalized:
        raise ctx.error(f"the cue {raw!r} is empty once normalised (only tatweel, diacritics or "
                        "invisible marks)", line, key, "write the cue with its letters")
    for w in normalized:
        star = w.endswith("*")
        core = w.rstrip("*")
        if "*" in core or (star and len(core) < 2) or not core:
            raise ctx.error(f"bad wildcard in cue {raw!r}", line, key,
                            "put `*` only at the end of a word of 2 or more letters")
        if not any(ch.isalnum() for ch in core):
            raise ctx.error(f"the cue {raw!r} has a word without letters or digits ({core!r})",
                            line, key, "cues match words: leave out punctuation and symbols")
        words.append(core + ("*" if star else ""))
    return Cue(raw.strip(), float(weight), tuple(words), line)


def _cue_list(ctx, container, key, section, required=True):
    value = container.get(key) if isinstance(container, dict) else None
    line = _line(container, key)
    where = f"{section}.{key}"
    if value is None:
        if required:
            raise ctx.error("is missing", line, where, f"add `{key}:` with a list of cues")
        return ()
    if not isinstance(value, list):
        raise ctx.error("must be a list of cues", line, where,
                        "write one cue per line, each starting with `- `")
    if required and not value:
        raise ctx.error("is an empty cue list", line, where,
                        "add at least one cue or remove the entry")
    cues = tuple(_cue(ctx, raw, where, _line(value, i)) for i, raw in enumerate(value))
    return cues


def _check_keys(ctx, mapping, allowed, section):
    for key in mapping:
        if key not in allowed:
            raise ctx.error(f"unknown key '{key}'", _line(mapping, key), section,
                            f"use one of: {', '.join(sorted(allowed))}")


def _text(ctx, mapping, key, section, required=False):
    value = mapping.get(key)
    if value is None:
        if required:
            raise ctx.error(f"`{key}` is missing", _line(mapping, None), section,
                            f"add `{key}:` with a short text")
        return ""
    if not isinstance(value, str):
        raise ctx.error(f"`{key}` must be text", _line(mapping, key), section, "quote it")
    return value


def _display(ctx, mapping, section):
    """The ``display:`` names of a topic, target or actor: ``{language: name}``.

    Written as one name (used for every language) or as a mapping such as
    ``{en: Border security, ar: أمن الحدود}``; figures and reports show these names.
    """
    value = mapping.get("display")
    if value is None:
        return {}
    line = _line(mapping, "display")
    if isinstance(value, str) and value.strip():
        return {"*": value.strip()}
    if isinstance(value, dict) and value and all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()):
        return {k: v.strip() for k, v in value.items()}
    raise ctx.error("`display` must be a name or a mapping of languages to names", line, section,
                    "write e.g. `display: {en: Border security, ar: أمن الحدود}`")


def _override(ctx, mapping, key, section, kind=float):
    """A per-field threshold (``min_weight:``, ``threshold:`` ...): a non-negative number or None."""
    value = mapping.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 \
            or value != value:
        raise ctx.error(f"`{key}` must be a non-negative number, not {value!r}",
                        _line(mapping, key), section, "leave it out to use the settings value")
    return kind(value)


def _settings(ctx, raw):
    settings = dict(DEFAULT_SETTINGS)
    if raw is None:
        return settings
    _require_mapping(ctx, raw, "settings", getattr(raw, "line", None))
    for key, value in raw.items():
        line = _line(raw, key)
        if key not in DEFAULT_SETTINGS:
            raise ctx.error(f"unknown setting '{key}'", line, "settings",
                            f"use one of: {', '.join(DEFAULT_SETTINGS)}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ctx.error(f"must be a non-negative number, not {value!r}", line, f"settings.{key}",
                            f"the default is {DEFAULT_SETTINGS[key]}")
        settings[key] = SETTINGS_TYPES[key](value)
    return settings


def _topics(ctx, raw):
    topics = []
    for name, spec in raw.items():
        line = _line(raw, name)
        _require_mapping(ctx, spec, f"topics.{name}", line)
        section = f"topics.{name}"
        _check_keys(ctx, spec, {"description", "display", "cues", "min_weight", "min_sentences",
                                "context", "note"}, section)
        topics.append(Topic(str(name), _text(ctx, spec, "description", section),
                            _cue_list(ctx, spec, "cues", section), _display(ctx, spec, section),
                            _override(ctx, spec, "min_weight", section),
                            _override(ctx, spec, "min_sentences", section, int),
                            _cue_list(ctx, spec, "context", section, required=False)))
    return tuple(topics)


def _stances(ctx, raw, actor_ids, topic_names=()):
    stances = []
    for name, spec in raw.items():
        section = f"stances.{name}"
        _require_mapping(ctx, spec, section, _line(raw, name))
        _check_keys(ctx, spec, {"description", "display", "target", "pro", "con", "scope",
                                "window", "actors", "threshold", "min_evidence", "topic",
                                "context", "note"}, section)
        topic = spec.get("topic")
        if topic is not None and topic not in topic_names:
            raise ctx.error(f"names unknown topic {topic!r}", _line(spec, "topic"), section,
                            f"use one of: {', '.join(topic_names)}")
        scope = spec.get("scope", "window")
        if scope not in ("window", "sentence"):
            raise ctx.error(f"scope must be `window` or `sentence`, not {scope!r}",
                            _line(spec, "scope"), section, "write `scope: window`")
        window = spec.get("window")
        if window is not None and (isinstance(window, bool) or not isinstance(window, int) or window < 1):
            raise ctx.error("window must be a positive whole number of tokens",
                            _line(spec, "window"), section, "e.g. `window: 8`")
        actors = spec.get("actors") or []
        for i, a in enumerate(actors):
            if a not in actor_ids:
                raise ctx.error(f"names unknown actor '{a}'", _line(actors, i), f"{section}.actors",
                                "define it under `actors:` or remove it")
        stances.append(Stance(
            str(name), _text(ctx, spec, "description", section),
            _cue_list(ctx, spec, "target", section), _cue_list(ctx, spec, "pro", section),
            _cue_list(ctx, spec, "con", section), scope, window, tuple(actors),
            _display(ctx, spec, section), _override(ctx, spec, "threshold", section),
            _override(ctx, spec, "min_evidence", section), topic,
            _cue_list(ctx, spec, "context", section, required=False)))
    return tuple(stances)


def _actors(ctx, raw):
    actors = []
    for actor_id, spec in raw.items():
        section = f"actors.{actor_id}"
        _require_mapping(ctx, spec, section, _line(raw, actor_id))
        _check_keys(ctx, spec, {"name", "display", "labels", "description", "note"}, section)
        labels_raw = spec.get("labels")
        if not isinstance(labels_raw, list) or not labels_raw:
            raise ctx.error("needs a non-empty `labels:` list", _line(spec, "labels"), section,
                            "add `- {label: ..., connotation: neutral}` entries")
        labels = []
        for i, item in enumerate(labels_raw):
            line = _line(labels_raw, i)
            if not isinstance(item, dict) or "label" not in item:
                raise ctx.error("each label needs `label:` and `connotation:`", line,
                                f"{section}.labels", "write `- {label: نص, connotation: neutral}`")
            _check_keys(ctx, item, {"label", "connotation", "weight", "note"}, f"{section}.labels")
            conn = item.get("connotation", "neutral")
            if conn not in CONNOTATIONS:
                raise ctx.error(f"connotation must be one of {', '.join(CONNOTATIONS)}, not {conn!r}",
                                line, f"{section}.labels", "fix the spelling")
            cue = _cue(ctx, {"cue": item["label"], "weight": item.get("weight", 1.0)},
                       f"{section}.labels", line)
            labels.append(ActorLabel(cue, conn))
        actors.append(Actor(str(actor_id), str(spec.get("name", actor_id)), tuple(labels),
                            _display(ctx, spec, section)))
    return tuple(actors)


def _read_packaged(kind, name):
    ref = resources.files("framing") / "data" / kind / f"{name}.yaml"
    return (ref.read_bytes(), f"framing/data/{kind}/{name}.yaml") if ref.is_file() else (None, None)


def _sentiment(ctx, raw, hasher):
    raw = raw or {}
    _require_mapping(ctx, raw, "sentiment", getattr(raw, "line", None))
    _check_keys(ctx, raw, {"lexicon", "positive", "negative", "neutral", "intensifiers",
                           "negators", "note"}, "sentiment")
    merged = {k: [] for k in ("positive", "negative", "neutral", "intensifiers", "negators")}
    lexicon = raw.get("lexicon")
    if lexicon:
        data, where = _read_packaged("lexicons", lexicon)
        if data is None and Path(lexicon).is_file():
            data, where = Path(lexicon).read_bytes(), lexicon
        if data is None:
            raise ctx.error(f"lexicon '{lexicon}' not found", _line(raw, "lexicon"), "sentiment",
                            f"use a packaged lexicon ({', '.join(available('lexicons'))}) or a file path")
        hasher.update(data)
        lex = load_yaml(data.decode("utf-8"), where)
        lctx = _Ctx(where)
        _check_keys(lctx, lex, {"name", "version", "description", "licence", "license", "language",
                                "authors", "citation", "sources",
                                "positive", "negative", "neutral", "intensifiers", "negators",
                                "changelog", "note"}, "lexicon")
        for key in merged:
            merged[key].extend(_cue_list(lctx, lex, key, "lexicon",
                                         required=key not in ("intensifiers", "neutral")))
    for key in merged:
        merged[key].extend(_cue_list(ctx, raw, key, "sentiment", required=False))
    out = {k: tuple(v) for k, v in merged.items() if k != "negators"}
    # Negators are single tokens; a phrase such as "لا يوجد" is already covered by its "لا".
    out["negators"] = frozenset(c.words[0] for c in merged["negators"] if len(c.words) == 1)
    return out


def _quotes(ctx, raw):
    if raw is None:
        return {"speech_verbs": (), "source_types": {}}
    _require_mapping(ctx, raw, "quotes", getattr(raw, "line", None))
    _check_keys(ctx, raw, {"speech_verbs", "source_types", "note"}, "quotes")
    types = raw.get("source_types") or {}
    _require_mapping(ctx, types, "quotes.source_types", _line(raw, "source_types"))
    for t in types:
        if t not in SOURCE_TYPES:
            raise ctx.error(f"unknown source type '{t}'", _line(types, t), "quotes.source_types",
                            f"use one of: {', '.join(SOURCE_TYPES)}")
    return {"speech_verbs": _cue_list(ctx, raw, "speech_verbs", "quotes"),
            "source_types": {t: _cue_list(ctx, types, t, "quotes.source_types") for t in types}}


def available(kind="codebooks"):
    """Names of the packaged codebooks (or ``kind='lexicons'``)."""
    folder = resources.files("framing") / "data" / kind
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_codebook(name_or_path="libya-egypt"):
    """Load and validate a codebook.

    Parameters
    ----------
    name_or_path : str or path-like or Codebook
        A packaged codebook name (``"libya-egypt"``) or a YAML file.

    Returns
    -------
    Codebook

    Raises
    ------
    CodebookError
        With file, line, key and fix, for any malformed content.

    Examples
    --------
    >>> cb = load_codebook("libya-egypt")
    >>> cb.name, "topic:elections" in cb.fields
    ('libya-egypt', True)
    """
    if isinstance(name_or_path, Codebook):
        return name_or_path
    name_or_path = os.fspath(name_or_path)
    data, where = (None, None)
    if not name_or_path.endswith((".yaml", ".yml")) and os.sep not in name_or_path:
        data, where = _read_packaged("codebooks", name_or_path)
    if data is None:
        path = Path(name_or_path)
        if not path.is_file():
            raise CodebookError(f"codebook '{name_or_path}' not found", path=name_or_path,
                                fix=f"give a YAML file or a packaged name ({', '.join(available())})")
        data, where = path.read_bytes(), str(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CodebookError("the codebook is not UTF-8 text", path=where,
                            fix="save it as UTF-8") from None
    raw = load_yaml(text, where)
    ctx = _Ctx(where)
    if not isinstance(raw, dict):
        raise ctx.error("the top level must be a mapping (name:, version:, topics: ...)", 1)
    for key in raw:
        if key not in TOP_LEVEL:
            raise ctx.error(f"unknown section '{key}'", _line(raw, key), None,
                            f"use one of: {', '.join(sorted(TOP_LEVEL))}")
    for key in REQUIRED:
        if key not in raw:
            raise ctx.error(f"`{key}:` is missing", 1, None, f"add a `{key}:` section")
    hasher = hashlib.sha256(data)
    actors = _actors(ctx, _require_mapping(ctx, raw.get("actors") or Located(), "actors",
                                           _line(raw, "actors")))
    topics = _topics(ctx, _require_mapping(ctx, raw["topics"], "topics", _line(raw, "topics")))
    return Codebook(
        name=str(raw["name"]), version=str(raw["version"]), path=where,
        settings=_settings(ctx, raw.get("settings")),
        topics=topics,
        stances=_stances(ctx, _require_mapping(ctx, raw.get("stances") or Located(), "stances",
                                               _line(raw, "stances")), {a.id for a in actors},
                         [t.name for t in topics]),
        actors=actors,
        sentiment=_sentiment(ctx, raw.get("sentiment"), hasher),
        quotes=_quotes(ctx, raw.get("quotes")),
        ignore=_cue_list(ctx, raw, "ignore", "ignore", required=False),
        sha256=hasher.hexdigest(),
        meta={k: raw[k] for k in ("language", "description", "citation", "authors", "changelog",
                                  "calibration") if k in raw},
    )
