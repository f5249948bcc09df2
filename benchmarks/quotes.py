"""Throughput of ``toolkit quotes`` on PolNeAR dev, start-up included, against same-run baselines.

usage: python benchmarks/quotes.py [--polnear DIR] [--split dev] [--repeat 3]

Runs the command-line tool once per repeat as a fresh process (paths on stdin, JSON Lines to a
pipe) and reports characters per second of the best run; the toolkit's bytecode is written first,
as an installed package has it. Baselines measured in the same run:
interpreter start-up alone (``python -c pass``) and a process that reads the same files and runs
one plain regex pass over them (what any attribution tool pays at the least).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from common import benchmark_parser, require, timed, timing_summary

_REGEX_PASS = (
    "import re, sys\n"
    "cue = re.compile(r'\\b(?:said|says|told|according to)\\b')\n"
    "n = 0\n"
    "for line in sys.stdin:\n"
    "    n += len(cue.findall(open(line.strip(), encoding='utf-8').read()))\n"
    "print(n)\n"
)


def run_process(command: list[str], stdin: str) -> None:
    subprocess.run(command, input=stdin, text=True, stdout=subprocess.PIPE,
                   stderr=subprocess.DEVNULL, check=True)


def toolkit_command() -> list[str]:
    """The installed ``toolkit`` script beside this Python, on PATH, or ``python -m toolkit``."""
    script = Path(sys.executable).with_name("toolkit")
    if script.exists():
        return [str(script)]
    if shutil.which("toolkit"):
        return ["toolkit"]
    return [sys.executable, "-m", "toolkit"]


def compile_toolkit() -> None:
    """Write the toolkit's bytecode, as an installed package has it: with
    PYTHONDONTWRITEBYTECODE set, every start would otherwise compile the sources again."""
    import compileall

    import toolkit

    compileall.compile_dir(Path(toolkit.__file__).parent, quiet=1)


def main() -> int:
    args = benchmark_parser(__doc__, split="dev", repeat=3).parse_args()
    compile_toolkit()
    paths = sorted(require(args.polnear / args.split / "text").glob("*.txt"))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    stdin = "\n".join(str(p) for p in paths) + "\n"
    command = toolkit_command() + ["quotes", "--paths-from", "-", "--format", "jsonl"]
    startup = timed(run_process, [sys.executable, "-c", "pass"], "", repeat=args.repeat)
    regex = timed(run_process, [sys.executable, "-c", _REGEX_PASS], stdin, repeat=args.repeat)
    tool = timed(run_process, command, stdin, repeat=args.repeat)
    print(f"{args.split}: {len(paths)} articles, {chars} chars, best of {args.repeat}")
    print(f"  toolkit quotes     {timing_summary(tool, size=chars, unit='chars')}")
    print(f"  regex pass (base)  {timing_summary(regex, size=chars, unit='chars')}")
    print(f"  python start-up    {timing_summary(startup)}")
    print(f"  toolkit / regex time ratio {tool.best / regex.best:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
