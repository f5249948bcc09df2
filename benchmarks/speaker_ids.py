"""Growth of per-document speaker work: one synthetic article of N lines, each with a role noun.

usage: python benchmarks/speaker_ids.py [--repeat N] [--small N] [--large N]

Each line reads ``Officials met on Tuesday. "We are ready," the minister said.``, so every line
adds an attribution whose speaker the document's names are searched for. Prints the seconds of
``toolkit.attribution.extract`` at two sizes (best of N runs) and the growth exponent between
them: 1 is linear, 2 quadratic.
"""

from __future__ import annotations

from common import benchmark_parser, growth_exponent, peak_memory_mb, timed, timing_summary

from toolkit.attribution import extract

LINE = 'Officials met on Tuesday. "We are ready," the minister said.\n'


def article(lines: int) -> str:
    return "Ministers meet\n\n" + LINE * lines


def main() -> int:
    parser = benchmark_parser(__doc__, repeat=2)
    parser.add_argument("--small", type=int, default=2000, help="lines of the small article")
    parser.add_argument("--large", type=int, default=4000, help="lines of the large article")
    args = parser.parse_args()
    extract(article(50))  # lexicons loaded before timing
    timings = {}
    for lines in (args.small, args.large):
        text = article(lines)
        timing = timed(extract, text, repeat=args.repeat)
        timings[lines] = timing
        print(f"{lines:6d} lines  {len(timing.result):6d} attributions  "
              f"{timing_summary(timing, size=lines, unit='lines')}")
    exponent = growth_exponent(args.small, timings[args.small].best,
                               args.large, timings[args.large].best)
    print(f"growth exponent {exponent:.2f}  peak memory {peak_memory_mb():.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
