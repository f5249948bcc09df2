"""Which column holds which field: explicit names, dotted paths, and the usual names."""

from __future__ import annotations

import json

import pytest

from toolkit.corpus import load
from toolkit.corpus.fields import Columns, lookup, split_fields
from toolkit.errors import MissingColumnError, ParameterError

TEXT = ("Foreign Minister Elena Ramos said on Monday that the talks had stalled. \u201cWe are "
        "not there yet,\u201d she told reporters.")


def news_api_row(i: int) -> dict:
    return {"source": {"id": None, "name": "Meridian Daily"}, "author": "Ana Lind",
            "title": f"Dam talks stall {i}", "description": "Short summary.",
            "url": f"https://example.org/{i}", "publishedAt": "2026-03-02T10:00:00Z",
            "content": TEXT.replace("Monday", f"day {i}")}


def test_news_api_jsonl_loads_without_options(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(news_api_row(i)) + "\n" for i in range(2)),
                    encoding="utf-8")
    docs = list(load(path))
    doc = docs[0]
    assert (doc.outlet, doc.date, doc.title, doc.author, doc.url) == (
        "Meridian Daily", "2026-03-02", "Dam talks stall 0", "Ana Lind", "https://example.org/0")
    assert doc.text == TEXT.replace("Monday", "day 0")
    assert doc.meta["description"] == "Short summary."
    assert doc.meta["source"] == {"id": None, "name": "Meridian Daily"}
    assert "publishedAt" not in doc.meta and "content" not in doc.meta


def test_explicit_columns_and_dotted_paths(tmp_path):
    rows = [{"story": {"body": TEXT, "head": "Talks stall"}, "meta": {"when": "2026-03-05"},
             "paper": {"name": "Harbor Ledger"}, "key": 7, "writers": ["A. Writer", "B. Writer"],
             "link": "https://example.org/x"}]
    path = tmp_path / "t.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    [doc] = list(load(path, text_column="story.body", title_column="story.head",
                      date_column="meta.when", outlet_column="paper.name", id_column="key",
                      author_column="writers", url_column="link"))
    assert (doc.doc_id, doc.text, doc.title, doc.date, doc.outlet, doc.author, doc.url) == (
        "7", TEXT, "Talks stall", "2026-03-05", "Harbor Ledger", "A. Writer, B. Writer",
        "https://example.org/x")


def test_csv_with_other_column_names_loads_without_options(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('Headline,Body,Published,Site\n"Talks stall","' + TEXT.replace('"', '""')
                    + '",2026-03-03,Harbor Ledger\n', encoding="utf-8")
    [doc] = list(load(path))
    assert (doc.title, doc.date, doc.outlet, doc.text) == ("Talks stall", "2026-03-03",
                                                           "Harbor Ledger", TEXT)


def test_a_mapped_column_that_does_not_exist_lists_the_columns(tmp_path):
    csv_path = tmp_path / "t.csv"
    csv_path.write_text("body,when\nSome text.,2026-03-01\n", encoding="utf-8")
    with pytest.raises(MissingColumnError, match=r"no 'published' column \(columns: body, when\)"
                                                 r".*date_column= / --date-column"):
        load(csv_path, date_column="published")
    jsonl = tmp_path / "t.jsonl"
    jsonl.write_text(json.dumps(news_api_row(0)) + "\n", encoding="utf-8")
    with pytest.raises(MissingColumnError, match=r"no 'source.title' column \(columns: source, "
                                                 r"source.id, source.name, author"):
        load(jsonl, outlet_column="source.title")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(MissingColumnError, match="the folder has no metadata file"):
        load(folder, date_column="published")
    (folder / "metadata.csv").write_text("file,when\na.txt,2026-03-01\n", encoding="utf-8")
    with pytest.raises(MissingColumnError, match=r"metadata.csv: no 'published' column"):
        load(folder, date_column="published")
    [doc] = list(load(folder, date_column="when"))
    assert doc.date == "2026-03-01"
    with pytest.raises(ParameterError, match="date_column=''"):
        load(folder, date_column="")


def test_an_object_where_text_is_expected_is_noted(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps(news_api_row(0)) + "\n", encoding="utf-8")
    corpus = load(path, outlet_column="source")
    [record] = corpus.report()
    assert record.outlet is None
    assert "outlet column 'source' holds dict" in record.reason and "'source.name'" in record.reason


def test_lookup_prefers_a_literal_column_and_walks_lists():
    row = {"source.name": "literal", "source": {"name": "nested"}, "tags": ["a", "b"]}
    assert lookup(row, "source.name") == (True, "literal")
    assert lookup({"source": {"name": "nested"}}, "source.name") == (True, "nested")
    assert lookup(row, "tags.1") == (True, "b")
    assert lookup(row, "tags.5") == (False, None)
    assert lookup({"Title": "x"}, "title") == (False, None)
    assert lookup({"Title": "x"}, "title", fold_case=True) == (True, "x")


def test_unused_alias_columns_stay_in_meta():
    fields, notes = split_fields({"date": "2026-03-01", "published": "2026-02-01", "x": 1},
                                 Columns())
    assert fields["date"] == "2026-03-01"
    assert fields["meta"] == {"published": "2026-02-01", "x": 1} and notes == []
