"""Which column or JSON field holds each standard document field.

A :class:`Columns` mapping names the text, id, title, outlet, date, author and url column
explicitly; each name may be a dotted path into nested JSON (``source.name``, ``authors.0``). A
field without an explicit name is looked up among common names (:data:`FIELD_ALIASES`, matched
regardless of case), so exports from news APIs, scrapers and spreadsheets load without options.

Only what a standard field actually used leaves the row; every other column stays in the
document's ``meta`` under its own name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from toolkit.errors import MissingColumnError

__all__ = ["FIELD_ALIASES", "FILE_KEYS", "STANDARD_FIELDS", "TEXT_ALIASES", "Columns",
           "describe_columns", "lookup", "split_fields"]

STANDARD_FIELDS = ("doc_id", "title", "outlet", "date", "author", "url")
# Column names tried for each standard field, in order of preference (case-insensitive).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "id", "document_id", "article_id", "uuid", "guid"),
    "title": ("title", "headline", "heading", "article_title", "webTitle"),
    "outlet": ("outlet", "source.name", "source_name", "source", "publisher.name", "publisher",
               "publication", "site_name", "site", "newspaper", "source_domain", "domain"),
    "date": ("date", "publishedAt", "published_at", "publication_date", "published",
             "published_date", "pubDate", "pub_date", "date_published", "datePublished",
             "date_publish", "webPublicationDate", "datetime"),
    "author": ("author", "byline", "authors", "author.name", "creator"),
    "url": ("url", "link", "canonical_url", "permalink", "webUrl"),
}
TEXT_ALIASES = ("text", "body", "content", "article", "article_text", "full_text", "fulltext",
                "maintext", "bodyText", "fields.bodyText", "story")
FILE_KEYS = ("file", "filename", "path", "file_name")


@dataclass(frozen=True)
class Columns:
    """Explicit column names (None: look among the usual names)."""

    text: str | None = None
    doc_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None

    def explicit(self, *, text: bool = True) -> dict[str, str]:
        """``{field: column}`` for the fields named explicitly (the text column too if asked)."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) is not None and (text or f.name != "text")}

    def check(self, columns: Iterable[str], *, shown: str, text: bool = True) -> None:
        """Raise :class:`MissingColumnError` for an explicit column missing from a header."""
        header = list(columns)
        row = dict.fromkeys(header, "")
        for name, column in self.explicit(text=text).items():
            if not lookup(row, column)[0]:
                raise missing_column(shown, name, column, header)


def missing_column(shown: str, field: str, column: str, columns: Iterable[str]
                   ) -> MissingColumnError:
    option = "text_column" if field == "text" else f"{field.removeprefix('doc_')}_column"
    flag = "--" + option.replace("_", "-")
    listed = ", ".join(c for c in columns if c) or "none"
    return MissingColumnError(f"no {column!r} column (columns: {listed})", path=shown,
                              hint=f"name the {field} column with {option}= / {flag}")


def lookup(row: Mapping[str, Any], path: str, *, fold_case: bool = False,
           folded: Mapping[str, str] | None = None) -> tuple[bool, Any]:
    """``(found, value)`` of a column name or dotted path in a row.

    A key equal to the whole ``path`` wins (a CSV column may be called ``source.name``); else
    the path walks into nested objects, and into lists by number (``authors.0``). With
    ``fold_case`` names match regardless of case (``folded``: the row's lower-case key map, if
    already made).
    """
    if path in row:
        return True, row[path]
    if fold_case:
        folded = _folded(row) if folded is None else folded
        key = folded.get(path.lower())
        if key is not None:
            return True, row[key]
    if "." not in path:
        return False, None
    value: Any = row
    for depth, part in enumerate(path.split(".")):
        if isinstance(value, Mapping):
            keys = folded if depth == 0 and folded is not None else None
            key = part if part in value else (
                (keys if keys is not None else _folded(value)).get(part.lower()) if fold_case
                else None)
            if key is None or key not in value:
                return False, None
            value = value[key]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return False, None
    return True, value


def _folded(row: Mapping[str, Any]) -> dict[str, str]:
    folded: dict[str, str] = {}
    for key in row:
        if isinstance(key, str):
            folded.setdefault(key.lower(), key)
    return folded


def _scalar(value: Any) -> str | None:
    """A field value as text: strings and numbers as written, a list of them joined with
    commas (several authors), None for an empty value or an object."""
    if value is None or isinstance(value, Mapping):
        return None
    if isinstance(value, list):
        parts = [_scalar(v) for v in value]
        parts = [p for p in parts if p]
        return ", ".join(parts) if parts and len(parts) == len(value) else None
    text = str(value).strip()
    return text or None


def split_fields(row: Mapping[str, Any], columns: Columns, *, exclude: Iterable[str] = ()
                 ) -> tuple[dict[str, Any], list[str]]:
    """The standard fields of ``row`` plus ``meta`` (every column no field used), and notes
    on explicit columns whose value could not be used."""
    used = set(exclude)
    out: dict[str, Any] = {}
    notes: list[str] = []
    folded = _folded(row)
    for name in STANDARD_FIELDS:
        column = getattr(columns, name)
        candidates = (column,) if column is not None else FIELD_ALIASES[name]
        out[name] = None
        for candidate in candidates:
            found, raw = lookup(row, candidate, fold_case=column is None, folded=folded)
            if not found:
                continue
            value = _scalar(raw)
            if value is None:
                if column is not None and raw not in (None, ""):
                    notes.append(f"{name} column {column!r} holds {type(raw).__name__}, not "
                                 "text: name a field inside it, e.g. "
                                 f"'{column}.name'")
                continue
            out[name] = value
            top = _top_key(row, candidate, folded if column is None else None)
            if top is not None and top.lower() == candidate.lower():
                used.add(top)  # the whole column was used; a path into it leaves it in meta
            break
    out["meta"] = {k: v for k, v in row.items() if k not in used and k is not None}
    return out, notes


def _top_key(row: Mapping[str, Any], path: str, folded: Mapping[str, str] | None
             ) -> str | None:
    """The top-level key a column name or path starts at (``folded``: match any case)."""
    if path in row:
        return path
    if folded is not None and path.lower() in folded:
        return folded[path.lower()]
    head = path.split(".", 1)[0]
    if head in row:
        return head
    return folded.get(head.lower()) if folded is not None else None


def describe_columns(rows: Iterable[Mapping[str, Any]], *, limit: int = 40) -> list[str]:
    """Column names and one level of dotted paths seen in ``rows`` (for error messages)."""
    names: dict[str, None] = {}
    for row in rows:
        for key, value in row.items():
            names.setdefault(str(key))
            if isinstance(value, Mapping):
                for inner in value:
                    names.setdefault(f"{key}.{inner}")
    return list(names)[:limit]
