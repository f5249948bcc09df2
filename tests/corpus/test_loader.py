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


def test_a_csv_row_over_several_lines_is_named_by_its_first_line(tmp_path):
    csv_path = write(tmp_path, "t.csv", 'doc_id,text\na,"The first article\nruns over\r\n'
                     'three lines."\nb,One line only.\n\nc,"Two\nlines",extra\n')
    records = {r.path: r for r in load(csv_path).report()}
    assert records[f"{csv_path}:2"].doc_id == "a" and records[f"{csv_path}:5"].doc_id == "b"
    assert records[f"{csv_path}:7"].reason == "line 7: expected 2 fields, found 3"


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
        load(csv_path, text_column="text")
    jsonl = write(tmp_path, "t.jsonl", '{"doc_id": "a", "body": "x"}\n')
    with pytest.raises(MissingColumnError, match="no row has a 'text' field"):
        load(jsonl, text_column="text")
    unknown = write(tmp_path, "u.csv", "doc_id,words\nd1,Some text.\n")
    with pytest.raises(MissingColumnError, match=r"no text column \(looked for text, body.*"
                                                 r"columns: doc_id, words\)"):
        load(unknown)


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
    # The statuses of the documents given, as other code selects them from the load report.
    assert corpus.kept_statuses() == {"ok"}
    assert corpus.kept_statuses(include_duplicates=True) == {"ok", "duplicate"}
    with_copies = load(tmp_path, include_duplicates=True)
    assert sorted(r.doc_id for r in with_copies.report()
                  if r.status in with_copies.kept_statuses()) == sorted(with_copies.ids())


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


# -- encodings of tables and metadata files -------------------------------------------------

CAFE = "Caf\u00e9 owners said on Monday that prices rose \u2014 again, and again."


@pytest.mark.parametrize("name, data", [
    ("t.csv", f'doc_id,text,outlet\nd1,"{CAFE}",Le Caf\u00e9\n'),
    ("t.tsv", f"doc_id\ttext\toutlet\nd1\t{CAFE}\tLe Caf\u00e9\n"),
    ("t.jsonl", json.dumps({"doc_id": "d1", "text": CAFE, "outlet": "Le Caf\u00e9"},
                           ensure_ascii=False) + "\n"),
])
def test_cp1252_tables_load_with_the_fallback_recorded(tmp_path, name, data):
    path = write(tmp_path, name, data.encode("cp1252"))
    corpus = load(path)
    [record] = corpus.report()
    assert (record.status, record.encoding, record.reason) == ("ok", "cp1252",
                                                                "decoded as cp1252")
    [doc] = list(corpus)
    assert doc.text == CAFE and doc.outlet == "Le Caf\u00e9" and doc.encoding == "cp1252"


def test_cp1252_metadata_sidecar_is_read_and_recorded(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "metadata.csv", "file,outlet,title\na.txt,Le Caf\u00e9,Caf\u00e9 talks\n"
          .encode("cp1252"))
    corpus = load(tmp_path)
    [record] = corpus.report()
    assert record.status == "ok" and record.reason == "metadata.csv decoded as cp1252"
    [doc] = list(corpus)
    assert (doc.outlet, doc.title, doc.encoding) == ("Le Caf\u00e9", "Caf\u00e9 talks", "utf-8")
    assert corpus.notes() == ["1 document(s) whose metadata file was decoded as cp1252, e.g. a: "
                              "metadata.csv decoded as cp1252"]


def test_cp1252_polnear_style_metadata_tsv(tmp_path):
    write(tmp_path, "metadata.tsv", "compartment\tfilename\tannotators\tpublisher\n"
          "dev\tstory\tab\tCaf\u00e9 Press\n".encode("cp1252"))
    write(tmp_path, "dev/text/story.txt", ARTICLE)
    write(tmp_path, "dev/attributions/story_ab.ann", "")
    corpus = load(tmp_path)
    [doc] = list(corpus)
    assert doc.outlet == "Caf\u00e9 Press"
    assert corpus.report()[0].reason == "metadata.tsv decoded as cp1252"


def test_table_bytes_in_neither_encoding_name_the_line(tmp_path):
    path = write(tmp_path, "t.csv", b"doc_id,text\nd1,fine\nd2,bad \x81 byte\n")
    with pytest.raises(DecodeError, match=r"t.csv:3: undecodable byte 0x81"):
        load(path)


# -- hostile JSONL and CSV rows ----------------------------------------------------------------

def test_jsonl_rows_with_a_huge_integer_or_deep_nesting_are_skipped(tmp_path):
    lines = ['{"doc_id": "a", "text": "First article text."}',
             '{"doc_id": "b", "text": "Second.", "n": ' + "9" * 100_000 + "}",
             "[" * 100_000 + "]" * 100_000,
             '{"doc_id": "c", "text": "Third.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
             '{"doc_id": "d", "text": "Fourth article text."}']
    path = write(tmp_path, "t.jsonl", "\n".join(lines) + "\n")
    records = load(path).report()
    assert [(r.status, r.reason) for r in records] == [
        ("ok", ""),
        ("skipped", "line 2: unreadable JSON value: a number too long to read "
                    "(over 4,300 digits)"),
        ("skipped", "line 3: JSON nested too deeply to read"),
        ("skipped", "line 4: JSON nested too deeply to read"),
        ("ok", ""),
    ]


def test_csv_article_over_128_kb_loads(tmp_path):
    long_text = "The minister said the talks had stalled. " * 8000  # about 330 KB
    path = write(tmp_path, "t.csv", f'doc_id,text\nbig,"{long_text}"\nsmall,Short one.\n')
    corpus = load(path)
    assert [r.status for r in corpus.report()] == ["ok", "ok"]
    assert next(iter(corpus)).text == long_text


# -- metadata rows that repeat or name missing files -------------------------------------------

def test_repeated_and_orphan_metadata_rows_are_reported(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE.replace("Monday", "Tuesday").replace("Ramos", "Quill"))
    write(tmp_path, "metadata.csv", "file,outlet\na.txt,First Outlet\nb.txt,Ledger\n"
          "a.txt,Second Outlet\ngone.txt,Ghost Daily\n")
    corpus = load(tmp_path)
    got = statuses(corpus)
    assert got["a.txt"] == ("ok", "metadata.csv describes a.txt again on line(s) 4: line 2 used")
    assert got["b.txt"] == ("ok", "")
    assert got["gone.txt"] == ("skipped", "listed in metadata.csv (line 5) but no such file")
    assert next(d for d in corpus if d.doc_id == "a").outlet == "First Outlet"
    notes = corpus.notes()
    assert any(n.startswith("1 document(s) described by more than one metadata row") for n in notes)
    assert any(n.startswith("1 document(s) listed in metadata but missing") for n in notes)


def test_metadata_rows_matched_by_file_name_are_not_reported_missing(tmp_path):
    write(tmp_path, "articles/a.txt", ARTICLE)
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    write(tmp_path, "metadata.csv", "file,outlet\na.txt,Ledger\nnotes.pdf,Ledger\n")
    got = statuses(load(tmp_path))
    assert got == {"a.txt": ("ok", ""), "notes.pdf": ("skipped", "not a .txt article (.pdf)")}


# -- duplicates of short or non-Latin texts ------------------------------------------------------

def test_documents_with_empty_or_tiny_bodies_are_not_copies_of_each_other(tmp_path):
    write(tmp_path, "zh1.txt", "\u5317\u4eac\u5e02\u653f\u5e9c\u5468\u4e00\u5ba3\u5e03\u65b0"
          "\u7684\u4ea4\u901a\u89c4\u5212\n\u8be5\u8ba1\u5212\u5c06\u5728\u660e\u5e74\u5b9e"
          "\u65bd\n")
    write(tmp_path, "zh2.txt", "\u4e0a\u6d77\u4e3e\u529e\u56fd\u9645\u7535\u5f71\u8282\n"
          "\u6765\u81ea\u56db\u5341\u4e2a\u56fd\u5bb6\u7684\u5f71\u7247\u53c2\u52a0\u4e86\u8bc4"
          "\u9009\n")
    write(tmp_path, "brief1.txt", "Share this\nDam opens.\n")
    write(tmp_path, "brief2.txt", "Share this\nTalks end.\n")
    write(tmp_path, "brief3.txt", "Share this\nTalks end.\n")
    got = {r.doc_id: (r.status, r.duplicate_of) for r in load(tmp_path).report()}
    assert got == {"brief1": ("ok", None), "brief2": ("ok", None),
                   "brief3": ("duplicate", "brief2"), "zh1": ("ok", None), "zh2": ("ok", None)}


# -- dates --------------------------------------------------------------------------------------

def test_dates_are_parsed_strictly_and_bad_ones_reported(tmp_path):
    rows = [("a", "2026-03-02"), ("b", "2026-13-01"), ("c", "2026-02-30"), ("d", "yesterday"),
            ("e", "2026-03-04T09:30:00Z"), ("f", "Tue, 03 Mar 2026 10:00:00 GMT"), ("g", "")]
    body = "\n".join(f'{i},"{ARTICLE.replace("Monday", f"day {i}")}","{d}"' for i, d in rows)
    path = write(tmp_path, "t.csv", "doc_id,text,date\n" + body + "\n")
    corpus = load(path)
    dates = {r.doc_id: r.date for r in corpus.report()}
    assert dates == {"a": "2026-03-02", "b": None, "c": None, "d": None, "e": "2026-03-04",
                     "f": "2026-03-03", "g": None}
    reasons = {r.doc_id: r.reason for r in corpus.report()}
    assert reasons["b"] == "unreadable date '2026-13-01' (kept as meta['date_raw'])"
    assert reasons["g"] == ""
    assert next(d for d in corpus if d.doc_id == "d").meta["date_raw"] == "yesterday"
    summary = corpus.summary()
    assert summary.attrs["notes"][0] == (
        "3 document(s) with an unreadable date (no date used), e.g. b: unreadable date "
        "'2026-13-01' (kept as meta['date_raw'])")


# -- titles from the first line ----------------------------------------------------------------

def test_plain_text_takes_a_headline_like_first_line_as_title(tmp_path):
    write(tmp_path, "headline.txt", ARTICLE)
    write(tmp_path, "furniture.txt", "Share this article\nDam Talks Stall Again\n" + ARTICLE[17:])
    write(tmp_path, "sentence.txt", "Ramos said the talks had stalled.\nShe left at noon.\n")
    write(tmp_path, "single.txt", "One line only without a period")
    write(tmp_path, "given.txt", ARTICLE.replace("Monday", "Friday"))
    write(tmp_path, "metadata.csv", "file,title\ngiven.txt,From metadata\n")
    docs = {d.doc_id: d for d in load(tmp_path)}
    assert docs["headline"].title == "Dam talks stall"
    assert docs["headline"].meta["title_from"] == "first line"
    assert docs["headline"].text == ARTICLE
    assert docs["furniture"].title == "Dam Talks Stall Again"
    assert docs["sentence"].title is None and docs["single"].title is None
    assert docs["given"].title == "From metadata" and "title_from" not in docs["given"].meta
    csv_path = write(tmp_path, "t.csv", 'doc_id,text\nx,"Dam talks stall\nRamos spoke."\n')
    assert next(iter(load(csv_path))).title is None


# -- languages ----------------------------------------------------------------------------------

FRENCH = ("Le gouvernement a annonc\u00e9 lundi que les n\u00e9gociations sur le barrage "
          "reprendraient la semaine prochaine. Le ministre a d\u00e9clar\u00e9 que les deux pays "
          "n'\u00e9taient pas encore parvenus \u00e0 un accord, mais que les discussions "
          "avan\u00e7aient. L'opposition a critiqu\u00e9 le projet et r\u00e9clam\u00e9 une "
          "enqu\u00eate ind\u00e9pendante.\n")
ENGLISH = ("The government said on Monday that the talks on the dam would resume next week. "
           "The minister told reporters that the two countries had not yet reached a deal, but "
           "that the talks were moving forward. The opposition criticized the plan and called "
           "for an independent inquiry into the water supply.\n")


def test_non_english_documents_are_flagged_kept_and_can_be_left_out(tmp_path):
    write(tmp_path, "en.txt", ENGLISH)
    write(tmp_path, "fr.txt", FRENCH)
    write(tmp_path, "short.txt", "Talks resume.\n")
    corpus = load(tmp_path)
    records = {r.doc_id: r for r in corpus.report()}
    assert [records[k].language for k in ("en", "fr", "short")] == ["en", "other", "unknown"]
    assert records["fr"].status == "ok"
    assert records["fr"].reason.startswith("does not look English")
    assert records["en"].reason == "" and records["short"].reason == ""
    assert sorted(d.doc_id for d in corpus) == ["en", "fr", "short"]
    assert sorted(d.doc_id for d in corpus.documents(english_only=True)) == ["en", "short"]
    assert corpus.ids(english_only=True) == ["en", "short"]
    assert corpus.language_counts() == {"en": 1, "other": 1, "unknown": 1}
    assert next(d for d in corpus if d.doc_id == "fr").language == "other"
    assert corpus.summary()["language"].tolist() == ["en", "other", "unknown"]
    assert corpus.notes()[0].startswith("1 document(s) that do not look English, e.g. fr: "
                                        "does not look English")


def test_english_only_corpus_leaves_them_out_of_every_view_but_the_report(tmp_path):
    write(tmp_path, "en.txt", ENGLISH)
    write(tmp_path, "fr.txt", FRENCH)
    corpus = load(tmp_path, english_only=True)
    assert [d.doc_id for d in corpus] == ["en"] and corpus.ids() == ["en"] and len(corpus) == 1
    assert [r.doc_id for r in corpus.report()] == ["en", "fr"]
    assert corpus.language_counts()["other"] == 1
    assert sorted(d.doc_id for d in corpus.documents(english_only=False)) == ["en", "fr"]


def test_utf16_files_with_a_byte_order_mark_are_read_and_recorded(tmp_path):
    """Excel's "Unicode text" export and Notepad write UTF-16 with a byte-order mark."""
    table = tmp_path / "u16.csv"
    table.write_bytes("doc_id,text\nd1,The minister said the dam was safe.\n".encode("utf-16"))
    folder = tmp_path / "texts"
    folder.mkdir()
    text = "Dam talks\n\nThe minister said the dam was safe, officials said.\n"
    (folder / "a.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8")  # a lone surrogate
    for path in (table, folder):
        corpus = load(path)
        (record,) = corpus.report()
        assert record.status == "ok" and record.encoding == "utf-16"
        assert "decoded as utf-16" in record.reason
    (doc,) = load(folder).documents()
    assert doc.text == text and doc.title == "Dam talks"
    (doc,) = load(table).documents()
    assert doc.text == "The minister said the dam was safe."
    with pytest.raises(DecodeError, match="utf-16"):
        read_document(tmp_path / "bad.txt")


def test_a_jsonl_file_with_no_valid_line_names_the_first_bad_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "The minister said\n[1, 2\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"no line is a valid JSON object \(line 1: invalid JSON"):
        load(path)


def test_a_relative_path_reads_the_same_documents_as_an_absolute_one(tmp_path, monkeypatch):
    folder = tmp_path / "news" / "articles"
    folder.mkdir(parents=True)
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Headline {i}\n\nThe council met on day {i}.\n",
                                          encoding="utf-8")
    cache = tmp_path / "cache"
    first = load(folder, cache=cache)
    assert len(list(first)) == 3
    # the scan kept in the cache by the first run serves a run that names the folder relatively
    monkeypatch.chdir(tmp_path / "news")
    again = load("articles", cache=cache)
    docs = list(again)
    assert [d.doc_id for d in docs] == ["a0", "a1", "a2"]
    assert {r.path for r in again.report()} == {str(folder / f"a{i}.txt") for i in range(3)}


def test_documents_read_already_are_given_back_and_the_others_read(sample_path):
    corpus = load(sample_path)
    fresh = list(corpus.documents(include_duplicates=True))
    april = [d for d in corpus if d.date and d.date.startswith("2026-04")]
    assert 0 < len(april) < len(fresh)
    again = list(corpus.documents(include_duplicates=True, read=april))
    assert again == fresh
    kept = {id(d) for d in april}
    assert sum(id(d) in kept for d in again) == len(april)  # the same objects, not read again
    # Gone through once, alongside the inputs: a one-shot iterator will do.
    taken = []

    def one_by_one():
        for doc in april:
            taken.append(doc.doc_id)
            yield doc

    assert list(corpus.documents(include_duplicates=True, read=one_by_one())) == fresh
    assert taken == [d.doc_id for d in april]
    # Out of input order, the documents not met in order are read again: the same documents.
    backwards = list(corpus.documents(include_duplicates=True, read=april[::-1]))
    assert backwards == fresh
    assert 0 < sum(id(d) in kept for d in backwards) < len(april)
