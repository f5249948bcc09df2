"""Throughput of ``toolkit quotes`` on PolNeAR dev, start-up included, against same-run baselines.

usage: python benchmarks/quotes.py [--polnear DIR] [--split dev] [--repeat 3]

Runs the command-line tool once per repeat as a fresh process (paths on stdin, JSON Lines to a
pipe) and reports characters per second of the best run. Baselines measured in the same run:
interpreter start-up alone (``python -c pass``) and a process that reads the same files and runs
one plain regex pass over them (what any attribution tool pays at the least).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = ROOT.parent / "shared" / "polnear"
_REGEX_PASS = (
    "import re, sys\n"
    "cue = re.compile(r'\\b(?:said|says|told|according to)\\b')\n"
    "n = 0\n"
    "for line in sys.stdin:\n"
    "    n += len(cue.findall(open(line.strip(), encoding='utf-8').read()))\n"
    "print(n)\n"
)


def _best(command: list[str], stdin: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, input=stdin, text=True, stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def _toolkit_command() -> list[str]:
    script = Path(sys.executable).with_name("toolkit")
    if script.exists() or shutil.which("toolkit"):
        return [str(script) if script.exists() else "toolkit"]
    return [sys.executable, "-m", "toolkit"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = sorted((args.polnear / args.split / "text").glob("*.txt"))
    if not paths:
        print(f"no .txt files under {args.polnear / args.split / 'text'}", file=sys.stderr)
        return 2
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    stdin = "\n".join(str(p) for p in paths) + "\n"
    command = _toolkit_command() + ["quotes", "--paths-from", "-", "--format", "jsonl"]
    startup = _best([sys.executable, "-c", "pass"], "", args.repeat)
    regex = _best([sys.executable, "-c", _REGEX_PASS], stdin, args.repeat)
    tool = _best(command, stdin, args.repeat)
    print(f"{args.split}: {len(paths)} articles, {chars} chars, best of {args.repeat}")
    print(f"  toolkit quotes     {tool:6.3f} s  {chars / tool:12,.0f} chars/s")
    print(f"  regex pass (base)  {regex:6.3f} s  {chars / regex:12,.0f} chars/s")
    print(f"  python start-up    {startup:6.3f} s")
    print(f"  toolkit / regex time ratio {tool / regex:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
