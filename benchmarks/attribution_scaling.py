"""How the time of ``extract`` grows with the length of one article.

usage: python benchmarks/attribution_scaling.py [--polnear DIR] [--repeat 1] [--quick]
       [--no-speakers]

Builds articles in a temporary folder from PolNeAR train paragraphs, repeated in order until
the size is reached, and times ``extract`` (page furniture left out, as ``toolkit quotes``
does) on each:

- time per character at 40k and 400k characters and their ratio (1.0 is linear);
- a 5 MB article;
- pathological texts at two sizes with the growth exponent between them (1 is linear, 2
  quadratic): no punctuation at all, one long quotation, thousands of quotation marks, long runs
  of ``.``, ``!`` and ``?``, a long run of initials (``a.a.a.…``) and one long paragraph;
- the throughput of ``toolkit quotes`` on PolNeAR dev as a fresh process, start-up included.

Times of ``extract`` are CPU seconds of this process (best of ``--repeat``), so that other
processes on a shared machine do not count; the command's throughput is given in wall-clock and
in CPU time. Each article size is measured twice: with the speakers package's resolution of speaker ids and
without it (``--no-speakers`` measures only without), so the attribution rules' share and the
speaker resolution's share of the time can be told apart.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import benchmark_parser, growth_exponent, require

from toolkit.attribution import extract
from toolkit.attribution import extractor as _extractor
from toolkit.corpus.clean import clean

_CANONICALIZE = _extractor.canonicalize_speakers


def _without_speakers(view, drafts) -> None:
    """Speaker ids left unresolved: the attribution rules alone."""


def speakers(enabled: bool) -> None:
    """Resolve speaker ids (the default) or leave them out of the measurement."""
    _extractor.canonicalize_speakers = _CANONICALIZE if enabled else _without_speakers


def paragraphs_of(folder: Path) -> list[str]:
    """The paragraphs (non-blank lines) of every article of ``folder`` but its headline."""
    paragraphs = []
    for path in sorted(folder.glob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        paragraphs.extend(lines[1:])
    return paragraphs


def article(paragraphs: list[str], size: int) -> str:
    """A headline and the paragraphs in order, repeated until ``size`` characters are reached."""
    parts, total, i = ["Headline of a long synthetic article"], 0, 0
    while total < size:
        parts.append(paragraphs[i % len(paragraphs)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "no punctuation": lambda n: _repeat("the mayor said the council would think about it and "
                                        "Dana Ortiz told reporters that nobody agreed and ", n),
    "one long quotation": lambda n: "Dana Ortiz said \u201c" + _repeat(
        "the plan will work, she said, and the council agrees with it. ", n) + "\u201d",
    "many quotation marks": lambda n: _repeat(
        "\u201cYes,\u201d Ana said. \"No\" and \"maybe\" ''so'' \u201c", n),
    "runs of . ! ?": lambda n: "Ana said " + "." * (n // 3) + " Yes " + "!" * (n // 3)
                               + " Then " + "?" * (n // 3) + " she said.",
    "run of initials": lambda n: "Ana said " + _repeat("a.", n) + " Then Ben said no.",
    "one paragraph": lambda n: _repeat("\u201cWe will stay,\u201d Dana Ortiz said. The "
                                       "council, she added, had not decided. ", n),
}


def run_extract(text: str) -> int:
    return len(extract(text, excluded=clean(text).excluded_spans))


def seconds(text: str, repeat: int) -> float:
    """The best CPU time of ``repeat`` runs of ``run_extract(text)``: on a shared machine the
    wall clock also counts the other processes' turns."""
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = time.process_time()
        run_extract(text)
        best = min(best, time.process_time() - start)
    return best


def cli_throughput(folder: Path, repeat: int) -> tuple[int, float, float]:
    """Characters of ``folder``'s articles and the best wall and CPU (user + system) times of
    ``toolkit quotes`` on them."""
    paths = sorted(folder.glob("*.txt"))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    script = Path(sys.executable).with_name("toolkit")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "toolkit"]
    command += ["quotes", "--paths-from", "-", "--format", "jsonl"]
    stdin = "\n".join(str(p) for p in paths) + "\n"
    best = cpu = float("inf")
    for _ in range(max(1, repeat)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, input=stdin, text=True, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = min(cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return chars, best, cpu


def main() -> int:
    parser = benchmark_parser(__doc__, repeat=1)
    parser.add_argument("--quick", action="store_true", help="skip the 5 MB article")
    parser.add_argument("--no-speakers", action="store_true",
                        help="measure only without speaker resolution")
    args = parser.parse_args()
    polnear = require(args.polnear)
    paragraphs = paragraphs_of(polnear / "train" / "text")
    run_extract("Ana said the warm-up is done.")
    modes = (False,) if args.no_speakers else (True, False)
    with tempfile.TemporaryDirectory() as folder:
        texts = {n: article(paragraphs, n) for n in (40_000, 400_000)}
        for n, text in texts.items():  # the articles are written out, as a user would have them
            Path(folder, f"article_{n}.txt").write_text(text, encoding="utf-8")
        for with_speakers in modes:
            speakers(with_speakers)
            label = "with speaker ids" if with_speakers else "without speaker ids"
            small, large = (seconds(texts[n], args.repeat) for n in (40_000, 400_000))
            per_small, per_large = small / len(texts[40_000]), large / len(texts[400_000])
            print(f"PolNeAR train paragraphs, {label}:")
            print(f"  40k chars  {small:8.3f} s  {per_small * 1e6:6.2f} us/char")
            print(f"  400k chars {large:8.3f} s  {per_large * 1e6:6.2f} us/char   "
                  f"ratio {per_large / per_small:.2f} (goal <= 1.5)")
            if not args.quick:
                big = article(paragraphs, 5_000_000)
                took = seconds(big, 1)
                print(f"  5 MB       {took:8.3f} s  {took / len(big) * 1e6:6.2f} us/char "
                      "(goal < 20 s)")
        speakers(not args.no_speakers)
        print("pathological texts (growth exponent: 1 linear, 2 quadratic):")
        for name, make in PATHOLOGICAL.items():
            a, b = make(25_000), make(100_000)
            ta, tb = seconds(a, args.repeat), seconds(b, args.repeat)
            print(f"  {name:22s} 25k {ta:7.3f} s  100k {tb:7.3f} s  "
                  f"exponent {growth_exponent(len(a), ta, len(b), tb):5.2f}")
    chars, wall, cpu = cli_throughput(polnear / "dev" / "text", args.repeat)
    print(f"toolkit quotes on PolNeAR dev, start-up included: {chars} chars in {wall:.2f} s "
          f"wall, {chars / wall:,.0f} chars/s (goal >= 1,000,000); {cpu:.2f} s CPU, "
          f"{chars / cpu:,.0f} chars per CPU second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
