"""Output folders written as a set, one writer at a time.

A run never leaves a folder that mixes the tables of two runs. :func:`output_set` stages every
file of the set in a hidden folder beside the target (``.OUT.tmp-XXXX``, same file system) and
publishes it in one step: on Linux the staging folder and ``OUT`` are swapped atomically
(``renameat2(RENAME_EXCHANGE)``), elsewhere ``OUT`` is renamed aside (``.OUT.old-XXXX``) and the
staging folder renamed into place. Files in ``OUT`` that are not part of a set (a ``figures/``
folder, notes) are carried over into the new folder. A reader therefore sees either the complete
old set or the complete new one. The leftovers of an interrupted run (staging or old folders)
are cleaned by the next run into the same folder; readers never look at them.

:func:`locked` holds a lock file beside the folder (``.OUT.lock``, :mod:`filelock`), so that a
second run into the same folder -- one job or chunked -- fails at once with one line.
:func:`check_output_dir` checks, before any work, that the folder can be written and that the
file system has room. A chunked run writes its parts into the folder itself (so that it can
resume); :func:`verify_manifest` is how a reader trusts such a folder: the run finished, and
every part it lists is there with the SHA-256 recorded in ``manifest.json``. Every spelling of a
folder (``x``, ``./x``, a symlink) is its real path (:func:`target`), so it takes one lock.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import shutil
import signal
import tempfile
import time
from pathlib import Path

from .errors import FramingError

#: Environment variable that kills (``name``) or pauses (``name:SECONDS``) the process at a named
#: point of the write phase; for the fault-injection tests only. A pause ends early when the
#: file named by ``FRAMING_FAULT_RELEASE`` exists.
FAULT_ENV = "FRAMING_FAULT"
RELEASE_ENV = "FRAMING_FAULT_RELEASE"
#: Set to ``0`` to skip the free-space estimate of :func:`check_output_dir`.
SPACE_ENV = "FRAMING_SPACE_CHECK"


# Errors of the file system, not of the program, met while a set is written.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM,
                           errno.EFBIG})


class OutputError(FramingError):
    """An output folder cannot be written (locked, a file, read-only, full, inside an input)."""


def fault_point(name):
    """Die (SIGKILL) or pause at point ``name`` when :data:`FAULT_ENV` asks for it."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    point, _, seconds = spec.partition(":")
    if point != name:
        return
    if seconds:
        release = os.environ.get(RELEASE_ENV)
        end = time.monotonic() + float(seconds)
        while time.monotonic() < end and not (release and os.path.exists(release)):
            time.sleep(0.02)
    else:
        os.kill(os.getpid(), signal.SIGKILL)


def umask():
    """The process umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def owned_names():
    """The entries of a folder that belong to an analysis set (both layouts, both formats)."""
    from . import schema

    names = {schema.RUN_FILE, schema.MANIFEST_FILE}
    for table in schema.TABLES + schema.OPTIONAL_TABLES:
        names.add(table)  # a chunked run's part folder
        names.update(f"{table}.{fmt}" for fmt in schema.FORMATS)
    return names


def is_set_entry(name, owned=None):
    """Whether folder entry ``name`` belongs to a set: a table, run.json, manifest.json, a part
    folder, or the temporary file of one being written (``.articles.csv.XXXX.tmp``)."""
    owned = owned_names() if owned is None else owned
    if name in owned:
        return True
    return (name.startswith(".") and name.endswith(".tmp")
            and any(name.startswith(f".{entry}.") for entry in owned))


def target(out):
    """``out`` as its real absolute path: every symlink (of the folder or of a folder above it)
    followed, ``.`` and ``..`` resolved, so that ``x``, ``./x``, ``a/../x`` and a link to ``x``
    name one folder and take one lock."""
    return Path(os.fspath(out)).resolve()


def _lock_file(out):
    return out.parent / f".{out.name}.lock"


_HELD = {}  # lock file -> [FileLock, depth]: a process may re-enter the lock it holds


@contextlib.contextmanager
def locked(out):
    """Hold the lock of output folder ``out``; another process gets :class:`OutputError` at once.

    Re-entrant within one process, so that a command can take the lock before its work and
    :func:`output_set` take it again to publish.
    """
    from filelock import FileLock, Timeout

    out = target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    key = os.fspath(_lock_file(out))
    held = _HELD.get(key)
    if held is None or held[2] != os.getpid():
        lock = FileLock(key, timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise OutputError("another framing run is writing into this folder", path=out,
                              fix="wait for it to finish, or give another --out folder") from None
        held = _HELD[key] = [lock, 0, os.getpid()]
    held[1] += 1
    try:
        yield out
    finally:
        held[1] -= 1
        if held[1] == 0:
            del _HELD[key]
            held[0].release()


def _leftovers(out, kind):
    prefix = f".{out.name}.{kind}-"
    with contextlib.suppress(FileNotFoundError):
        return sorted(out.parent / e for e in os.listdir(out.parent) if e.startswith(prefix))
    return []


def _carry_back(folder, out, member=None):
    """Move the entries of ``folder`` that are not part of a set back into ``out``; delete the
    rest with ``folder``."""
    member = member or is_set_entry
    if out.is_dir():
        for entry in sorted(os.listdir(folder)):
            if not member(entry) and not (out / entry).exists():
                os.rename(folder / entry, out / entry)
    shutil.rmtree(folder, ignore_errors=True)


def recover(out, member=None, tag=""):
    """Clean what an interrupted run left beside ``out`` (call with the lock held).

    A missing ``out`` with an old folder aside (killed between the two renames of the portable
    swap) gets the old folder back; staging folders give back the files they carried over.
    """
    out = target(out)
    olds = _leftovers(out, f"{tag}old")
    if olds and not out.exists():
        os.rename(olds[-1], out)
        olds = olds[:-1]
    for folder in olds + _leftovers(out, f"{tag}tmp"):
        _carry_back(folder, out, member)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a, b):
    """Swap two paths atomically (Linux ``renameat2``); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), os.fspath(b))


def publish(staging, out, member=None, tag=""):
    """Replace the set in ``out`` by the one staged in ``staging`` in one step."""
    member = member or is_set_entry
    if not out.exists():
        os.rename(staging, out)
        fault_point("published")
        return
    for entry in sorted(os.listdir(out)):
        if not member(entry):
            os.rename(out / entry, staging / entry)
    fault_point("carried")
    if _exchange(staging, out):
        fault_point("exchanged")
        shutil.rmtree(staging, ignore_errors=True)
        return
    old = out.parent / f".{out.name}.{tag}old-{secrets.token_hex(4)}"
    os.rename(out, old)
    fault_point("moved-aside")
    os.rename(staging, out)
    shutil.rmtree(old, ignore_errors=True)


def refuse_current_folder(out):
    """Refuse the current folder (or a folder above it) as the folder of an output set."""
    out = target(out)
    cwd = Path.cwd().resolve()
    if cwd == out or out in cwd.parents:
        raise OutputError("is the current folder or holds it; the output set replaces the folder",
                          path=out, fix="give a sub-folder, e.g. --out results")


@contextlib.contextmanager
def output_set(out, member=None, tag=""):
    """Stage the files of one output set; publish them together if the block succeeds.

    Yields the staging folder: write every file of the set into it. On an error the staging
    folder is removed and ``out`` is left as it was. ``member(name)`` says which entries of the
    folder belong to a set (default :func:`is_set_entry`, the tables of an analysis); the others
    are carried over. ``tag`` names the kind of set in the staging folders (``.OUT.<tag>tmp-``):
    an interrupted run of one kind is recovered by the next run of the same kind, with its own
    ``member`` rule, never by a run of another kind sharing the folder.

    Examples
    --------
    >>> with output_set("results/seeds") as tmp:                  # doctest: +SKIP
    ...     write_table(df, tmp / "articles.csv")
    """
    out = target(out)
    if out.exists() and not out.is_dir():
        raise OutputError("is a file, not a folder", path=out,
                          fix="give a folder for --out (it is created if missing)")
    refuse_current_folder(out)
    with locked(out):
        recover(out, member, tag)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.{tag}tmp-", dir=out.parent))
        os.chmod(staging, 0o777 & ~umask())
        try:
            yield staging
            fault_point("staged")
            publish(staging, out, member, tag)
        except OSError as exc:
            if exc.errno not in _WRITE_ERRNOS:
                raise
            # name --out, not the hidden staging file the error happened in
            raise OutputError(f"could not write the output set ({exc.strerror}); the old set "
                              "is kept", path=out,
                              fix="free some space or give another --out folder") from None
        finally:
            # a failed publish: the old set back, carried files back, staging gone
            recover(out, member, tag)


def _size(path):
    path = Path(path)
    if path.is_file():
        return path.stat().st_size * (5 if path.name.lower().endswith(".gz") else 1)
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir() if p.is_file())
    return 0


def check_output_dir(out, inputs=(), *, folder=True):
    """Check before the work that ``out`` can be written and its file system has room.

    Parameters
    ----------
    out : path
        The output folder (``folder=True``) or file.
    inputs : sequence of path
        Inputs whose size estimates the output's (about twice the input, five times a ``.gz``);
        set ``FRAMING_SPACE_CHECK=0`` to skip the estimate.
    folder : bool

    Raises
    ------
    OutputError
        ``out`` is a file (a folder is wanted) or a folder (a file is wanted), cannot be written,
        or the disk lacks the room.
    """
    out = target(out)
    if folder and out.exists() and not out.is_dir():
        raise OutputError("is a file, not a folder", path=out,
                          fix="give a folder for --out (it is created if missing)")
    if not folder and out.is_dir():
        raise OutputError("is a folder, not a file", path=out, fix="give a file name")
    base = out if folder else out.parent
    existing = base
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"{existing} is a file, so no folder can be made there", path=out,
                          fix="give another path")
    try:
        fd, probe = tempfile.mkstemp(prefix=".framing-probe.", dir=existing)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"cannot write in {existing} ({exc.strerror})", path=out,
                          fix="give a folder you can write to, or free some space") from None
    if os.environ.get(SPACE_ENV, "1") == "0":
        return
    need = 2 * sum(_size(p) for p in inputs) + (1 << 20)
    free = shutil.disk_usage(existing).free
    if free < need:
        raise OutputError(
            f"only {free / 1e6:.1f} MB free in {existing}; the output needs about "
            f"{need / 1e6:.1f} MB", path=out,
            fix=f"free some space or write elsewhere (or set {SPACE_ENV}=0 to skip this estimate)")


# -- a chunked run's folder is trusted through its manifest -----------------------------------

def file_sha256(path):
    """SHA-256 (hex) of a file's bytes, read in blocks (also :func:`framing.io.file_sha256`)."""
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def part_problem(folder, info):
    """Why a finished part of a chunked run cannot be trusted, or None when every table file of
    it is there with the SHA-256 that ``manifest.json`` recorded."""
    from . import schema

    hashes = info.get("sha256")
    if not isinstance(hashes, dict) or set(hashes) != set(schema.TABLES):
        return "has no SHA-256 of its files in manifest.json"
    for table in schema.TABLES:
        path = Path(folder) / table / info.get("file", "")
        if not path.is_file():
            return f"lacks its {table} file {table}/{path.name}"
        if file_sha256(path) != hashes[table]:
            return f"has a {table} file changed since the run ({table}/{path.name})"
    return None


def verify_manifest(folder):
    """The manifest of the chunked run in ``folder``, after checking that the run finished and
    that every part it lists is there, unchanged (SHA-256), and numbered without a gap.

    Raises
    ------
    FramingError
        The run is unfinished (interrupted, or still running), or a part is missing or changed:
        a reader would otherwise take part of a corpus, or edited files, for the analysis.
    """
    import json

    folder = Path(folder)
    path = folder / "manifest.json"
    rerun = "run the same `framing analyze ... --chunk-size N` command again (it resumes)"
    if not path.is_file():
        raise FramingError("the chunked run in this folder is unfinished (no manifest.json yet)",
                           path=folder, fix=rerun)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        parts = manifest["parts"]
    except (OSError, ValueError, KeyError, TypeError):
        raise FramingError("is not a readable manifest of a chunked run", path=path,
                           fix=rerun) from None
    if manifest.get("complete") is not True:
        raise FramingError(f"the chunked run in this folder is unfinished ({len(parts)} part(s) "
                           "written; interrupted, or still running)", path=folder, fix=rerun)
    expected = [f"{i:05d}" for i in range(int(manifest.get("n_parts", len(parts))))]
    if sorted(parts) != expected:
        missing = sorted(set(expected) - set(parts)) or sorted(set(parts) - set(expected))
        raise FramingError(f"manifest.json lists parts that do not follow 00000-"
                           f"{len(expected) - 1:05d} (part {missing[0]})", path=path, fix=rerun)
    for key in expected:
        problem = part_problem(folder, parts[key])
        if problem:
            raise FramingError(f"part {key} {problem}", path=folder,
                               fix=rerun + ": a missing or changed part is analysed again")
    return manifest
