"""The report and the table commands on a result store: cold, warm, and after 1% new articles.

usage: python benchmarks/report_store.py [--polnear DIR] [--size 10000] [--keep DIR]
                                         [--skip-report] [--commands speakers frames ...]

Builds a corpus of ``--size`` articles as ``scale.py`` does (in a temporary folder, or under
``--keep DIR`` to reuse it), then runs, each in a fresh process with this checkout first on the
path and one cache folder fresh for this run:

1. ``toolkit report`` cold (empty cache), with the per-notebook durations from the manifest;
2. the same report again (warm: nothing changed);
3. the report after adding 1% new articles (files and metadata rows);
4. each table command on the grown corpus, once the store holds it.

Per step it prints wall time and the peak resident memory of the largest process it waited
for (the runner and its kernels; worker processes are counted in their own right only when they
are waited for). The corpus folder is restored afterwards when it was kept.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import benchmark_parser, require
from scale import build_corpus, run

TABLE_COMMANDS = {
    "speakers": ["speakers"],
    "verbs": ["verbs"],
    "frames": ["frames"],
    "kwic": ["kwic", "sanction*"],
    "keyness": ["keyness", "--by", "outlet", "--group", "Daily Sun"],
    "collocates": ["collocates", "said"],
}


def _grow(articles: Path, source: Path, size: int, extra: int, scratch: Path) -> list[Path]:
    """Add ``extra`` articles (and their metadata rows) to ``articles``; return the new files."""
    bigger = build_corpus(source, size + extra, scratch / "bigger")
    rows = (bigger / "metadata.csv").read_text(encoding="utf-8").splitlines()
    names = [f"a{i:06d}.txt" for i in range(size, size + extra)]
    wanted = [row for row in rows if row.split(",", 1)[0] in names]
    added = []
    for name in names:
        shutil.copy(bigger / name, articles / name)
        added.append(articles / name)
    with (articles / "metadata.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n".join(wanted) + "\n")
    shutil.rmtree(scratch / "bigger")
    return added


def _report(articles: Path, out: Path, cache: Path, label: str) -> None:
    argv = [sys.executable, "-m", "toolkit", "report", "--corpus", str(articles), "--out",
            str(out), "--name", "bench", "--quiet"]
    start = time.perf_counter()
    _, wall, peak = run(argv, cache=cache)
    manifest = json.loads((out / "bench" / "latest" / "manifest.json").read_text())
    parts = [f"analysis {manifest.get('analysis_seconds', 0):.1f}"] + [
        f"{n['name']} {n['duration_seconds']:.1f}" for n in manifest["notebooks"]]
    print(f"report {label:<10} wall {wall:7.1f} s  peak {peak:6.0f} MiB  ({', '.join(parts)}; "
          f"{time.perf_counter() - start:.1f} s)", flush=True)


def main() -> None:
    parser = benchmark_parser(__doc__, split="train")
    parser.add_argument("--size", type=int, default=10000, help="articles (default: 10000)")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="build (or reuse) the corpus under DIR")
    parser.add_argument("--skip-report", action="store_true",
                        help="fill the store with one table command instead of the report")
    parser.add_argument("--commands", nargs="+", default=list(TABLE_COMMANDS),
                        choices=list(TABLE_COMMANDS), help="table commands to time")
    args = parser.parse_args()
    source = require(args.polnear / args.split)
    extra = max(1, args.size // 100)
    with tempfile.TemporaryDirectory(prefix="toolkit-report-store-") as temp:
        scratch = Path(temp)
        base = args.keep or scratch
        articles = base / f"corpus-{args.size}" / "articles"
        if not (articles / "metadata.csv").exists():
            build_corpus(source, args.size, articles.parent)
        metadata = (articles / "metadata.csv").read_bytes()
        cache, out = scratch / "cache", scratch / "reports"
        added: list[Path] = []
        try:
            if not args.skip_report:
                _report(articles, out, cache, "cold")
                _report(articles, out, cache, "warm")
            added = _grow(articles, source, args.size, extra, scratch)
            if not args.skip_report:
                _report(articles, out, cache, f"+{extra}")
            tk = [sys.executable, "-m", "toolkit"]
            for name in args.commands:
                argv = [*tk, *TABLE_COMMANDS[name][:1], str(articles), *TABLE_COMMANDS[name][1:]]
                _, wall, peak = run(argv, cache=cache)
                print(f"{name:<18} wall {wall:7.1f} s  peak {peak:6.0f} MiB", flush=True)
        finally:
            for path in added:
                path.unlink(missing_ok=True)
            (articles / "metadata.csv").write_bytes(metadata)


if __name__ == "__main__":
    main()
