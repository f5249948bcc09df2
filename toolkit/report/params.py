"""Report parameters: read what each notebook declares, parse user values, check them all
before any kernel starts."""

from __future__ import annotations

import ast
import datetime as _dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.errors import ReportError, ReportParameterError

__all__ = ["RUNNER_PARAMETERS", "DATE_PARAMETERS", "Declared", "declared_parameters",
           "parse_assignments", "load_params_file", "check_values", "check_dates",
           "check_date_range"]

# Parameters the runner sets itself; users give them through dedicated options.
RUNNER_PARAMETERS = ("corpus", "output_dir")
DATE_PARAMETERS = ("date_from", "date_to")

_TYPE_NAMES = {"int": int, "float": float, "bool": bool, "str": str, "list": list,
               "List": list, "dict": dict, "Dict": dict, "None": type(None),
               "NoneType": type(None)}


@dataclass(frozen=True)
class Declared:
    """One parameter as a notebook's ``parameters`` cell declares it.

    ``types`` is the set of accepted Python types, or None when any value is accepted (no
    annotation and a default of None or an expression).
    """

    name: str
    types: frozenset[type] | None
    default: str
    help: str


def declared_parameters(notebook: Path) -> dict[str, Declared]:
    """The parameters declared in ``notebook``'s cell tagged ``parameters`` (papermill's
    inspection: names, annotation, default source and help comment)."""
    import papermill

    try:
        found = papermill.inspect_notebook(str(notebook))
    except Exception as exc:  # papermill raises plain exceptions for unreadable notebooks
        raise ReportError(f"cannot read its parameters: {exc}", path=str(notebook)) from exc
    return {name: Declared(name, _declared_types(p["inferred_type_name"], p["default"]),
                           p["default"], p.get("help") or "")
            for name, p in found.items()}


def _declared_types(annotation: str, default: str) -> frozenset[type] | None:
    if annotation and annotation != "None":
        words = re.findall(r"\w+", annotation)
        if "Any" in words or any(w not in _TYPE_NAMES and w != "Optional" for w in words):
            return None
        types = {_TYPE_NAMES[w] for w in words if w in _TYPE_NAMES}
        return frozenset(types | ({type(None)} if "Optional" in words else set()))
    try:
        value = ast.literal_eval(default)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return None if value is None else frozenset({type(value)})


def parse_assignments(items: Sequence[str]) -> dict[str, tuple[Any, str]]:
    """``["key=value", ...]`` to ``{key: (value, raw text)}``, values read as YAML scalars or
    flow lists (``3``, ``0.5``, ``true``, ``null``, ``[a, b]``, ``text``)."""
    import yaml

    values: dict[str, tuple[Any, str]] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            raise ReportParameterError(f"-p expects key=value, got {item!r}")
        try:
            value = yaml.safe_load(raw) if raw.strip() else ""
        except yaml.YAMLError as exc:
            raise ReportParameterError(f"parameter {key}: cannot read value {raw!r} ({exc})"
                                       ) from exc
        values[key] = (_plain(value), raw)
    return values


def load_params_file(path: str | os.PathLike[str]) -> dict[str, tuple[Any, str | None]]:
    """A YAML mapping of parameter values (``--params FILE``)."""
    import yaml

    shown = os.fspath(path)
    try:
        data = yaml.safe_load(Path(shown).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReportParameterError(f"cannot read parameters file: {exc.strerror}",
                                   path=shown) from exc
    except yaml.YAMLError as exc:
        raise ReportParameterError(f"not valid YAML: {exc}", path=shown) from exc
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise ReportParameterError("expected a mapping of parameter names to values",
                                   path=shown)
    return {key: (_plain(value), None) for key, value in data.items()}


def _plain(value: Any) -> Any:
    """YAML dates become ISO strings; lists are converted element-wise."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def check_values(values: Mapping[str, tuple[Any, str | None]],
                 declared: Mapping[str, Mapping[str, Declared]]) -> dict[str, Any]:
    """Check user values against every selected notebook's declarations; return the values
    to pass (a str-typed parameter keeps the text as typed on the command line)."""
    valid = sorted({name for params in declared.values() for name in params}
                   - set(RUNNER_PARAMETERS))
    checked: dict[str, Any] = {}
    for key, (value, raw) in values.items():
        if key in RUNNER_PARAMETERS:
            raise ReportParameterError(f"parameter {key} is set by the runner "
                                       "(use --corpus and --out)")
        owners = [params[key] for params in declared.values() if key in params]
        if not owners:
            raise ReportParameterError(f"unknown parameter {key!r}",
                                       hint=f"the selected notebooks declare: {', '.join(valid)}")
        checked[key] = _conform(key, value, raw, owners)
    return checked


def _conform(key: str, value: Any, raw: str | None, owners: Iterable[Declared]) -> Any:
    for decl in owners:
        if decl.types is None or _fits(value, decl.types):
            continue
        if raw is not None and decl.types == {str}:
            value = raw
            continue
        wanted = " or ".join(sorted(t.__name__ for t in decl.types))
        raise ReportParameterError(f"parameter {key}: expected {wanted}, got "
                                   f"{type(value).__name__} {value!r}")
    return value


def _fits(value: Any, types: frozenset[type]) -> bool:
    if isinstance(value, bool):
        return bool in types
    if isinstance(value, int) and float in types:
        return True
    return isinstance(value, tuple(types))


def check_dates(date_from: str | None, date_to: str | None) -> None:
    """Both dates, when given, are ISO dates (YYYY-MM-DD) and ``date_from <= date_to``."""
    for key, value in (("date_from", date_from), ("date_to", date_to)):
        if value is None:
            continue
        try:
            _dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ReportParameterError(f"parameter {key}: {value!r} is not an ISO date "
                                       "(YYYY-MM-DD)") from None
    if date_from and date_to and date_from > date_to:
        raise ReportParameterError(f"date_from {date_from} is after date_to {date_to}")


def check_date_range(corpus: str, date_from: str | None, date_to: str | None) -> None:
    """Raise when the dates select no usable document of the corpus."""
    if date_from is None and date_to is None:
        return
    from toolkit.corpus import load

    dates = [r.date for r in load(corpus).report() if r.status == "ok" and _is_iso(r.date)]
    low, high = date_from or "0000-01-01", date_to or "9999-12-31"
    if not any(low <= d <= high for d in dates):
        raise ReportParameterError(f"date range empty: no document dated {low} to {high}",
                                   path=corpus, hint=f"{len(dates)} dated document(s) in the corpus")


def _is_iso(value: str | None) -> bool:
    try:
        _dt.date.fromisoformat(value or "")
    except ValueError:
        return False
    return True
