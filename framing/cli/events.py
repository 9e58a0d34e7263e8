"""``framing events CORPUS --out DIR``: group the articles of a corpus into events and stories."""

from __future__ import annotations

from pathlib import Path

from ..errors import FramingError
from .args import add_codebook, add_corpus, open_input


def _days(value):
    """``--story-window-days``: a number of days, or ``none`` for no window."""
    if value.lower() == "none":
        return None
    return int(value)


def add_parser(subparsers):
    p = subparsers.add_parser(
        "events",
        help="group articles that report the same event, and events into stories",
        description="Group the articles of a corpus into events (the same happening, reported "
                    "within a few days) and stories (related events), and write events.csv: "
                    "doc_id, event_id, story_id, similarity. Method and measured accuracy: "
                    "docs/events.md.",
    )
    add_corpus(p, analysis=True, codebook=False)
    p.add_argument("--out", required=True, help="output folder (events.csv is written there)")
    add_codebook(p, default=None,
                 help="also compare the codebook's actors named in the leads (analyses a corpus "
                      "first; an analysis folder brings its own; default: places only)")
    p.add_argument("--gazetteer", metavar="PATH", help="places YAML (default: places-ar)")
    tune = p.add_argument_group("thresholds (defaults measured in docs/events.md)")
    tune.add_argument("--window-days", type=int, default=2,
                      help="articles further apart are never one event (default 2)")
    tune.add_argument("--event-threshold", type=float, default=0.25, help="default 0.25")
    tune.add_argument("--undated-threshold", type=float, default=0.5,
                      help="for pairs with an undated article (default 0.5)")
    tune.add_argument("--story-threshold", type=float, default=0.15, help="default 0.15")
    tune.add_argument("--story-window-days", type=_days, default=None, metavar="N|none",
                      help="date window for stories (default none)")
    tune.add_argument("--entity-weight", type=float, default=0.1,
                      help="share of shared places/actors in the score (default 0.1)")
    p.set_defaults(func=run)


def run(args):
    from ..analysis import analyze
    from ..events import group_events, load_gazetteer
    from ..features import CompiledCodebook
    from ..io import write_table

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise FramingError("exists and is not a folder", path=out,
                           fix="give a folder for --out (it is created if missing)")
    # Inputs that are quick to check are checked before a possibly large corpus is read.
    gazetteer = load_gazetteer(args.gazetteer)
    codebook = CompiledCodebook(args.codebook) if args.codebook else None
    corpus, analysis = open_input(args)
    if analysis is None and codebook is not None:
        analysis = analyze(corpus, codebook)
    events = group_events(corpus, analysis, window_days=args.window_days,
                          event_threshold=args.event_threshold,
                          undated_threshold=args.undated_threshold,
                          story_threshold=args.story_threshold,
                          story_window_days=args.story_window_days,
                          entity_weight=args.entity_weight, gazetteer=gazetteer)
    path = out / "events.csv"
    write_table(events, path)
    sizes = events.groupby("event_id").size()
    print(f"grouped {len(events)} articles into {len(sizes)} events "
          f"({int((sizes > 1).sum())} with several articles) and "
          f"{events['story_id'].nunique()} stories -> {path}")
    return 0
