"""Construction suite for attribution: run ``extract`` on hand-written cases, score them by type.

The cases live in ``cases.yaml`` beside this file. Each case has a ``type`` (the construction),
a ``text``, an ``expect`` list (empty: no attribution at all) and an optional ``note``. Each
expected attribution has:

- ``speaker``: the speaker mention as written in the text, or null (no speaker), or a list of
  acceptable mentions (``[null, Q]``: an interviewer may be left out or written as ``Q``);
- ``cue``: the cue as written, or a list of acceptable cue texts where conventions differ
  (``In a poll released Monday`` or ``In a poll``);
- ``content``: the content as written, null for no content, or a list of parts for a split
  quotation whose content must leave out the cue and speaker between the parts;
- optional ``kind`` (direct, indirect, mixed, floating, cognitive, evidential) and
  ``speaker_id`` (the canonical id);
- optional ``embedded``: attributions reported inside this one's content (``Merrill says
  Machado promised to ...``), in the same format.

Matching rules:

- An expected attribution is found when a record not yet matched has the same cue text (exactly,
  after trimming spaces; any of the listed texts), its speaker mention contains the expected
  speaker words as a whole-word run (both null also match; a floating record, which has no
  mention, is compared through its speaker id), and its content fits. Expectations are matched
  in order to the first record, in text order, that fits: that is "the first occurrence that
  fits" of the cue.
- Content convention: quote marks do not matter. Both sides are compared after collapsing
  whitespace and trimming spaces, quote marks and closing punctuation (``.,;:!?…``) from both
  ends, so ``“We are ready,”`` equals ``We are ready``, and a leading complementizer ``that``
  is dropped (``said that the port ...`` and ``said the port ...`` have the same content); the
  comparison is then exact equality.
  A null expected content needs a record without content.
- Split quotations (content given as parts): when records expose ``content_spans`` the text of
  each span must equal its counterpart; otherwise the record content must equal the parts joined
  by a space, which fails while the content runs across the cue and speaker.
- ``kind`` and ``speaker_id``, when given, must be equal.
- ``embedded`` attributions: while records have no ``embedded`` field they are not checked
  (counted as unchecked), but a record that fits one is not an extra. Once the field exists, a
  record that fits and is marked embedded must be present.

A case passes when every expected attribution is found and no record is left over. Floating
records (cue-less continuation quotes) left over are tolerated when the case expects no floating
attribution at all, because the cases are about the cued construction; a case that lists a
floating attribution checks them like any other record. A case that expects no attribution fails
on any record, floating ones included.

Run ``python tests/attribution/constructions/runner.py`` for the table of pass rates by type and
the failing cases with what was found; ``--type NAME`` limits the run to one type (repeatable),
``--all`` also lists passing cases, ``--write-floors`` records the current pass counts in
``floors.yaml`` (the ratchet the test enforces).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from toolkit.attribution import Attribution, extract

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases.yaml"
FLOORS = HERE / "floors.yaml"

CASE_KEYS = {"type", "text", "expect", "note"}
EXPECT_KEYS = {"speaker", "cue", "content", "kind", "speaker_id", "embedded"}

_QUOTES = "\"'“”‘’«»„‟‹›"
_TRAILING = _QUOTES + ".,;:!?…" + " \t\n"
_LEADING = _QUOTES + " \t\n"


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    """The cases in file order, each a plain dict as written in the YAML file."""
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of cases")
    return data


def load_floors(path: Path = FLOORS) -> dict[str, int]:
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as fh:
        return {str(k): int(v) for k, v in (yaml.safe_load(fh) or {}).items()}


def normalize(text: str) -> str:
    """Whitespace collapsed; spaces, quote marks, closing punctuation and a leading ``that``
    trimmed at both ends."""
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = text.lstrip(_LEADING).rstrip(_TRAILING)
        if text[:5].lower() == "that ":
            text = text[5:]
    return text


def cue_options(expected: dict[str, Any]) -> list[str]:
    cue = expected["cue"]
    return [c.strip() for c in (cue if isinstance(cue, list) else [cue])]


def _contains_words(mention: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words.strip())}(?!\w)", mention) is not None


def speaker_fits(expected: dict[str, Any], record: Attribution) -> bool:
    want = expected.get("speaker")
    if isinstance(want, list):
        return any(speaker_fits({"speaker": option}, record) for option in want)
    mention = record.speaker_mention
    if mention is None and record.kind == "floating":
        mention = record.speaker
    if want is None:
        return mention is None
    return mention is not None and _contains_words(mention, want)


def content_fits(expected: dict[str, Any], record: Attribution, text: str) -> bool:
    want = expected.get("content")
    if want is None:
        return record.content is None
    if record.content is None:
        return False
    if isinstance(want, list):
        spans = getattr(record, "content_spans", None)
        if spans:
            parts = [text[a:b] for a, b in spans]
            return [normalize(p) for p in parts] == [normalize(w) for w in want]
        return normalize(record.content) == normalize(" ".join(normalize(w) for w in want))
    return normalize(record.content) == normalize(want)


def fits(expected: dict[str, Any], record: Attribution, text: str) -> bool:
    """Whether ``record`` is the attribution ``expected`` describes (the module's rules)."""
    if record.cue.strip() not in cue_options(expected):
        return False
    if "kind" in expected and record.kind != expected["kind"]:
        return False
    if "speaker_id" in expected and record.speaker != expected["speaker_id"]:
        return False
    return speaker_fits(expected, record) and content_fits(expected, record, text)


def embedded_supported() -> bool:
    return "embedded" in getattr(Attribution, "__dataclass_fields__", {})


@dataclass
class CaseResult:
    index: int
    case: dict[str, Any]
    records: list[Attribution]
    missing: list[dict[str, Any]] = field(default_factory=list)
    extra: list[Attribution] = field(default_factory=list)
    unchecked: int = 0

    @property
    def type(self) -> str:
        return self.case["type"]

    @property
    def passed(self) -> bool:
        return not self.missing and not self.extra


def run_case(case: dict[str, Any], index: int = 0) -> CaseResult:
    records = extract(case["text"])
    result = CaseResult(index, case, records)
    expected = case.get("expect") or []
    used: set[int] = set()

    def take(spec: dict[str, Any], *, embedded: bool = False) -> bool:
        for i, record in enumerate(records):
            if i in used or not fits(spec, record, case["text"]):
                continue
            if embedded and embedded_supported() and not getattr(record, "embedded", False):
                continue
            used.add(i)
            return True
        return False

    for spec in expected:
        if not take(spec):
            result.missing.append(spec)
        for inner in spec.get("embedded") or []:
            found = take(inner, embedded=True)
            if embedded_supported():
                if not found:
                    result.missing.append({**inner, "embedded": True})
            else:
                result.unchecked += 1
    if not expected:
        result.extra = list(records)
        return result
    wants_floating = any(spec.get("kind") == "floating" for spec in expected)
    result.extra = [r for i, r in enumerate(records)
                    if i not in used and (wants_floating or r.kind != "floating")]
    return result


def run(cases: list[dict[str, Any]] | None = None) -> list[CaseResult]:
    cases = load_cases() if cases is None else cases
    return [run_case(case, i) for i, case in enumerate(cases)]


def pass_rates(results: list[CaseResult]) -> dict[str, tuple[int, int]]:
    """Per type, in order of first appearance: (cases passed, cases)."""
    total: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for r in results:
        total[r.type] += 1
        passed[r.type] += r.passed
    return {t: (passed[t], total[t]) for t in total}


def format_table(rates: dict[str, tuple[int, int]], floors: dict[str, int] | None = None) -> str:
    floors = floors or {}
    width = max([len(t) for t in rates] + [len("type")])
    lines = [f"{'type':<{width}}  passed  cases   rate  floor"]
    all_passed = all_total = 0
    for t, (p, n) in rates.items():
        all_passed += p
        all_total += n
        floor = floors.get(t)
        mark = ""
        if floor is not None:
            mark = f"{floor:>5}" + (" ↑" if p > floor else " ↓" if p < floor else "")
        lines.append(f"{t:<{width}}  {p:>6}  {n:>5}  {p / n:>5.0%}  {mark}")
    if all_total:
        lines.append(f"{'all':<{width}}  {all_passed:>6}  {all_total:>5}  "
                     f"{all_passed / all_total:>5.0%}")
    return "\n".join(lines)


def _describe_expected(spec: dict[str, Any]) -> str:
    extra = "".join(f" {k}={spec[k]!r}" for k in ("kind", "speaker_id") if k in spec)
    return (f"speaker={spec.get('speaker')!r} cue={spec['cue']!r} "
            f"content={spec.get('content')!r}{extra}")


def _describe_record(r: Attribution) -> str:
    return (f"speaker={r.speaker_mention!r} (id {r.speaker!r}) cue={r.cue!r} "
            f"content={r.content!r} kind={r.kind}")


def format_result(result: CaseResult) -> str:
    status = "PASS" if result.passed else "FAIL"
    lines = [f"[{status}] #{result.index} {result.type}: {result.case['text']!r}"]
    if result.case.get("note"):
        lines.append(f"    note: {result.case['note']}")
    if not result.case.get("expect"):
        lines.append("    expected: no attribution")
    for spec in result.missing:
        lines.append(f"    missing:  {_describe_expected(spec)}")
    for record in result.extra:
        lines.append(f"    extra:    {_describe_record(record)}")
    if result.missing:
        for record in result.records:
            if record not in result.extra:
                lines.append(f"    found:    {_describe_record(record)}")
    return "\n".join(lines)


def write_floors(results: list[CaseResult], path: Path = FLOORS) -> None:
    rates = pass_rates(results)
    header = ("# Cases passed per construction type (the ratchet of test_constructions.py).\n"
              "# Raise a floor when the rules improve; never lower one to make the test pass.\n")
    body = yaml.safe_dump({t: p for t, (p, _) in rates.items()}, sort_keys=False)
    path.write_text(header + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--type", action="append", dest="types", metavar="NAME",
                        help="only cases of this type (repeatable)")
    parser.add_argument("--all", action="store_true", help="list passing cases too")
    parser.add_argument("--quiet", action="store_true", help="the table only")
    parser.add_argument("--write-floors", action="store_true",
                        help="record the current pass counts in floors.yaml")
    args = parser.parse_args(argv)
    cases = load_cases()
    results = run(cases)
    if args.write_floors:
        write_floors(results)
    shown = [r for r in results if not args.types or r.type in args.types]
    if not args.quiet:
        for result in shown:
            if args.all or not result.passed:
                print(format_result(result))
        print()
    print(format_table(pass_rates(shown), load_floors()))
    unchecked = sum(r.unchecked for r in shown)
    if unchecked:
        print(f"\n{unchecked} embedded attribution(s) not checked: "
              "records have no 'embedded' field.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
