#!/usr/bin/env python
"""Fault test of issue 14: kill ``framing analyze`` of the whole SaudiNewsNet file at random
moments and check that the output folder holds a complete set -- never a mixed or partial one.

Usage::

    python tools/faults.py kills [--work DIR] [--seed 14] [--kills 10] [--plain 3]
                                 [--plain-articles 1500] [--report FILE]
    python tools/faults.py cases [--work DIR] [--report FILE]     # the issue's list of cases

``kills`` runs, each as a real ``framing analyze`` subprocess (under ``nice``) of a frozen copy
of the package (``git archive HEAD`` plus the set-writing files of the working tree):

1. the whole file chunked (``--chunk-size 2000``), uninterrupted: the SHA-256 of every file kept;
2. a chain of chunked runs into one folder, starting fresh: random positions (fixed seed) drawn
   over the measured run time; each run is sent SIGKILL (every third SIGINT) after the gap to
   the next position, and the next run resumes what it left. After each signal the folder must be
   an unfinished run whose listed parts equal the uninterrupted run's and that a reader
   (:func:`framing.outdir.verify_manifest`) refuses, or the complete set; a last rerun must give
   the uninterrupted run's files exactly;
3. reruns into the complete set signalled at random moments: the set must stay complete;
4. ``--plain`` one-job runs of the first ``--plain-articles`` articles, alternately into a folder
   holding another set (500 articles) and into a fresh one, mostly killed in the save phase (a
   moment drawn over the measured time from the staging folder's appearance to publication): the
   folder must hold the old or the new complete set, and a rerun must clean every leftover;
5. two runs started together into one folder (one job; chunked, 1 s apart): exactly one exits 0,
   the other exits 2 with one line.

Exit 1 when a check fails; the table goes to stdout and to ``--report`` (benchmarks/faults.txt).
Skips (exit 0, one line) when ``../shared/data/saudinewsnet`` is absent. About 30 minutes on two
busy cores; not part of the test suite (tests/test_outdir.py and tests/cli/test_safety.py kill the
write phase in seconds).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNN = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
CLI = [sys.executable, "-c", "import sys; from framing.cli import main; sys.exit(main())"]
NICE = ["nice", "-n", "5"] if shutil.which("nice") else []
LINES = []


def say(line=""):
    print(line, flush=True)
    LINES.append(line)


def digest(folder):
    """``{relative path: sha256}`` of every file under ``folder`` (hidden files included)."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def beside(out):
    """Hidden entries an interrupted run may leave beside ``out`` (the lock file excluded)."""
    return sorted(p.name for p in out.parent.iterdir()
                  if p.name.startswith(f".{out.name}.") and p.name != f".{out.name}.lock")


ENV = dict(os.environ)
#: The files of the set-writing code, taken from the working tree into the snapshot.
OWN = ("framing/outdir.py", "framing/stream.py", "framing/cli/safety.py", "framing/cli/figures.py")


def snapshot(work):
    """A frozen copy of the package (HEAD plus the working tree's set-writing files): other
    work in the tree must not change the outputs between two runs of the test."""
    pkg = work / "pkg"
    pkg.mkdir()
    archive = subprocess.run(["git", "archive", "HEAD", "framing"], cwd=ROOT, capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(pkg)], input=archive, check=True)
    for name in OWN:
        shutil.copy2(ROOT / name, pkg / name)
    ENV["PYTHONPATH"] = str(pkg)
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.strip()
    where = subprocess.run([sys.executable, "-c", "import framing; print(framing.__file__)"],
                           env=ENV, cwd=work, capture_output=True, text=True, check=True).stdout.strip()
    assert where.startswith(str(pkg)), where
    return f"HEAD {head} + working-tree {', '.join(Path(n).name for n in OWN)}"


def start(args):
    return subprocess.Popen([*NICE, *CLI, "analyze", *map(str, args)], cwd=ENV.get("PYTHONPATH"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)


def run(args):
    t0 = time.monotonic()
    proc = start(args)
    _, err = proc.communicate()
    return proc.returncode, time.monotonic() - t0, err


def reader_says(out):
    """What ``framing.analysis.read_analysis`` (with the manifest check) makes of ``out``."""
    code = ("import sys\nfrom framing.analysis import read_analysis\nfrom framing import outdir\n"
            "p = sys.argv[1]\ncheck = getattr(outdir, 'verify_manifest', None)\n"
            "import os\nif check and os.path.exists(os.path.join(p, 'manifest.json')): check(p)\n"
            "print(len(read_analysis(p).articles))")
    proc = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True,
                          check=False, env=ENV, cwd=ENV.get("PYTHONPATH"))
    if proc.returncode == 0:
        return f"reads {proc.stdout.strip()} articles"
    last = (proc.stderr.strip().splitlines() or ["?"])[-1]
    return "refused: " + last.split(": ", 2)[-1].split(" (")[0][:60]


def classify(out, sets, parts_of=None):
    """Name the state of ``out``: one of ``sets`` (name -> digest), an unfinished chunked run
    whose listed parts are those of the complete set ``parts_of``, absent, or MIXED."""
    files = digest(out)
    if not out.exists():
        return "absent", True
    for name, ref in sets.items():
        if files == ref:
            return name, True
    temps = [f for f in files if Path(f).name.startswith((".part-", ".manifest.json."))]
    for name, ref in sets.items():
        if temps and {f: h for f, h in files.items() if f not in temps} == ref:
            return f"{name} + {len(temps)} temp file(s)", True  # readers never open them
    if parts_of and "manifest.json" not in files and files:
        ok = all(files[f] == sets[parts_of].get(f) for f in files if f not in temps)
        state = f"unfinished, {len(files) - len(temps)} part files, no manifest yet"
        return (state if ok else "MIXED/PARTIAL " + state), ok
    if parts_of and "manifest.json" in files:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        ref = sets[parts_of]
        listed = {f"{t}/{p['file']}" for p in manifest["parts"].values() for t in p["sha256"]}
        extra = set(files) - listed - {"manifest.json"} - set(temps)
        ok = (not manifest.get("complete") and all(files[f] == ref.get(f) for f in listed)
              and all(files[f] == ref.get(f) for f in extra))  # parts written, manifest not yet updated
        temp_note = f", {len(temps)} temp file(s)" if temps else ""
        state = (f"unfinished {len(manifest['parts'])}/{sum(1 for f in ref if f.startswith('articles/'))}"
                 f" parts{temp_note}")
        return (state if ok else "MIXED/PARTIAL " + state), ok
    if parts_of and not files:
        return "empty folder", True
    return f"MIXED/PARTIAL ({len(files)} files)", False


def parts_now(out):
    try:
        return len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["parts"])
    except (OSError, ValueError, KeyError):
        return None


def phase_of(out, started, staged, parts_before=None):
    """The phase a run is in now, seen from outside."""
    if any(".tmp-" in n for n in beside(out)):
        return "save (staging)"
    if staged:
        return "published, exiting"
    if (out / "manifest.json").is_file():
        try:
            manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        except (ValueError, OSError):
            return "manifest being replaced"
        if manifest.get("complete"):
            return f"resume ({time.monotonic() - started:.0f} s in)"
        if len(manifest["parts"]) == parts_before:
            return "start-up, no part yet"
        return f"after part {len(manifest['parts'])}"
    return "analysis" if time.monotonic() - started > 2 else "start-up"


def kill_at(args, out, moment, sig, after_staging=False):
    """Start a run, send ``sig`` at ``moment`` s (counted from the staging folder's appearance
    with ``after_staging``); returns (phase, rc, stderr lines)."""
    parts_before = parts_now(out)
    proc = start(args)
    t0 = time.monotonic()
    if after_staging:
        while proc.poll() is None and not any(".tmp-" in n for n in beside(out)):
            time.sleep(0.01)
        t0 = time.monotonic()
    staged = after_staging and proc.poll() is None
    while proc.poll() is None and time.monotonic() - t0 < moment:
        time.sleep(0.005)
    if proc.poll() is None:
        phase = phase_of(out, t0, staged, parts_before)
        proc.send_signal(sig)
    else:
        phase = "finished before the signal"
    _, err = proc.communicate()
    return phase, proc.returncode, [line for line in err.splitlines() if line.strip()]


def slice_of(work, n):
    path = work / f"snn{n}.jsonl.gz"
    if not path.exists():
        with gzip.open(SNN, "rt", encoding="utf-8") as f, \
                gzip.open(path, "wt", encoding="utf-8") as g:
            g.writelines(itertools.islice(f, n))
    return path


EXIT_NOTES = []


def row(num, path, into, sig, moment, phase, rc, state, reader, after, err=()):
    note, _ = exit_note(sig, rc, list(err))
    if note:
        EXIT_NOTES.append(f"   row {num}: {note}")
    say(f"{num:>2} {path:<8} {into:<22} {signal.Signals(sig).name:<7} {moment:>11}  {phase:<22} "
        f"{rc:>4}{'*' if note else ' '} {state:<32} {reader:<38} {after}")


def check_kill(out, sets, sig, rc, err, parts_of=None, fresh=False):
    state, ok = classify(out, sets, parts_of)
    reader = reader_says(out) if out.exists() else "-"
    if "unfinished" in state and not reader.startswith("refused"):
        ok = False  # a reader must not take an unfinished run for a set
    if fresh and state == "absent":
        ok = True  # a fresh folder never published: nothing to read
    return state + ("" if ok else "  <- FAILED"), reader, ok


def exit_note(sig, rc, err):
    """How the process ended: Ctrl-C must give exit 130 and the one line ``interrupted``."""
    if sig == signal.SIGKILL:
        return "", True
    tb = any("Traceback" in line for line in err)
    if rc == 130 and err == ["interrupted"]:
        return "", True
    if rc == 0:
        return "", True
    return f"(SIGINT: exit {rc}, {'a traceback' if tb else f'{len(err)} stderr line(s)'})", False


def kills(opts):
    global SNN
    SNN = Path(opts.corpus).resolve()
    work = Path(opts.work).resolve()
    chunked = work / "chunked"
    c_args = [SNN, "--out", chunked, "--chunk-size", opts.chunk_size]
    rng = random.Random(opts.seed)
    failures = 0
    t_all = time.monotonic()
    if opts.reuse:  # the package snapshot and the uninterrupted chunked run of an earlier call
        for name in OWN:
            shutil.copy2(ROOT / name, work / "pkg" / name)
        ENV["PYTHONPATH"] = str(work / "pkg")
        code, d_fresh = opts.reuse_code, opts.reuse
        assert json.loads((chunked / "manifest.json").read_text(encoding="utf-8"))["complete"]
    else:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        code = snapshot(work)
        rc, d_fresh, err = run(c_args)
        assert rc == 0, err
    small, medium = slice_of(work, 500), slice_of(work, opts.plain_articles)
    sets_c = {"complete set": digest(chunked)}
    n_parts = sum(1 for f in sets_c["complete set"] if f.startswith("articles/"))
    say(f"corpus: {SNN.name}, the whole file ({SNN.stat().st_size / 1e6:.1f} MB gzip); seed "
        f"{opts.seed}; code: {code}; run under `{' '.join(NICE)}` on a shared 2-core machine; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    say(f"uninterrupted chunked run (--chunk-size {opts.chunk_size}): {d_fresh:.0f} s, {n_parts} "
        f"parts, {len(sets_c['complete set'])} files (their SHA-256 kept)")
    say()
    head = (f"{'#':>2} {'path':<8} {'into':<22} {'signal':<7} {'moment':>11}  "
            f"{'phase at signal':<22} {'rc':>4}  {'folder state found':<32} "
            f"{'reader (read_analysis)':<38} after rerun")
    say(head)
    say("-" * len(head))

    # -- chunked: n_chain kills along one run, each rerun resuming the last -----------------
    n_chain = opts.kills - max(1, opts.kills // 5)
    moments = sorted(rng.uniform(0, d_fresh * 1.05) for _ in range(n_chain))
    shutil.rmtree(chunked)
    prev, num = 0.0, 0
    for k, when in enumerate(moments):
        num += 1
        sig = signal.SIGINT if k % 3 == 2 else signal.SIGKILL
        into = "fresh" if k == 0 else f"what row {num - 1} left"
        phase, rc, err = kill_at(c_args, chunked, when - prev, sig)
        state, reader, ok = check_kill(chunked, sets_c, sig, rc, err, "complete set", k == 0)
        failures += not ok
        row(num, "chunked", into, sig, f"{when - prev:.1f} s", phase, rc, state, reader,
            "resumed by the next row" if k < n_chain - 1 else "", err)
        prev = when
    rc2, d2, _ = run(c_args)
    after_ok = rc2 == 0 and digest(chunked) == sets_c["complete set"] and not beside(chunked)
    failures += not after_ok
    say(f"   rerun after kill {num}: exit {rc2} in {d2:.0f} s; the folder "
        + ("equals the uninterrupted run's set, file for file" if after_ok else "DIFFERS  <- FAILED"))
    # -- chunked: kills of a rerun into the complete set, each rerun the next row's run -------
    rc, d_resume, _ = run(c_args)
    ok = rc == 0 and digest(chunked) == sets_c["complete set"]
    failures += not ok
    say(f"   a rerun over the complete set (every part verified by its SHA-256, skipped): exit "
        f"{rc} in {d_resume:.0f} s, the set unchanged: {ok}")
    n_complete = opts.kills - n_chain
    for k in range(n_complete):
        num += 1
        sig = signal.SIGINT if k == n_complete - 1 else signal.SIGKILL
        moment = rng.uniform(0, d_resume * 1.05)
        phase, rc, err = kill_at(c_args, chunked, moment, sig)
        state, reader, ok = check_kill(chunked, sets_c, sig, rc, err, "complete set")
        failures += not ok
        after = "the next row's run" if k < n_complete - 1 else ""
        if not after:
            rc2, d2, _ = run(c_args)
            after_ok = rc2 == 0 and digest(chunked) == sets_c["complete set"] and not beside(chunked)
            failures += not after_ok
            after = f"complete set ({d2:.0f} s)" if after_ok else f"FAILED rc={rc2}"
        row(num, "chunked", "the complete set", sig, f"{moment:.1f} s", phase, rc, state, reader,
            after, err)

    # -- one job, on the first articles: into the old set or fresh, mostly in the save phase --
    plain = work / "plain"
    p_args = [medium, "--out", plain]
    shutil.rmtree(plain, ignore_errors=True)
    proc = start(p_args)
    t0, t_stage, t_gone = time.monotonic(), None, None
    while proc.poll() is None:
        staging = any(".tmp-" in n for n in beside(plain))
        if t_stage is None and staging:
            t_stage = time.monotonic()
        if t_stage is not None and t_gone is None and not staging:
            t_gone = time.monotonic()
        time.sleep(0.005)
    d_plain = time.monotonic() - t0
    d_save = (t_gone or time.monotonic()) - (t_stage or t0)  # staged, then published
    assert proc.returncode == 0, proc.stderr.read()
    new_name, old_name = f"new set ({opts.plain_articles} art.)", "old set (500 art.)"
    sets_p = {new_name: digest(plain)}
    rc, d_small, err = run([small, "--out", plain])
    assert rc == 0, err
    sets_p[old_name] = digest(plain)
    for j in range(opts.plain):
        num += 1
        into_old, in_save = j % 2 == 0, j != 2
        sig = signal.SIGINT if j >= 2 or j == 1 else signal.SIGKILL
        if not into_old:
            shutil.rmtree(plain, ignore_errors=True)
        moment = rng.uniform(0, d_save * 1.2) if in_save else rng.uniform(0, d_plain * 1.05)
        phase, rc, err = kill_at(p_args, plain, moment, sig, after_staging=in_save)
        sets = sets_p if into_old else {new_name: sets_p[new_name]}
        state, reader, ok = check_kill(plain, sets, sig, rc, err, fresh=not into_old)
        left = beside(plain)
        rc2, d2, _ = run([small, "--out", plain])
        after_ok = rc2 == 0 and digest(plain) == sets_p[old_name] and not beside(plain)
        failures += (not ok) + (not after_ok)
        after = (f"500-art. set ({d2:.0f} s)" + (f", {len(left)} leftover(s) cleaned" if left else "")
                 if after_ok else f"FAILED rc={rc2}")
        row(num, "one job", old_name if into_old else "fresh", sig,
            f"{'save+' if in_save else ''}{moment:.1f} s", phase, rc, state, reader, after, err)
    say(f"   one job on the first {opts.plain_articles} articles: {d_plain:.0f} s (save phase, "
        f"from the staging folder's appearance to its publication, {d_save:.1f} s); 500 articles "
        f"{d_small:.0f} s; 'save+x' = x s after the staging folder appeared")

    # -- two runs at once ----------------------------------------------------------------
    say()
    for name, args, delay in (("one job, started together", [], 0),
                              ("chunked, the second 1 s later", ["--chunk-size", 500], 1)):
        folder = work / ("both" + ("-c" if args else ""))
        a = start([medium, "--out", folder, *args])
        time.sleep(delay)
        b = start([small, "--out", folder, *args])
        (_, ea), (_, eb) = a.communicate(), b.communicate()
        loser = [e for p, e in ((a, ea), (b, eb)) if p.returncode == 2]
        lines = [line for line in (loser[0] if loser else "").splitlines() if line.strip()]
        reader = reader_says(folder)
        ok = sorted([a.returncode, b.returncode]) == [0, 2] and len(lines) == 1 \
            and reader.startswith("reads")
        failures += not ok
        say(f"two runs into one folder ({name}; {opts.plain_articles} and 500 articles): exit "
            f"{a.returncode} and {b.returncode}; the refused one printed "
            f"{lines[0] if len(lines) == 1 else lines!r}; the folder {reader}"
            + ("" if ok else "  <- FAILED"))
    say()
    for note in EXIT_NOTES:
        say(note)
    say(f"{failures} folder failure(s) (a mixed or partial set, a reader taking an unfinished run "
        f"for a set, a rerun not giving the complete set, a concurrent pair not 0 and 2); "
        f"{len(EXIT_NOTES)} Ctrl-C exit(s) other than 130 + `interrupted` (marked *); "
        f"{time.monotonic() - t_all:.0f} s in all")
    return failures


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("what", choices=["kills", "cases"])
    p.add_argument("--work", default="/tmp/framing-faults")
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--kills", type=int, default=10)
    p.add_argument("--plain", type=int, default=3)
    p.add_argument("--report")
    p.add_argument("--corpus", default=str(SNN), help="for a quick try of the script only")
    p.add_argument("--chunk-size", type=int, default=2000)
    p.add_argument("--plain-articles", type=int, default=1500,
                   help="articles of the one-job kills and the concurrent runs")
    p.add_argument("--reuse", type=float, default=0,
                   help="reuse --work's snapshot and uninterrupted chunked run; its duration (s)")
    p.add_argument("--reuse-code", default="", help="the code line of the reused snapshot")
    opts = p.parse_args(argv)
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        # started in the background by a shell: SIGINT ignored, and so in every child, which
        # would make the Ctrl-C rows meaningless; children get the default disposition back
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if opts.what == "cases":
        from fault_cases import cases

        failures = cases(opts, say)
    elif not Path(opts.corpus).is_file():
        print(f"skipped: {opts.corpus} is absent (the shared corpora sit beside the repo)")
        return 0
    else:
        failures = kills(opts)
    if opts.report:
        Path(opts.report).write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
