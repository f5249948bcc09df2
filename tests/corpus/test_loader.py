import json
from pathlib import Path

import pytest

from toolkit.corpus import load, read_document
from toolkit.errors import (
    CorpusNotFoundError,
    DecodeError,
    DuplicateIdError,
    EmptyCorpusError,
    InputError,
    MissingColumnError,
)

ARTICLE = ("Dam talks stall\n\nForeign Minister Elena Ramos said on Monday that the talks had "
           "stalled. \u201cWe are not there yet,\u201d she told reporters.\n")


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def statuses(corpus):
    return {Path(r.path).name: (r.status, r.reason) for r in corpus.report()}


def test_folder_with_sidecar_metadata(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE.replace("Monday", "Tuesday").replace("stalled", "ended"))
    write(tmp_path, "metadata.csv", "file,outlet,date,title,author,url,section\n"
          "a.txt,Harbor Ledger,2026-03-02,Dam talks stall,A. Writer,https://example.org/a,world\n"
          "b.txt,Meridian Daily,2026-03-03T10:00:00,Talks end,,https://example.org/b,\n")
    corpus = load(tmp_path)
    docs = list(corpus)
    assert [d.doc_id for d in docs] == ["a", "b"]
    a = docs[0]
    assert (a.outlet, a.date, a.title, a.author, a.url) == (
        "Harbor Ledger", "2026-03-02", "Dam talks stall", "A. Writer", "https://example.org/a")
    assert a.meta["section"] == "world"
    assert docs[1].date == "2026-03-03"
    assert a.text == ARTICLE
    assert corpus.format == "txt"


def test_documents_are_read_lazily(tmp_path):
    for i in range(3):
        write(tmp_path, f"{i}.txt", ARTICLE.replace("Monday", f"day {i}") + f"Item {i} closes.\n")
    corpus = load(tmp_path)
    it = iter(corpus)
    first = next(it)
    (tmp_path / "2.txt").write_text("Changed after the first read.\nStill an article here.\n",
                                    encoding="utf-8")
    rest = list(it)
    assert first.doc_id == "0" and rest[-1].text.startswith("Changed")


def test_csv_and_jsonl_with_configurable_columns(tmp_path):
    csv_path = write(tmp_path, "c.csv", 'id,body,outlet\nx1,"' + ARTICLE.replace('"', '""')
                     + '",Ledger\n')
    docs = list(load(csv_path, text_column="body", id_column="id"))
    assert docs[0].doc_id == "x1" and docs[0].text == ARTICLE and docs[0].outlet == "Ledger"
    jsonl = write(tmp_path, "c.jsonl", json.dumps({"doc_id": "j1", "text": ARTICLE}) + "\n")
    assert [d.doc_id for d in load(jsonl)] == ["j1"]


def test_brat_folder_pairs_txt_with_ann(tmp_path):
    write(tmp_path, "one.txt", ARTICLE)
    write(tmp_path, "one.ann", "T1\tSource 17 40\tForeign Minister Elena Ramos\n")
    corpus = load(tmp_path)
    assert corpus.format == "brat"
    [doc] = list(corpus)
    assert doc.meta["annotations"].endswith("one.ann")
    assert len(corpus.report()) == 1


def test_missing_path_is_a_typed_error(tmp_path):
    with pytest.raises(CorpusNotFoundError, match="no such file or folder"):
        load(tmp_path / "nope")


def test_empty_folder_is_a_typed_error(tmp_path):
    with pytest.raises(EmptyCorpusError, match="folder holds no files"):
        load(tmp_path)


def test_bad_files_are_recorded_skips_and_nothing_is_lost(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "blank.txt", "  \n\t\n")
    write(tmp_path, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    write(tmp_path, "broken.txt", b"Minister said \x81\x8d talks failed.")
    write(tmp_path, "latin.txt", "Caf\u00e9 owners said prices rose \u2014 again.".encode("cp1252"))
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    corpus = load(tmp_path)
    got = statuses(corpus)
    assert got["good.txt"] == ("ok", "")
    assert got["empty.txt"] == ("skipped", "empty or whitespace-only text")
    assert got["blank.txt"] == ("skipped", "empty or whitespace-only text")
    assert got["binary.txt"][0] == "skipped" and "binary file" in got["binary.txt"][1]
    assert got["broken.txt"][0] == "skipped" and "undecodable bytes at byte 14" in got["broken.txt"][1]
    assert got["latin.txt"] == ("ok", "decoded as cp1252")
    assert got["notes.pdf"] == ("skipped", "not a .txt article (.pdf)")
    assert len(got) == 7
    latin = next(d for d in corpus if d.doc_id == "latin")
    assert latin.encoding == "cp1252" and "Caf\u00e9" in latin.text
    summary = corpus.summary()
    assert len(summary) == 7 and summary["status"].value_counts().to_dict() == {
        "skipped": 5, "ok": 2}


def test_strict_mode_raises_for_bad_files(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "binary.txt", b"\x00\x01\x02")
    with pytest.raises(InputError, match="binary file"):
        load(tmp_path, on_error="raise")
    with pytest.raises(DecodeError, match="binary"):
        read_document(tmp_path / "binary.txt")


def test_only_bad_files_is_an_error_naming_the_reasons(tmp_path):
    write(tmp_path, "empty.txt", "")
    with pytest.raises(EmptyCorpusError, match="no usable document among 1 input.*empty"):
        load(tmp_path)


def test_malformed_csv_and_jsonl_rows_are_skipped_with_line_numbers(tmp_path):
    csv_path = write(tmp_path, "t.csv", "doc_id,text\nd1,First article text here.\n"
                     "d2,Second,extra field\nd3\nd4,Fourth article text.\n")
    got = {r.doc_id or r.path: (r.status, r.reason) for r in load(csv_path).report()}
    assert got["d1"] == ("ok", "") and got["d4"] == ("ok", "")
    assert got[f"{csv_path}:3"] == ("skipped", "line 3: expected 2 fields, found 3")
    assert got[f"{csv_path}:4"] == ("skipped", "line 4: expected 2 fields, found 1")
    jsonl = write(tmp_path, "t.jsonl", '{"doc_id": "a", "text": "Fine text."}\n{"doc_id": \n'
                  '[1, 2]\n{"doc_id": "c", "body": "no text"}\n{"doc_id": "d", "text": 5}\n')
    records = load(jsonl).report()
    assert [(r.status, r.reason) for r in records] == [
        ("ok", ""),
        ("skipped", "line 2: invalid JSON (Expecting value at column 12)"),
        ("skipped", "line 3: expected a JSON object, found list"),
        ("skipped", "line 4: no 'text' field"),
        ("skipped", "line 5: 'text' is int, not text"),
    ]


def test_missing_text_column_names_the_columns(tmp_path):
    csv_path = write(tmp_path, "t.csv", "doc_id,body\nd1,Some text.\n")
    with pytest.raises(MissingColumnError, match=r"no 'text' column \(columns: doc_id, body\)"):
        load(csv_path)
    jsonl = write(tmp_path, "t.jsonl", '{"doc_id": "a", "body": "x"}\n')
    with pytest.raises(MissingColumnError, match="no row has a 'text' field"):
        load(jsonl)


def test_duplicate_doc_ids_are_skipped_or_raised(tmp_path):
    csv_path = write(tmp_path, "t.csv", "doc_id,text\nd1,First article.\nd1,Another article.\n")
    records = load(csv_path).report()
    assert records[1].status == "skipped"
    assert records[1].reason == f"duplicate doc_id 'd1' (first used by {csv_path}:2)"
    with pytest.raises(DuplicateIdError, match="duplicate doc_id 'd1'"):
        load(csv_path, on_error="raise")


def test_syndicated_copies_are_flagged_and_counted_once(tmp_path):
    story = " ".join(f"Sentence number {i} of the wire story says something new." for i in range(40))
    write(tmp_path, "wire.txt", "Wire headline\n" + story + "\n")
    write(tmp_path, "copy.txt", "Share this article\nWire headline\n" + story + "\n")
    trimmed = story.rsplit(" Sentence number 36", 1)[0]
    write(tmp_path, "near.txt", "Other headline\n" + trimmed + "\n")
    write(tmp_path, "other.txt", ARTICLE)
    write(tmp_path, "metadata.csv", "file,date\nwire.txt,2026-03-01\ncopy.txt,2026-03-02\n"
          "near.txt,2026-03-03\nother.txt,2026-03-01\n")
    corpus = load(tmp_path)
    by_id = {r.doc_id: r for r in corpus.report()}
    assert by_id["copy"].status == "duplicate" and by_id["copy"].duplicate_of == "wire"
    assert by_id["copy"].reason.startswith("exact copy")
    assert by_id["near"].status == "duplicate" and by_id["near"].reason.startswith("near copy")
    assert sorted(d.doc_id for d in corpus) == ["other", "wire"]
    assert len(list(corpus.documents(include_duplicates=True))) == 4
    assert len(load(tmp_path, include_duplicates=True)) == 4


def test_every_polnear_article_loads(polnear_path):
    corpus = load(polnear_path, include_duplicates=True)
    records = corpus.report()
    assert len(records) == 924
    assert [r for r in records if r.status == "skipped"] == []
    docs = list(corpus)
    assert len(docs) == 924
    assert all(d.meta["annotations"] and d.outlet and d.date for d in docs)
    dev = load(polnear_path / "dev")
    assert len(dev.report()) == 84


def test_sample_corpus_loads_with_its_duplicates_and_chrome(sample_path):
    corpus = load(sample_path)
    records = corpus.report()
    assert len(records) == 18
    dups = {r.doc_id: r.duplicate_of for r in records if r.status == "duplicate"}
    assert dups == {
        "2026-03-19_eastbrook-courier_leaked-report-flags-merrow-flow-cuts":
            "2026-03-18_valdoria-wire_leaked-report-flags-merrow-flow-cuts",
        "2026-04-03_meridian-daily_castenian-parliament-backs-sanctions":
            "2026-04-02_valdoria-wire_castenian-parliament-backs-sanctions",
    }
    docs = list(corpus)
    assert len(docs) == 16 and len({d.outlet for d in docs}) >= 4
    army = next(d for d in docs if d.doc_id.endswith("army-moves-to-guard-merrow-dam"))
    assert army.body.count("Army Moves to Guard Merrow Dam") == 1
    assert "Advertisement" not in army.body
    assert {x.reason for x in army.cleaned.excluded} == {"repeated headline", "page furniture"}
    assert min(d.date for d in docs) < "2026-04-01" < max(d.date for d in docs)
