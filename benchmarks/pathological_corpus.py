"""Growth of load + clean + segment time on pathological text, at two sizes.

usage: python benchmarks/pathological_corpus.py [--size CHARS] [--repeat N]

Each input is written as a one-article folder, then loaded (reading, decoding, language check,
duplicate fingerprint), cleaned and segmented into paragraphs, sentences and tokens. It is
timed at SIZE and at twice SIZE characters (best of N runs, caches cleared before each run);
the growth exponent log(t2 / t1) / log(2) is 1.0 for linear time and 2.0 for quadratic time.
The goal is at most 1.15 for every input. Times are the process's CPU time, so that other work
on a shared machine does not blur the exponent.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.corpus import load  # noqa: E402
from toolkit.corpus.document import _clean_cached  # noqa: E402
from toolkit.corpus.segment import _segment_cached, segment_document  # noqa: E402

GOAL = 1.15
SENTENCE = "The minister said on Monday that the talks had stalled again. "


def _repeat_to(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def one_long_line(n: int) -> str:
    return "Talks stall\n" + _repeat_to(SENTENCE, n) + "\n"


def punctuation_runs(mark: str) -> Callable[[int], str]:
    def build(n: int) -> str:
        return "Talks stall\n" + _repeat_to("Word" + mark * 10_000 + " next ", n) + "\n"
    return build


def one_huge_token(n: int) -> str:
    base64ish = _repeat_to("QWxhZGRpbjpvcGVuIHNlc2FtZQ+/", n - 60)
    return "Talks stall\nSee https://example.org/" + base64ish + " for details.\n"


def one_huge_word(n: int) -> str:
    return "Talks stall\nThe code " + _repeat_to("QWxhZGRpbjpvcGVu", n - 40) + " was leaked.\n"


def short_lines(n: int) -> str:
    lines, size, i = [], 0, 0
    while size < n:
        line = f"Update {i}: officials said crews reached sector {i * 7 % 101}."
        lines.append(line)
        size += len(line) + 1
        i += 1
    return "Live updates\n" + "\n".join(lines) + "\n"


def initials_and_quotes(n: int) -> str:
    return "Talks stall\n" + _repeat_to('G.K. Bello said "yes." J. R. Ode left. ', n) + "\n"


INPUTS: dict[str, Callable[[int], str]] = {
    "one line of sentences": one_long_line,
    "runs of 10k '.'": punctuation_runs("."),
    "runs of 10k '!'": punctuation_runs("!"),
    "runs of 10k '?'": punctuation_runs("?"),
    "one huge token (URL/base64)": one_huge_token,
    "one huge word (letters only)": one_huge_word,
    "thousands of short lines": short_lines,
    "initials and quotes": initials_and_quotes,
}


def pipeline(folder: Path) -> int:
    _clean_cached.cache_clear()
    _segment_cached.cache_clear()
    n_tokens = 0
    for doc in load(folder):
        n_tokens += len(segment_document(doc).tokens)
    return n_tokens


def timed(folder: Path, repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        start = time.process_time()
        pipeline(folder)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=500_000,
                        help="characters of the smaller input (default: 500000)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pipeline_warm = Path(tempfile.mkdtemp(prefix="warm-"))
    (pipeline_warm / "a.txt").write_text(one_long_line(2_000), encoding="utf-8")
    pipeline(pipeline_warm)  # imports and compiled patterns are not what is measured
    print(f"{'input':<30} {'t(n)':>8} {'t(2n)':>8} {'exponent':>9}   (n = {args.size:,} chars)")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, build in INPUTS.items():
            times = []
            for size in (args.size, 2 * args.size):
                folder = Path(tmp) / f"{len(times)}-{abs(hash(name))}"
                folder.mkdir()
                (folder / "article.txt").write_text(build(size), encoding="utf-8")
                times.append(timed(folder, args.repeat))
            exponent = math.log(times[1] / times[0]) / math.log(2)
            worst = max(worst, exponent)
            flag = "" if exponent <= GOAL else "  above the goal"
            print(f"{name:<30} {times[0]:>7.3f}s {times[1]:>7.3f}s {exponent:>9.2f}{flag}")
    print(f"largest exponent: {worst:.2f} (goal: at most {GOAL})")


if __name__ == "__main__":
    main()
