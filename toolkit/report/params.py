"""Report parameters: read what each notebook declares, parse user values, check them all
before any kernel starts.

``-p KEY=VALUE`` texts and ``--params FILE`` are read as YAML, except that a parameter declared
``str`` keeps the text exactly as typed (``-p 'keyness_group=#1 News'`` is that text, not a YAML
comment; ``Yes`` stays ``Yes``). YAML anchors and aliases are refused, so a small file cannot
expand into an enormous value. :func:`check_corpus` checks the corpus itself: it has usable
documents in the date range, ``group_by`` names a document field or period, and
``keyness_group`` is one of its values.
"""

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

__all__ = ["RUNNER_PARAMETERS", "DATE_PARAMETERS", "COLUMN_PARAMETERS", "MAX_PARAMS_FILE_BYTES",
           "Declared", "declared_parameters", "parse_assignments", "load_params_file",
           "check_values", "check_dates", "check_corpus"]

# Parameters the runner sets itself; users give them through dedicated options.
RUNNER_PARAMETERS = ("corpus", "output_dir")
DATE_PARAMETERS = ("date_from", "date_to")
# How to read the corpus (``--text-column`` and the like): passed to every notebook, declared
# or not, as :func:`toolkit.corpus.load` keyword arguments.
COLUMN_PARAMETERS = ("text_column", "id_column", "title_column", "outlet_column",
                     "date_column", "author_column", "url_column")
# A parameters file is a handful of settings; anything larger is refused unread.
MAX_PARAMS_FILE_BYTES = 1_000_000
# The grouping the report notebooks use when group_by is not given.
DEFAULT_GROUP_BY = "outlet"

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
    from toolkit.report.kernel import load_nbformat

    load_nbformat()
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


class _Unreadable:
    """A ``-p`` value that is not valid YAML: fine for a ``str`` parameter, an error otherwise."""

    def __init__(self, problem: str) -> None:
        self.problem = problem

    def __repr__(self) -> str:
        return f"<unreadable: {self.problem}>"


def _yaml_loader():
    """A safe YAML loader that refuses anchors and aliases (``&a``, ``*a``)."""
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise ReportParameterError(
                    f"YAML anchors and aliases are not accepted (line {event.start_mark.line + 1})",
                    hint="write each value out in full")
            return super().compose_node(parent, index)

    return NoAliasLoader


def _read_yaml(text: str) -> Any:
    import yaml

    loader = _yaml_loader()(text)
    try:
        return loader.get_single_data()
    except RecursionError:
        raise yaml.YAMLError("nested too deeply") from None
    finally:
        loader.dispose()


def parse_assignments(items: Sequence[str]) -> dict[str, tuple[Any, str]]:
    """``["key=value", ...]`` to ``{key: (value, raw text)}``, values read as YAML scalars or
    flow lists (``3``, ``0.5``, ``true``, ``null``, ``[a, b]``, ``text``). A value that is not
    valid YAML is kept as its text; :func:`check_values` accepts it only for a ``str``
    parameter."""
    import yaml

    values: dict[str, tuple[Any, str]] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            raise ReportParameterError(f"-p expects key=value, got {item!r}")
        try:
            value = _read_yaml(raw) if raw.strip() else ""
        except (yaml.YAMLError, ReportParameterError) as exc:
            value = _Unreadable(f"cannot read value {raw!r} ({' '.join(str(exc).split())})")
        values[key] = (_plain(value), raw)
    return values


def load_params_file(path: str | os.PathLike[str]) -> dict[str, tuple[Any, str | None]]:
    """A YAML mapping of parameter values (``--params FILE``); anchors and aliases are refused,
    and so is a file over :data:`MAX_PARAMS_FILE_BYTES`."""
    import yaml

    shown = os.fspath(path)
    try:
        if os.path.getsize(shown) > MAX_PARAMS_FILE_BYTES:
            raise ReportParameterError(f"parameters file larger than {MAX_PARAMS_FILE_BYTES} "
                                       "bytes", path=shown, hint="give a small YAML mapping")
        data = _read_yaml(Path(shown).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReportParameterError(f"cannot read parameters file: {exc.strerror}",
                                   path=shown) from exc
    except UnicodeDecodeError:
        raise ReportParameterError("parameters file is not UTF-8 text", path=shown) from None
    except ReportParameterError as exc:
        if exc.path is not None:
            raise
        raise ReportParameterError(str(exc), path=shown) from None
    except yaml.YAMLError as exc:
        raise ReportParameterError(f"not valid YAML: {' '.join(str(exc).split())}",
                                   path=shown) from exc
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
        if not owners and key in COLUMN_PARAMETERS:
            owners = [Declared(key, frozenset({str, type(None)}), "None", "")]
        if not owners:
            raise ReportParameterError(f"unknown parameter {key!r}",
                                       hint=f"the selected notebooks declare: {', '.join(valid)}")
        checked[key] = _conform(key, value, raw, owners)
    return checked


def _conform(key: str, value: Any, raw: str | None, owners: Iterable[Declared]) -> Any:
    """The value to pass: a parameter declared ``str`` (or ``Optional[str]``) gets the text as
    typed on the command line (for ``Optional[str]``, ``null``, ``None``, ``~`` or nothing
    mean None); any other parameter the YAML value, if it has an accepted type."""
    owners = list(owners)
    if raw is not None and any(d.types is not None and str in d.types for d in owners):
        text_value: Any = raw
        if all(type(None) in (d.types or {type(None)}) for d in owners) \
                and raw.strip() in ("", "null", "None", "~"):
            text_value = None
        value = text_value
    if isinstance(value, _Unreadable):
        raise ReportParameterError(f"parameter {key}: {value.problem}")
    for decl in owners:
        if decl.types is None or _fits(value, decl.types):
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


def _check_dated(corpus: str, dates: Sequence[str | None], date_from: str | None,
                 date_to: str | None) -> None:
    if date_from is None and date_to is None:
        return
    dated = [d for d in dates if _is_iso(d)]
    low, high = date_from or "0000-01-01", date_to or "9999-12-31"
    if not any(low <= d <= high for d in dated):
        raise ReportParameterError(f"date range empty: no document dated {low} to {high}",
                                   path=corpus, hint=f"{len(dated)} dated document(s) in the corpus")


def check_corpus(corpus: str | os.PathLike[str], *, date_from: str | None = None,
                 date_to: str | None = None, group_by: str | None = None,
                 keyness_group: str | None = None,
                 columns: Mapping[str, str | None] | None = None,
                 workers: int | None = 1) -> None:
    """Raise :class:`~toolkit.errors.ReportParameterError` before any kernel starts when the
    report could not run on ``corpus`` read with ``columns`` (``text_column=...``): no usable
    document (in the date range), a ``group_by`` that is no document field, metadata column or
    period (the error lists them), or a ``keyness_group`` that no document has as its
    ``group_by`` value (default :data:`DEFAULT_GROUP_BY`; the error lists the values).
    ``workers`` processes read the inputs the load cache lacks (see
    :func:`toolkit.corpus.load`)."""
    from toolkit.analysis.grouping import PERIODS, group_value
    from toolkit.corpus import load
    from toolkit.errors import InputError

    check_dates(date_from, date_to)
    shown = os.fspath(corpus)
    options = {k: v for k, v in (columns or {}).items() if v is not None}
    try:
        loaded = load(shown, workers=workers, **options)
        records = loaded.report()
    except InputError as exc:
        raise ReportParameterError(f"corpus cannot be used: {exc}",
                                   hint="see `toolkit corpus PATH` for each input's status"
                                   ) from None
    _check_dated(shown, [r.date for r in records if r.status == "ok"], date_from, date_to)
    if group_by is None and keyness_group is None:
        return
    # Only these checks read the documents (their metadata columns and values).
    low, high = date_from or "0000-01-01", date_to or "9999-12-31"
    documents = [d for d in loaded
                 if (date_from is None and date_to is None) or (_is_iso(d.date)
                                                                and low <= d.date <= high)]
    by = group_by if group_by is not None else DEFAULT_GROUP_BY
    fields = {"doc_id", "title", "outlet", "date", "author", "url"}
    known = sorted(fields | {k for d in documents for k in (d.meta or {})})
    if by not in fields and by not in PERIODS and by not in known:
        raise ReportParameterError(
            f"parameter group_by: {by!r} is no document field, metadata column or period",
            hint=f"fields: {', '.join(known)}; periods: {', '.join(PERIODS)}")
    if keyness_group is None:
        return
    values = sorted({v for d in documents if (v := group_value(d, by)) is not None})
    if keyness_group not in values:
        listed = ", ".join(repr(v) for v in values[:20]) + (", ..." if len(values) > 20 else "")
        raise ReportParameterError(
            f"parameter keyness_group: no document has {by} = {keyness_group!r}",
            hint=f"the {by} values are: {listed or 'none'}")


def _is_iso(value: str | None) -> bool:
    try:
        _dt.date.fromisoformat(value or "")
    except ValueError:
        return False
    return True
