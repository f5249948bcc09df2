"""How each command grows with corpus size: CPU, wall time and peak memory at 1k and 10k articles.

usage: python benchmarks/scale.py [--polnear DIR] [--sizes 1000 10000] [--large] [--keep DIR]

Builds varied corpora from the PolNeAR train split in a temporary folder (never in the
repository): article ``i`` takes a random half of the paragraphs of one train article and a
random half of another's, shuffled, so few articles are near copies of each other; a
``metadata.csv`` gives each an outlet and a date. Each command then runs in a fresh process
(``python -m toolkit ...`` with this checkout first on the path, output to /dev/null):
``corpus --format jsonl``, ``quotes --paths-from -``, ``speakers``, ``frames``, and
``analyze(workers=1)`` and ``analyze(workers=2)`` through the library (the corpus loaded
with the same number of workers, as the commands do). Per command and size it
prints the CPU time of all its processes (user + system of the command's process and of every
process started under it: this benchmark adopts the worker processes, which multiprocessing
starts from its fork server, when their parents end, on Linux), wall time and peak resident
memory (the largest single process), then the growth exponent of CPU and wall time between
consecutive sizes. ``--large`` adds 50,000 articles. A cache folder fresh for each run keeps
earlier results from being reused.
"""

from __future__ import annotations

import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, benchmark_parser, growth_exponent, require

OUTLETS = ("Harbor Ledger", "Valdoria Wire", "Castenian Observer", "Northern Post", "Daily Sun")

ANALYZE = """
import sys
from toolkit.analysis import analyze
from toolkit.corpus import load
analyze(load(sys.argv[1], workers=int(sys.argv[2])), workers=int(sys.argv[2]), quiet=True)
"""


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def build_corpus(source: Path, n: int, folder: Path) -> Path:
    """Write ``n`` mixed articles (and metadata.csv) under ``folder``; return the folder."""
    texts = [_paragraphs(p.read_text(encoding="utf-8"))
             for p in sorted((source / "text").glob("*.txt"))]
    texts = [t for t in texts if len(t) >= 2]
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    rng = random.Random(n)
    with (articles / "metadata.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["file", "doc_id", "outlet", "date", "title"])
        for i in range(n):
            own, other = rng.sample(range(len(texts)), 2)
            paras = [p for k in (own, other)
                     for p in rng.sample(texts[k], max(1, (len(texts[k]) + 1) // 2))]
            rng.shuffle(paras)
            name = f"a{i:06d}.txt"
            (articles / name).write_text("\n\n".join(paras) + "\n", encoding="utf-8")
            date = f"2016-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}"
            out.writerow([name, f"a{i:06d}", OUTLETS[i % len(OUTLETS)], date,
                          f"Story {i} from {OUTLETS[i % len(OUTLETS)]}"])
    return articles


def run(argv: list[str], *, stdin: str | None = None, cache: Path) -> tuple[float, float, float]:
    """Run ``argv`` in a child process; return (CPU s of it and every process under it, wall s,
    peak MiB of its largest process)."""
    _adopt_orphans()
    env = dict(os.environ, PYTHONPATH=str(ROOT), TOOLKIT_CACHE_DIR=str(cache))
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
                             env=env, cwd=tempfile.gettempdir())
    if stdin:
        child.stdin.write(stdin)
        child.stdin.close()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:4])}... exited with {child.returncode}")
    usages = [usage, *_orphans_ended()]
    cpu = sum(u.ru_utime + u.ru_stime for u in usages)
    peak = max(u.ru_maxrss for u in usages) / (2**20 if sys.platform == "darwin" else 2**10)
    return cpu, wall, peak


def _adopt_orphans() -> None:
    """Become the parent of the processes the commands leave behind (the fork server, whose
    own children are the workers), so that their CPU time is counted: Linux only."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _orphans_ended(wait: float = 60.0) -> list:
    """The resource usage of each adopted process, once it has ended (at most ``wait`` s)."""
    usages = []
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            pid, _, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:  # none left
            break
        if pid:
            usages.append(usage)
        else:
            time.sleep(0.05)
    return usages


def commands(folder: Path) -> dict[str, tuple[list[str], str | None]]:
    py = [sys.executable]
    paths = "\n".join(str(p) for p in sorted(folder.glob("*.txt"))) + "\n"
    tk = [*py, "-m", "toolkit"]
    return {
        "corpus --format jsonl": ([*tk, "corpus", str(folder), "--format", "jsonl"], None),
        "quotes --paths-from -": ([*tk, "quotes", "--paths-from", "-"], paths),
        "speakers": ([*tk, "speakers", str(folder)], None),
        "frames": ([*tk, "frames", str(folder)], None),
        "analyze(workers=1)": ([*py, "-c", ANALYZE, str(folder), "1"], None),
        "analyze(workers=2)": ([*py, "-c", ANALYZE, str(folder), "2"], None),
    }


def main() -> None:
    parser = benchmark_parser(__doc__, split="train")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000],
                        help="corpus sizes in articles (default: 1000 10000)")
    parser.add_argument("--large", action="store_true", help="also run 50,000 articles")
    parser.add_argument("--only", nargs="+", default=None, metavar="COMMAND",
                        help="run only the commands whose names start with these words")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="build (or reuse) the corpora under DIR instead of a temporary "
                             "folder")
    args = parser.parse_args()
    source = require(args.polnear / args.split)
    sizes = sorted(set(args.sizes + ([50000] if args.large else [])))
    results: dict[str, dict[int, tuple[float, float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="toolkit-scale-") as temp:
        base = args.keep or Path(temp)
        for n in sizes:
            folder = base / f"corpus-{n}"
            articles = folder / "articles"
            if not (articles / "metadata.csv").exists():
                start = time.perf_counter()
                build_corpus(source, n, folder)
                print(f"built {n:,} articles in {time.perf_counter() - start:.1f} s",
                      flush=True)
            for name, (argv, stdin) in commands(articles).items():
                if args.only and not any(name.startswith(w) for w in args.only):
                    continue
                with tempfile.TemporaryDirectory(prefix="toolkit-cache-") as cache:
                    cpu, wall, peak = run(argv, stdin=stdin, cache=Path(cache))
                results.setdefault(name, {})[n] = (cpu, wall, peak)
                print(f"{n:>7,}  {name:<24} cpu {cpu:8.1f} s  wall {wall:8.1f} s  "
                      f"peak {peak:8.0f} MiB", flush=True)
    print("\ngrowth exponents (seconds ~ size**k) and peak memory per command")
    for name, by_size in results.items():
        done = sorted(by_size)
        parts = []
        for small, large in zip(done, done[1:], strict=False):
            cpu_k = growth_exponent(small, by_size[small][0], large, by_size[large][0])
            wall_k = growth_exponent(small, by_size[small][1], large, by_size[large][1])
            parts.append(f"{small:,}->{large:,}: cpu k={cpu_k:.2f} wall k={wall_k:.2f}")
        peaks = ", ".join(f"{by_size[n][2]:.0f}" for n in done)
        print(f"  {name:<24} {'; '.join(parts) or '-'}  peak MiB {peaks}")
    if "analyze(workers=1)" in results and "analyze(workers=2)" in results:
        for n in sorted(results["analyze(workers=2)"]):
            one, two = results["analyze(workers=1)"].get(n), results["analyze(workers=2)"][n]
            if one:
                print(f"  workers=2 speed-up at {n:,}: {one[1] / two[1]:.2f}x wall")


if __name__ == "__main__":
    main()
