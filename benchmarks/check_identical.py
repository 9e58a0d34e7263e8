"""Are the outputs of the speed work byte-identical to the code before it?

A frozen copy of the package from before (``git archive HEAD | tar -x -C REF``) is the
reference. The tree under test is that same copy with only the files of the speed work laid
over it (:data:`OWNED`, or ``--files``), so that changes that other work makes at the same time
elsewhere (the codebook's rules, quotes, output writing) do not count as differences. Both run
``python -m framing analyze`` on the same corpora with the same codebook file, one job (CSV),
chunked (``--chunk-size``, CSV parts) and two jobs (``--jobs 2``); every output file is compared
by SHA-256. Usage::

    python benchmarks/check_identical.py --ref /tmp/ref --codebook /tmp/cb.yaml CORPUS [CORPUS ...]

Exit status 0 when every file is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The files of the speed work (relative to the repository root), laid over the reference:
#: the document, the matcher and the article loop, the text layer, the codebook loader, the
#: table assembly and the workers -- not the coding rules (topics, stances, tone, actors,
#: quotes), which other work changes.
OWNED = ["framing/features/" + m for m in (
    "__init__.py", "document.py", "compiled.py", "extract.py", "featurizer.py")]
OWNED += ["framing/analysis.py", "framing/workers.py", "framing/pipeline.py"]
OWNED_DIRS = ["framing/text", "framing/codebook"]


def overlay(ref, dst, files=None):
    """``dst``: the reference package with the owned files of the working tree laid over it."""
    shutil.copytree(Path(ref) / "framing", dst / "framing")
    if files is not None:
        for rel in files:
            shutil.copy2(ROOT / rel, dst / rel)
        return dst
    for rel in OWNED:
        src = ROOT / rel
        if src.is_file():
            shutil.copy2(src, dst / rel)
    for rel in OWNED_DIRS:
        for src in (ROOT / rel).glob("*.py"):
            shutil.copy2(src, dst / rel / src.name)
    return dst


def digests(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def analyze(tree, corpus, codebook, out, extra):
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONWARNINGS": "ignore"}
    # Run from the tree itself: ``python -m`` puts the current folder first on sys.path.
    code = (f"import framing, sys; assert framing.__file__.startswith({str(tree)!r}), "
            "framing.__file__; from framing.cli import main; sys.exit(main())")
    cmd = [sys.executable, "-c", code,
           "analyze", str(Path(corpus).resolve()), "--codebook", str(Path(codebook).resolve()),
           "--out", str(out), *extra]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tree, check=False)
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--ref", required=True, help="folder holding the reference framing/ package")
    ap.add_argument("--codebook", required=True, help="the same YAML file for both")
    ap.add_argument("--chunk-size", type=int, default=1000)
    ap.add_argument("--files", default=None,
                    help="comma-separated files to lay over the reference (default: OWNED)")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="framing-identical-"))
    new = overlay(args.ref, work / "new", args.files.split(",") if args.files else None)
    modes = {"one": [], "chunked": ["--chunk-size", str(args.chunk_size)],
             "jobs2": ["--jobs", "2", "--chunk-size", str(args.chunk_size)]}
    bad = 0
    for corpus in args.corpus:
        for mode, extra in modes.items():
            out = {}
            for name, tree in (("ref", Path(args.ref).resolve()), ("new", new)):
                out[name] = work / f"{name}-{Path(corpus).name}-{mode}"
                analyze(tree, corpus, args.codebook, out[name], extra)
            a, b = digests(out["ref"]), digests(out["new"])
            for f in sorted(set(a) | set(b)):
                same = a.get(f) == b.get(f)
                bad += not same
                print(f"{'same' if same else 'DIFF'}  {Path(corpus).name:24s} {mode:8s} {f:36s} "
                      f"{(b.get(f) or '-')[:16]}")
    print(f"{'all identical' if not bad else f'{bad} file(s) differ'} (outputs in {work})")
    if not bad:
        shutil.rmtree(work)
    return int(bool(bad))


if __name__ == "__main__":
    sys.exit(main())
