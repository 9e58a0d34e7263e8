#!/usr/bin/env python
"""sha256 of every output of the main commands, to prove a change alters no output.

Usage::

    python tools/output_sums.py OUT_DIR > sums.txt          # run the commands, print the sums
    python tools/output_sums.py OUT_DIR --check sums.txt    # and compare with a saved list

Runs ``framing analyze``, ``framing events`` (places only, and with the codebook) and
``framing figures`` on ``seeds/``; ``framing analyze`` on the whole SaudiNewsNet file (one job,
and two jobs in chunks) and ``framing figures --select libya`` on it, when ``../shared/data`` is
present. Exit 1 when ``--check`` finds a
difference.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNN = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def commands(out: Path):
    seeds = str(ROOT / "seeds")
    yield "analyze-seeds", ["analyze", seeds, "--out", str(out / "analyze-seeds")]
    yield "analyze-seeds-parquet", ["analyze", seeds, "--out", str(out / "analyze-seeds-parquet"),
                                    "--format", "parquet"]
    yield "events-seeds", ["events", seeds, "--out", str(out / "events-seeds")]
    yield "events-seeds-codebook", ["events", seeds, "--out", str(out / "events-seeds-codebook"),
                                    "--codebook", "libya-egypt"]
    yield "figures-seeds", ["figures", seeds, "--out", str(out / "figures-seeds")]
    yield "figures-seeds-ar", ["figures", seeds, "--out", str(out / "figures-seeds-ar"),
                               "--lang", "ar", "--width", "single"]
    if SNN.exists():
        yield "analyze-snn", ["analyze", str(SNN), "--out", str(out / "analyze-snn")]
        yield "analyze-snn-jobs2", ["analyze", str(SNN), "--out", str(out / "analyze-snn-jobs2"),
                                    "--jobs", "2", "--chunk-size", "4000"]
        yield "figures-snn-libya", ["figures", str(SNN), "--out", str(out / "figures-snn-libya"),
                                    "--select", "libya", "--formats", "pdf,svg"]
    else:
        print(f"# {SNN} absent: SaudiNewsNet outputs not compared", file=sys.stderr)


def sums(folder: Path):
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        yield hashlib.sha256(path.read_bytes()).hexdigest(), path.relative_to(folder).as_posix()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="scratch folder (emptied first)")
    ap.add_argument("--check", type=Path, help="a saved list of sums to compare with")
    ap.add_argument("--framing", default=str(Path(sys.executable).parent / "framing"))
    args = ap.parse_args(argv)
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    for name, cmd in commands(args.out):
        print(f"# {name}: framing {' '.join(cmd[1:2])} ...", file=sys.stderr)
        subprocess.run([args.framing, *cmd], check=True, stdout=subprocess.DEVNULL)
    lines = [f"{digest}  {rel}" for digest, rel in sums(args.out)]
    if not args.check:
        print("\n".join(lines))
        return 0
    saved = set(args.check.read_text().splitlines())
    now = set(lines)
    missing, extra = sorted(saved - now), sorted(now - saved)
    for line in missing:
        print(f"- {line}")
    for line in extra:
        print(f"+ {line}")
    print(f"{len(now & saved)} of {len(saved)} files identical, {len(missing)} differ or missing, "
          f"{len(extra)} new or changed")
    return 1 if missing or extra else 0


if __name__ == "__main__":
    sys.exit(main())
