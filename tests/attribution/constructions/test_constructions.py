"""Construction suite: the cases are well formed, and no construction type passes fewer cases
than its floor in ``floors.yaml`` (a ratchet: raise a floor when the rules improve).

``pytest -s`` shows the table of pass rates by type; ``python runner.py`` lists the failures.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

MIN_CASES = 330
MIN_TYPES = 32
MIN_PER_TYPE = 8
KINDS = {"direct", "indirect", "mixed", "floating", "cognitive", "evidential"}


def _load_runner():
    name = "attribution_constructions_runner"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / "runner.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


runner = _load_runner()


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return runner.load_cases()


@pytest.fixture(scope="module")
def results(cases):
    return runner.run(cases)


# ----- the data ---------------------------------------------------------------------------------

def test_enough_cases_and_types(cases):
    counts = Counter(case["type"] for case in cases)
    assert len(cases) >= MIN_CASES
    assert len(counts) >= MIN_TYPES
    small = {t: n for t, n in counts.items() if n < MIN_PER_TYPE}
    assert not small, f"types with fewer than {MIN_PER_TYPE} cases: {small}"


def test_no_duplicate_texts(cases):
    repeated = [t for t, n in Counter(case["text"] for case in cases).items() if n > 1]
    assert not repeated


def _check_expected(spec: dict, text: str, where: str) -> list[str]:
    problems = []
    unknown = set(spec) - runner.EXPECT_KEYS
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")
    if "cue" not in spec:
        return [*problems, f"{where}: no cue"]
    for cue in runner.cue_options(spec):
        if cue not in text:
            problems.append(f"{where}: cue {cue!r} not in the text")
    speaker = spec.get("speaker")
    for option in speaker if isinstance(speaker, list) else [speaker]:
        if option is not None and option not in text:
            problems.append(f"{where}: speaker {option!r} not in the text")
    content = spec.get("content")
    for part in content if isinstance(content, list) else [content]:
        if part is not None and part not in text:
            problems.append(f"{where}: content {part!r} not in the text")
    if "kind" in spec and spec["kind"] not in KINDS:
        problems.append(f"{where}: unknown kind {spec['kind']!r}")
    for k, inner in enumerate(spec.get("embedded") or []):
        problems += _check_expected(inner, text, f"{where} embedded {k}")
    return problems


def test_cases_are_well_formed(cases):
    problems = []
    for i, case in enumerate(cases):
        where = f"case {i} ({case.get('type')})"
        unknown = set(case) - runner.CASE_KEYS
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        if not isinstance(case.get("type"), str) or not isinstance(case.get("text"), str):
            problems.append(f"{where}: type and text must be strings")
            continue
        if not isinstance(case.get("expect"), list):
            problems.append(f"{where}: expect must be a list (empty for no attribution)")
            continue
        for k, spec in enumerate(case["expect"]):
            problems += _check_expected(spec, case["text"], f"{where} expect {k}")
    assert not problems, "\n".join(problems)


def test_floors_name_known_types(cases):
    types = {case["type"] for case in cases}
    assert set(runner.load_floors()) <= types


# ----- the runner's rules -----------------------------------------------------------------------

def test_normalize_ignores_marks_and_complementizer():
    assert runner.normalize("“We are ready,” ") == "We are ready"
    assert runner.normalize("that the port will close.") == "the port will close"
    assert runner.normalize("A\n\n“B") == "A “B"


def test_no_attribution_case_fails_on_any_record():
    result = runner.run_case({"type": "t", "text": "Ruiz said the port would close.", "expect": []})
    assert not result.passed and result.extra


# ----- the ratchet ------------------------------------------------------------------------------

def test_pass_rates_do_not_fall_below_floors(results):
    rates = runner.pass_rates(results)
    floors = runner.load_floors()
    print("\n" + runner.format_table(rates, floors))
    raised = {t: (p, floors.get(t, 0)) for t, (p, _) in rates.items() if p > floors.get(t, 0)}
    if raised:
        print("\nAbove the floor (raise it in floors.yaml, or run runner.py --write-floors): "
              + ", ".join(f"{t} {p} > {f}" for t, (p, f) in raised.items()))
    fallen = {t: (p, floors[t]) for t, (p, _) in rates.items() if t in floors and p < floors[t]}
    failing = [runner.format_result(r) for r in results if not r.passed and r.type in fallen]
    if fallen:
        pytest.fail("types below their floor (passed < floor): "
                    + ", ".join(f"{t} {p} < {f}" for t, (p, f) in fallen.items())
                    + "\n" + "\n".join(failing), pytrace=False)
