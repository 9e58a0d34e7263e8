"""YAML reading that keeps line numbers and rejects duplicate keys.

PyYAML silently keeps the last of two equal keys; in a codebook that hides a mistake, so the
loader here composes the node tree itself and reports the file and line of every problem.

Aliases (``*name``) are refused where they occur: a codebook is written out in full, and nested
aliases ("billion laughs") or an alias inside its own anchor (``x: &a [*a]``) would otherwise
expand to gigabytes or recurse without end.

The node tree is composed by libyaml (PyYAML's C parser) where it is installed: ten to twenty
times faster than the pure-Python parser on the packaged codebook. Whenever libyaml meets
anything but a plain well-formed document without aliases -- a syntax error, an alias, an empty
file -- the pure-Python loader reads the text again, so that every message and its line are
exactly those of that loader.
"""

from __future__ import annotations

import yaml

from ..errors import CodebookError


class Located(dict):
    """A mapping that remembers the line of each key (``lines[key]``) and its own line."""

    def __init__(self, *args, line=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = {}
        self.line = line


class LocatedList(list):
    """A list that remembers the line of each item and its own line."""

    def __init__(self, *args, line=None):
        super().__init__(*args)
        self.lines = []
        self.line = line


def _construct(node, path, loader):
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = Located(line=line)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise CodebookError("a key must be a plain word", path=path,
                                    line=key_node.start_mark.line + 1,
                                    fix="write keys as plain words, e.g. `topics:`")
            key = str(key)
            if key in out:
                raise CodebookError(
                    f"duplicate key '{key}' (first on line {out.lines[key]})", path=path,
                    line=key_node.start_mark.line + 1, fix="merge the two entries or rename one")
            out.lines[key] = key_node.start_mark.line + 1
            out[key] = _construct(value_node, path, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        out = LocatedList(line=line)
        for item in node.value:
            out.append(_construct(item, path, loader))
            out.lines.append(item.start_mark.line + 1)
        return out
    return loader.construct_object(node, deep=True)


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that stops at the first alias, with its line."""

    codebook_path = None

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise CodebookError(f"YAML alias *{event.anchor} is not allowed in a codebook",
                                path=self.codebook_path, line=event.start_mark.line + 1,
                                fix="write the entry out in full instead of referring to an "
                                    "anchor (&name)")
        return super().compose_node(parent, index)


_CLoader = getattr(yaml, "CSafeLoader", None)  # None without libyaml


def _fast_tree(text):
    """The node tree of ``text`` composed by libyaml, and the loader that resolves its scalars
    -- or ``None`` when libyaml is missing or the pure-Python loader must speak (see above)."""
    if _CLoader is None:
        return None
    loader = _CLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        loader.dispose()
        return None
    # libyaml resolves an alias to its anchor's node: a node met twice is an alias
    seen, todo = set(), [node] if node is not None else []
    while todo:
        n = todo.pop()
        if id(n) in seen:
            loader.dispose()
            return None
        seen.add(id(n))
        if isinstance(n, yaml.MappingNode):
            todo.extend(x for pair in n.value for x in pair)
        elif isinstance(n, yaml.SequenceNode):
            todo.extend(n.value)
    if node is None:
        loader.dispose()
        return None
    return node, loader


def load_yaml(text, path):
    """Parse YAML ``text`` from ``path`` into :class:`Located` mappings and lists.

    Raises
    ------
    CodebookError
        On a syntax error (with its line), a duplicate key or an alias.
    """
    fast = _fast_tree(text)
    if fast is not None:
        node, loader = fast
        try:
            return _construct(node, path, loader)
        except yaml.YAMLError:
            pass  # a constructor error (a bad timestamp, say): the message of the loader below
        finally:
            loader.dispose()
    return _load_python(text, path)


def _load_python(text, path):
    """:func:`load_yaml` by PyYAML's pure-Python parser, which stops at the first alias."""
    loader = _NoAliasLoader(text)
    loader.codebook_path = path
    try:
        node = loader.get_single_node()
        if node is None:
            raise CodebookError("the file is empty", path=path,
                                fix="start from the packaged codebook (see docs/codebook.md)")
        return _construct(node, path, loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CodebookError(f"YAML syntax error: {problem}", path=path,
                            line=mark.line + 1 if mark else None,
                            fix="check the indentation and quoting on that line "
                                "(quote strings that start with : * & ! | > or %)") from None
    finally:
        loader.dispose()
