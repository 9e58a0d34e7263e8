"""``framing events CORPUS --out DIR``: group the articles of a corpus into events and stories."""

from __future__ import annotations

from pathlib import Path

from .errors import FramingError
from .io import write_table


def _days(value):
    """``--story-window-days``: a number of days, or ``none`` for no window."""
    if value.lower() == "none":
        return None
    return int(value)


def add_parsers(subparsers):
    """Register the ``events`` subcommand."""
    p = subparsers.add_parser(
        "events",
        help="group articles that report the same event, and events into stories",
        description="Group the articles of a corpus into events (the same happening, reported "
                    "within a few days) and stories (related events), and write events.csv: "
                    "doc_id, event_id, story_id, similarity. Method and measured accuracy: "
                    "docs/events.md.",
    )
    p.add_argument("corpus", metavar="CORPUS",
                   help="folder of .txt (+ metadata.csv), or a CSV/JSONL(.gz)/Parquet file")
    p.add_argument("--out", required=True, help="output folder (events.csv is written there)")
    p.add_argument("--codebook", metavar="NAME_OR_PATH",
                   help="also compare the codebook's actors named in the leads (runs the "
                        "analysis first; default: places only)")
    p.add_argument("--gazetteer", metavar="PATH", help="places YAML (default: places-ar)")
    p.add_argument("--text-col", help="name of the text column in a CSV/JSONL/Parquet corpus")
    p.add_argument("--id-col", help="name of the id column")
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
    p.set_defaults(func=cmd_events)


def cmd_events(args):
    from .corpus import load_corpus
    from .events import group_events, load_gazetteer

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise FramingError("exists and is not a folder", path=out,
                           fix="give a folder for --out (it is created if missing)")
    # Inputs that are quick to check are checked before a possibly large corpus is read.
    gazetteer = load_gazetteer(args.gazetteer)
    compiled = None
    if args.codebook:
        from .features.extract import CompiledCodebook

        compiled = CompiledCodebook(args.codebook)
    corpus = load_corpus(args.corpus, text_col=args.text_col, id_col=args.id_col)
    analysis = None
    if compiled is not None:
        from .analyze import analyze

        analysis = analyze(corpus, compiled)
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
