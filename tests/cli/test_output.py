"""Records written as JSON Lines, CSV and an aligned text table."""

import csv
import io
import json

from toolkit.cli.output import guard_csv_cell, write_frame, write_records

ROWS = [{"speaker": "Maria Ramos", "content": "the talks will go on after the vote", "n": 2},
        {"speaker": "Castenian government", "content": None, "n": float("nan")}]


def written(fmt, columns=("speaker", "content", "n"), **options):
    out = io.StringIO()
    count = write_records(iter(ROWS), columns, fmt, out, **options)
    return count, out.getvalue()


def test_jsonl_keeps_column_order_and_writes_nan_as_null():
    count, text = written("jsonl", columns=("n", "speaker"))
    assert count == 2
    assert text == ('{"n": 2, "speaker": "Maria Ramos"}\n'
                    '{"n": null, "speaker": "Castenian government"}\n')


def test_csv_writes_missing_values_as_empty_cells():
    _, text = written("csv")
    assert text == ("speaker,content,n\nMaria Ramos,the talks will go on after the vote,2\n"
                    "Castenian government,,\n")


def test_table_cuts_cells_to_their_column_width_with_an_ellipsis():
    _, text = written("table", column_widths={"speaker": 8, "content": 12})
    assert text.splitlines() == ["speaker   content       n",
                                 "Maria R\u2026  the talks w\u2026  2",
                                 "Casteni\u2026"]


HOSTILE = [{"cell": "=HYPERLINK(\"http://x\")"}, {"cell": "+1+2"}, {"cell": "-0.5"},
           {"cell": "-2+3"}, {"cell": "@SUM(A1)"}, {"cell": "\tx"}, {"cell": "\rx"},
           {"cell": "plain"}, {"cell": -7}, {"cell": "1e-05"}]


def test_csv_guards_cells_a_spreadsheet_would_run_but_not_numbers():
    out = io.StringIO()
    write_records(iter(HOSTILE), ("cell",), "csv", out)
    assert out.getvalue().split("\n") == [
        "cell", '"\'=HYPERLINK(""http://x"")"', "\"'+1+2\"", "-0.5", "\"'-2+3\"",
        "\"'@SUM(A1)\"", "\"'\tx\"", "\"'\rx\"", "plain", "-7", "1e-05", ""]


def test_raw_csv_writes_cells_as_they_are():
    out = io.StringIO()
    write_records(iter(HOSTILE), ("cell",), "csv", out, raw=True)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert [r[0] for r in rows[1:]] == [str(r["cell"]) for r in HOSTILE]


def test_guarded_cells_read_back_as_the_text_behind_a_quote_mark():
    out = io.StringIO()
    write_records(iter(HOSTILE), ("cell", "other"), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    for row, original in zip(rows, HOSTILE, strict=True):
        text = str(original["cell"])
        assert row["cell"] in (text, "'" + text) and row["other"] == ""
        assert (row["cell"] == text) == (guard_csv_cell(text) is None)


def test_frame_csv_is_to_csv_unless_a_cell_needs_the_guard():
    import pandas as pd

    safe = pd.DataFrame({"word": ["water", "dam, river"], "g2": [-0.5, 3.25], "n": [1, 2]})
    out = io.StringIO()
    write_frame(safe, "csv", out)
    assert out.getvalue() == safe.to_csv(index=False, lineterminator="\n")
    hostile = pd.DataFrame({"word": ["=cmd|' /C calc'!A0", "x"], "g2": [-0.5, float("nan")]})
    out = io.StringIO()
    write_frame(hostile, "csv", out)
    assert out.getvalue() == "word,g2\n\"'=cmd|' /C calc'!A0\",-0.5\nx,\n"
    out = io.StringIO()
    write_frame(hostile, "csv", out, raw=True)
    assert out.getvalue() == hostile.to_csv(index=False, lineterminator="\n")


def test_table_escapes_control_characters_and_terminal_escapes():
    rows = [{"speaker": "\x1b[2J\x1b]0;owned\x07Ramos", "content": "a\x9b31mb\x00c"}]
    out = io.StringIO()
    write_records(iter(rows), ("speaker", "content"), "table", out, max_width=200)
    text = out.getvalue()
    assert not any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) <= 0x9f for c in text)
    assert "\\x1b[2J\\x1b]0;owned\\x07Ramos" in text and "a\\x9b31mb\\x00c" in text


def test_jsonl_escapes_c0_control_characters_and_ends_lines_with_newline_only():
    rows = [{"speaker": "\x1b[31mRed\x07\r\n\x9b\u2028x"}]
    out = io.StringIO()
    write_records(iter(rows), ("speaker",), "jsonl", out)
    assert out.getvalue() == '{"speaker": "\\u001b[31mRed\\u0007\\r\\n\x9b\u2028x"}\n'
    assert json.loads(out.getvalue())["speaker"] == rows[0]["speaker"]


def test_report_tables_are_guarded_like_command_line_csv(tmp_path):
    import pandas as pd

    from toolkit.report import save_table

    frame = pd.DataFrame({"speaker": ["=1+1", "@x", "a\rb", "-0.5", "", "plain, text"],
                          "share": [-0.5, 0.25, float("nan"), 1.0, -2.0, 3.0]})
    out = io.StringIO()
    write_frame(frame, "csv", out)
    save_table(frame, "speakers", output_dir=tmp_path)
    written_table = (tmp_path / "tables" / "speakers.csv").read_bytes()
    assert written_table == out.getvalue().encode("utf-8")
    assert written_table.decode().splitlines()[1:3] == ["\"'=1+1\",-0.5", "\"'@x\",0.25"]
    rows = list(csv.reader(io.StringIO(written_table.decode(), newline="")))
    assert [r[0] for r in rows[1:]] == ["'=1+1", "'@x", "a\rb", "-0.5", "", "plain, text"]
    save_table(frame, "again", output_dir=tmp_path)
    assert (tmp_path / "tables" / "again.csv").read_bytes() == written_table
    save_table(frame, "raw", output_dir=tmp_path, raw=True)
    raw = list(csv.reader(io.StringIO((tmp_path / "tables" / "raw.csv").read_bytes().decode(),
                                      newline="")))
    assert [r[0] for r in raw[1:]] == ["=1+1", "@x", "a\rb", "-0.5", "", "plain, text"]


def test_tables_without_cells_to_guard_are_written_as_pandas_writes_them(monkeypatch, polnear_path):
    """A table whose cells need neither a guard nor quoted carriage returns is written by
    pandas directly; its text is the one written a cell at a time, for tables of real text and
    for tables with commas, quotes, line breaks, missing values, numbers and dates."""
    import datetime as dt
    from dataclasses import replace

    import numpy as np
    import pandas as pd

    from toolkit.analysis import keyness
    from toolkit.corpus import load
    from toolkit.report import outputs

    docs = [replace(doc, outlet=outlet) for doc, outlet in
            zip(list(load(polnear_path / "dev" / "text"))[:30], ["A", "B"] * 15, strict=True)]
    words = keyness.keyness(docs, by="outlet", group="A", min_freq=2)
    frames = {
        "keyness": words,
        "texts": pd.DataFrame({"speaker": ["Ana, Ruiz", 'the "Chair"', "two\nlines", None, "",
                                           "-0.5", "plain"],
                               "n": [1, 2, 3, 4, 5, 6, 7],
                               "share": [0.5, -0.25, np.nan, np.inf, -np.inf, 1e-9, 2.0],
                               "count": pd.array([1, None, 3, 4, 5, 6, 7], dtype="Int64"),
                               "flag": [True, False, True, True, False, False, True],
                               "date": pd.to_datetime(["2026-03-01"] * 6 + [None]),
                               "day": [dt.date(2026, 3, d) for d in range(1, 8)],
                               "kind": pd.Categorical(["a", "b", "a", "a", "b", "b", None]),
                               "pieces": [((1, 2),), ((3, 4), (5, 6)), (), None, ((0, 1),),
                                          ((2, 9),), ((7, 8),)]}),
        "empty": pd.DataFrame({"word": pd.Series([], dtype="str"), "n": []}),
    }
    written = {name: outputs.table_csv(frame) for name, frame in frames.items()}
    assert {name: outputs._cell_by_cell(frame, raw=False)
            for name, frame in frames.items()} == dict.fromkeys(frames, False)
    monkeypatch.setattr(outputs, "_cell_by_cell", lambda frame, raw: True)
    assert written == {name: outputs.table_csv(frame) for name, frame in frames.items()}
    assert written["texts"].splitlines()[1:3] == ['"Ana, Ruiz",1,0.5,1,True,2026-03-01,'
                                                  '2026-03-01,a,"((1, 2),)"',
                                                  '"the ""Chair""",2,-0.25,,False,2026-03-01,'
                                                  '2026-03-02,b,"((3, 4), (5, 6))"']
    assert len(written["keyness"].splitlines()) == len(words) + 1 > 100
    monkeypatch.undo()
    # A cell to guard, a carriage return or a name to guard: the table is written cell by cell.
    for changed in (frames["texts"].assign(speaker=["=1+1"] * 7),
                    frames["texts"].assign(speaker=["a\rb"] * 7),
                    frames["texts"].rename(columns={"n": "+n"})):
        assert outputs._cell_by_cell(changed, raw=False)
    assert not outputs._cell_by_cell(frames["texts"].assign(speaker=["=1+1"] * 7), raw=True)
