"""framing.outdir: an output folder holds the complete old set or the complete new one, never a
mix; one writer at a time; checks before the work; outputs follow the umask."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from framing import outdir
from framing.analysis import read_analysis
from framing.io import write_table
from framing.outdir import OutputError, check_output_dir, locked, output_set
from helpers import held_by_another_process

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _digest(folder):
    """{name: sha256} of the files of a folder (hidden files included)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def two_sets(seeds_analysis):
    """Two different analyses of the seeds: all five articles, and the first three."""
    corpus, res = seeds_analysis
    from framing import analyze

    small = analyze(corpus[corpus["doc_id"] < "003"].reset_index(drop=True))
    assert len(small.articles) == 3 and len(res.articles) == 5
    return res, small


def _reference(tmp_path, res, name):
    ref = tmp_path / name
    res.save(ref)
    return _digest(ref)


def _save_in_child(res, out, point, monkeypatch=None):
    """Save ``res`` into ``out`` in a forked child that SIGKILLs itself at ``point``."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.environ[outdir.FAULT_ENV] = point
            res.save(out)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


POINTS = ("wrote-articles", "wrote-evidence", "wrote-quotes", "staged", "carried", "exchanged")


@pytest.mark.parametrize("portable", [False, True], ids=["renameat2", "two-renames"])
def test_a_kill_at_any_point_of_the_write_phase_leaves_one_complete_set(
        tmp_path, two_sets, monkeypatch, portable):
    old, new = two_sets
    old_files, new_files = _reference(tmp_path, old, "ref-old"), _reference(tmp_path, new, "ref-new")
    assert old_files != new_files
    out = tmp_path / "out"
    old.save(out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    if portable:
        monkeypatch.setattr(outdir, "_exchange", lambda a, b: False)
    points = POINTS[:-1] + ("moved-aside",) if portable else POINTS
    for point in points:
        assert _save_in_child(new, out, point), point
        seen = {k: v for k, v in _digest(out).items() if k != "notes.txt"} if out.exists() else {}
        # Before the swap the old set is there; after it the new one; never a mix. Between
        # the two renames of the portable swap the folder may be missing (a reader then sees no
        # analysis, not a mixed one) and the next run puts the old set back.
        assert seen in (old_files, new_files) or (portable and not out.exists()), point
        old.save(out)  # the next run cleans up and publishes
        assert _digest(out) == {**old_files, "notes.txt": _digest(out)["notes.txt"]}, point
        assert (out / "notes.txt").read_text(encoding="utf-8") == "mine", point
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")) \
            == [".out.lock"], point
    assert len(read_analysis(out).articles) == 5


def test_a_failed_write_leaves_the_old_set_and_no_leftovers(tmp_path, two_sets, monkeypatch):
    old, new = two_sets
    out = tmp_path / "out"
    old.save(out)
    before = _digest(out)
    import framing.analysis as analysis

    calls = []

    def full_disk(df, path, fmt="csv"):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        write_table(df, path, fmt)

    monkeypatch.setattr(analysis, "write_table", full_disk)
    with pytest.raises(OutputError, match="No space") as exc:
        new.save(out)
    assert ".tmp-" not in str(exc.value)  # names the folder, not the staging file
    assert _digest(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.tmp")] == []


def test_a_second_writer_is_refused_at_once(tmp_path, two_sets):
    old, _ = two_sets
    out = tmp_path / "out"
    with held_by_another_process(out):
        start = time.monotonic()
        with pytest.raises(OutputError, match="another framing run is writing"):
            old.save(out)
        assert time.monotonic() - start < 1.0
        assert not out.exists()
    old.save(out)  # the lock died with its holder
    assert len(read_analysis(out).articles) == 5


def test_the_lock_is_reentrant_within_a_process(tmp_path, two_sets):
    old, _ = two_sets
    with locked(tmp_path / "out"):
        old.save(tmp_path / "out")
    assert (tmp_path / "out" / "articles.csv").is_file()


def test_outputs_follow_the_umask(tmp_path, two_sets):
    old, _ = two_sets
    mask = os.umask(0o027)
    try:
        paths = old.save(tmp_path / "out")
    finally:
        os.umask(mask)
    assert {oct(p.stat().st_mode & 0o777) for p in paths} == {oct(0o640)}
    assert oct((tmp_path / "out").stat().st_mode & 0o777) == oct(0o750)


def test_a_file_as_output_folder_and_the_current_folder_are_refused(tmp_path, two_sets,
                                                                    monkeypatch):
    old, _ = two_sets
    (tmp_path / "f.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        old.save(tmp_path / "f.csv")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        check_output_dir(tmp_path / "f.csv")
    with pytest.raises(OutputError, match="is a file, so no folder"):
        check_output_dir(tmp_path / "f.csv" / "sub")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputError, match="current folder"):
        old.save(".")


def test_full_and_read_only_folders_are_refused_before_the_work(tmp_path, monkeypatch):
    corpus = tmp_path / "c.csv"
    corpus.write_bytes(b"x" * 10_000)
    check_output_dir(tmp_path / "new" / "out", [corpus])  # room and rights: no error
    monkeypatch.setattr(shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(10, 10, 5))
    with pytest.raises(OutputError, match="only 0.0 MB free"):
        check_output_dir(tmp_path / "out", [corpus])
    monkeypatch.setenv(outdir.SPACE_ENV, "0")
    check_output_dir(tmp_path / "out", [corpus])

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(outdir.tempfile, "mkstemp", read_only)
    with pytest.raises(OutputError, match="cannot write in .*Read-only file system"):
        check_output_dir(tmp_path / "out")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            check_output_dir(folder / "out")
    finally:
        folder.chmod(0o755)


def test_output_set_stages_beside_the_target(tmp_path):
    with output_set(tmp_path / "out") as staging:
        assert staging.parent == tmp_path and staging.name.startswith(".out.tmp-")
        (staging / "run.json").write_text("{}\n", encoding="utf-8")
    assert (tmp_path / "out" / "run.json").read_text(encoding="utf-8") == "{}\n"
    assert not staging.exists()


def test_recovery_gives_back_carried_files_but_not_half_written_tables(tmp_path, two_sets):
    old, _ = two_sets
    out = tmp_path / "out"
    old.save(out)
    before = _digest(out)
    staging = tmp_path / ".out.tmp-killed"  # what a run killed while publishing leaves
    staging.mkdir()
    (staging / "notes.txt").write_text("mine", encoding="utf-8")
    (staging / ".sentences.csv.x1y2.tmp").write_text("half a tab", encoding="utf-8")
    (staging / "articles.csv").write_text("new", encoding="utf-8")
    assert outdir.is_set_entry(".sentences.csv.x1y2.tmp") and not outdir.is_set_entry("notes.txt")
    with locked(out):
        outdir.recover(out)
    assert not staging.exists()
    assert _digest(out) == {**before, "notes.txt": _digest(out)["notes.txt"]}


def test_kills_at_random_moments_of_a_save_never_leave_a_mix(tmp_path, two_sets):
    import random

    old, new = two_sets
    sets = {"old": _reference(tmp_path, old, "ref-old"), "new": _reference(tmp_path, new, "ref-new")}
    out = tmp_path / "out"
    old.save(out)
    start = time.monotonic()
    new.save(tmp_path / "timed")
    duration = time.monotonic() - start
    rng = random.Random(14)
    for trial in range(8):
        res = (new, old)[trial % 2]
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child is killed while saving
            try:
                res.save(out)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0, duration * 1.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert _digest(out) in sets.values(), trial


def test_one_folder_spelled_otherwise_or_through_a_symlink_takes_the_same_lock(tmp_path,
                                                                               monkeypatch):
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    (tmp_path / "out-link").symlink_to(real / "out", target_is_directory=True)
    (tmp_path / "sub-link").symlink_to(real / "sub", target_is_directory=True)
    monkeypatch.chdir(real)
    with held_by_another_process("out"):
        spellings = ["./out", "out/", "sub/../out", str(real / "out"), tmp_path / "link" / "out",
                     tmp_path / "out-link", "../link/sub/../out",
                     # `..` after a symlink is the parent of its target, not of the link
                     f"{tmp_path}/sub-link/../out"]
        for spelling in spellings:
            with pytest.raises(OutputError, match="another framing run is writing"):
                with locked(spelling):
                    pass
        with locked("other"):  # another folder is free
            pass
    assert sorted(p.name for p in real.iterdir()) == [".other.lock", ".out.lock", "sub"]
