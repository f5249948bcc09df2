"""The review loop in a terminal: one item at a time, decisions read from a text stream.

It prints the sentence with ``[[speaker]]``, ``<<cue>>`` and ``{{content}}`` marked and reads
one command a line:

- ``c`` correct (with any corrections typed before, the spans as corrected), ``w`` wrong;
- ``s WORDS``, ``v WORDS``, ``t WORDS`` set the speaker, cue or content to WORDS as they appear
  in the article (``-`` for none), then show the item again;
- ``n`` (or an empty line) leaves the item for later, ``q`` (or end of input) stops.

Every decision is saved at once in the review folder, so the loop can be left and taken up
again. The ``toolkit review`` command (:mod:`toolkit.cli.review`) runs it on standard input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from toolkit.errors import ToolkitError

if TYPE_CHECKING:
    from toolkit.review.store import Review

__all__ = ["COMMANDS_HELP", "PROMPT", "run_loop"]

COMMANDS_HELP = """\
at the prompt:
  c             correct (or: record the corrections typed so far)
  w             wrong: not an attribution
  s WORDS       the speaker is WORDS (as written in the article; - for none)
  v WORDS       the cue is WORDS
  t WORDS       the content is WORDS
  n             next item, decide this one later
  q             stop (decisions are saved as you go)
"""

PROMPT = "[c]orrect [w]rong  s/v/t WORDS: fix speaker/cue/content  [n]ext [q]uit > "
_FIELDS = {"s": "speaker", "v": "cue", "t": "content"}


def _read(stdin: TextIO, stdout: TextIO) -> str | None:
    stdout.write(PROMPT)
    stdout.flush()
    line = stdin.readline()
    return None if line == "" else line.strip()


def run_loop(review: Review, stdin: TextIO, stdout: TextIO) -> int:
    """Review the undecided items of ``review`` reading commands from ``stdin``; returns how
    many decisions were recorded."""
    from toolkit.review.items import corrected_spans, item_text

    recorded = 0
    for item in review.pending():
        typed: dict[str, str] = {}
        stdout.write("\n" + item_text(review, item) + "\n")
        while True:
            line = _read(stdin, stdout)
            if line is None or line == "q":
                return recorded
            command, _, words = line.partition(" ")
            try:
                if command in ("", "n"):
                    break
                if command == "w":
                    review.mark(item, "wrong")
                elif command == "c":
                    review.correct(item, **corrected_spans(review, item, **typed))
                elif command in _FIELDS and words.strip():
                    candidate = {**typed, _FIELDS[command]: words}
                    spans = corrected_spans(review, item, **candidate)
                    typed = candidate
                    stdout.write("\n" + item_text(review, item, spans=spans) + "\n")
                    continue
                else:
                    stdout.write("? " + PROMPT.split(" > ")[0] + "\n")
                    continue
            except ToolkitError as exc:
                stdout.write(f"cannot do that: {exc}\n")
                continue
            recorded += 1
            break
    return recorded
