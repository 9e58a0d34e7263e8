"""Checks every command gets before any work: no output may overwrite an input, and every
output folder or file can be written.

The checks read the parsed arguments by name, so a new command gets them for free: inputs are
the attributes in :data:`INPUTS` (``corpus``, ``data``, ``codebook``, ``model`` ...), outputs the
attributes in :data:`OUTPUTS` (``out``, ``html``, ``figures``, ``output``).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..outdir import OutputError, check_output_dir, refuse_current_folder

#: Argument names that hold an input path (a packaged codebook name is not a path and is skipped).
INPUTS = ("corpus", "data", "codebook", "model", "gold", "metadata", "pred", "gazetteer")
#: Argument names that hold an output path.
OUTPUTS = ("out", "html", "figures", "output")
#: Outputs that are folders of a set written as a whole (an input inside would be replaced).
SET_FOLDERS = {("analyze", "out"), ("run", "out"), ("figures", "out"), ("run", "figures")}
#: Outputs that are folders receiving files.
FOLDERS = SET_FOLDERS | {("run", "figures"), ("events", "out"), ("figures", "out"),
                         ("evaluate", "out")}
#: Inputs that are always text files: a NUL byte in their first block means a wrong file.
TEXT_INPUTS = ("gold", "data", "codebook", "gazetteer", "metadata")
#: Outputs that are single files.
FILES = {("predict", "out"), ("train", "out"), ("calibrate", "out"), ("diagnose", "out"),
         ("suggest", "out"), ("explain", "html")}


def _flag(name):
    return name if name in ("corpus", "data", "model") else f"--{name}"


def _paths(args, names):
    found = []
    for name in names:
        value = getattr(args, name, None)
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, (str, os.PathLike)) and os.fspath(item):
                found.append((name, Path(os.fspath(item)).resolve()))
    return found


def inputs_of(args):
    """``[(argument, resolved path)]`` of the inputs that exist (a model's sidecar too)."""
    found = [(n, p) for n, p in _paths(args, INPUTS) if p.exists()]
    if getattr(args, "command", None) == "predict":
        found += [("model", p.with_suffix(".json")) for n, p in list(found)
                  if n == "model" and p.with_suffix(".json").is_file()]
    return found


def outputs_of(args):
    """``[(argument, resolved path)]`` of the outputs (a trained model's sidecar too)."""
    found = _paths(args, OUTPUTS)
    if getattr(args, "command", None) == "train":
        found += [(n, p.with_suffix(".json")) for n, p in list(found) if n == "out"]
    return found


def check_text_inputs(args):
    """Refuse a binary file given where a text file (CSV, JSON, YAML) is read."""
    from ..errors import FramingError

    for name, path in _paths(args, TEXT_INPUTS):
        if path.is_file() and not path.name.lower().endswith((".gz", ".parquet", ".pq", ".xlsx",
                                                              ".xls", ".ods")):
            with open(path, "rb") as fh:
                head = fh.read(8192)
            if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise FramingError(f"{_flag(name)} is a binary file, not text (it contains NUL "
                                   "bytes)", path=path, fix="give the CSV, JSON or YAML file")


def check_paths(args):
    """Refuse, before any work, outputs that would overwrite an input or cannot be written.

    Raises
    ------
    OutputError
        An output is an input (or, for the folder of an output set -- ``analyze``, ``run``,
        ``figures`` -- holds one, or is the current folder); an output folder is a file; an
        output cannot be written or the disk is full.
    """
    command = getattr(args, "command", None)
    check_text_inputs(args)
    inputs = inputs_of(args)
    for oname, out in outputs_of(args):
        for iname, path in inputs:
            if out == path:
                raise OutputError(f"{_flag(oname)} is also the input {_flag(iname)}; writing "
                                  "it would destroy the input", path=out,
                                  fix=f"give {_flag(oname)} another path")
            if (command, oname) in SET_FOLDERS and out in path.parents:
                raise OutputError(f"{_flag(oname)} holds the input {path}; the output set "
                                  "replaces the folder's tables", path=out,
                                  fix=f"give {_flag(oname)} a folder of its own, e.g. results/")
        if (command, oname) in SET_FOLDERS:
            refuse_current_folder(out)  # now, not after the work
        if (command, oname) in FOLDERS:
            check_output_dir(out, [p for _, p in inputs] if (command, oname) in SET_FOLDERS else (),
                             folder=True)
        elif (command, oname) in FILES:
            check_output_dir(out, folder=False)
