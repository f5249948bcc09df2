"""The quotes command: the same records in every format, and one-line errors."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from toolkit.cli import main
from toolkit.cli.quotes import JSONL_KEYS

ROOT = Path(__file__).resolve().parents[2]
STORY = "\u201cThe gates stay open,\u201d Maria Ramos said on Monday.\n"


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_csv_and_jsonl_hold_the_same_records(tmp_path, capsys):
    story = tmp_path / "gates.txt"
    story.write_text(STORY, encoding="utf-8")
    _, jsonl, _ = run(["quotes", str(story)], capsys)
    _, text, _ = run(["quotes", str(story), "--format", "csv"], capsys)
    records = [json.loads(line) for line in jsonl.splitlines()]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["speaker"] for r in records] == [r["speaker"] for r in rows] == ["Maria Ramos"]
    assert tuple(rows[0])[:len(JSONL_KEYS)] == JSONL_KEYS
    start, end = records[0]["content_start"], records[0]["content_end"]
    assert rows[0]["content"] == records[0]["content"] == STORY[start:end]
    assert (int(rows[0]["content_start"]), int(rows[0]["content_end"])) == (start, end)
    assert "The gates stay open," in STORY[start:end]


def test_table_shows_who_said_what(tmp_path, capsys):
    story = tmp_path / "gates.txt"
    story.write_text(STORY, encoding="utf-8")
    code, out, _ = run(["quotes", str(story), "--format", "table"], capsys)
    header, row = out.splitlines()
    assert code == 0 and header.split() == ["doc_id", "speaker", "kind", "cue", "content"]
    assert row.split("  ")[0] == "gates" and "Maria Ramos" in row and "said" in row


def test_unreadable_path_list_is_one_line(tmp_path, capsys):
    code, out, err = run(["quotes", "--paths-from", str(tmp_path / "paths.txt")], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "paths.txt: cannot read the list of paths" in err and "one path per line" in err


def test_no_paths_is_one_line(capsys):
    code, _, err = run(["quotes"], capsys)
    assert code == 2 and err == ("toolkit quotes: error: no input paths "
                                 "(give PATH... or --paths-from FILE)\n")


def test_csv_corpus_is_read_row_by_row(tmp_path, capsys):
    table = tmp_path / "articles.csv"
    story = STORY.strip()
    table.write_text('doc_id,text\ng1,"' + story.replace('"', '""') + '"\ng2,\n',
                     encoding="utf-8")
    code, out, err = run(["quotes", str(table)], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["doc_id"], r["path"], r["speaker"]) for r in records] == [
        ("g1", f"{table}:2", "Maria Ramos")]
    start, end = records[0]["content_start"], records[0]["content_end"]
    assert story[start:end] == records[0]["content"]
    assert code == 1 and f"skipped {table}:3: empty or whitespace-only text" in err


def test_folder_and_column_options(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "gates.txt").write_text(STORY, encoding="utf-8")
    code, out, _ = run(["quotes", str(folder), "--format", "table"], capsys)
    assert code == 0 and out.splitlines()[1].startswith("gates ")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"uid": "f1", "story": {"body": STORY}}) + "\n",
                    encoding="utf-8")
    code, out, _ = run(["quotes", str(feed), "--text-column", "story.body",
                        "--id-column", "uid"], capsys)
    assert code == 0 and json.loads(out)["doc_id"] == "f1"
    assert json.loads(out)["path"] == f"{feed}:1"


def test_txt_paths_keep_the_path_as_given_next_to_a_corpus(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gates.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "more.csv").write_text("text\nnothing quoted here\n", encoding="utf-8")
    code, out, _ = run(["quotes", "./gates.txt", "more.csv"], capsys)
    assert code == 0 and [json.loads(line)["path"] for line in out.splitlines()] == [
        "./gates.txt"]


def test_path_list_that_is_not_utf8_names_line_and_byte(tmp_path, capsys):
    listing = tmp_path / "paths.txt"
    listing.write_bytes(b"ok.txt\ncaf\xe9.txt\n")
    code, out, err = run(["quotes", "--paths-from", str(listing)], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"{listing}:2: cannot read the list of paths: not UTF-8 text (byte 0xe9" in err


def test_path_list_with_a_nul_byte_is_an_error(tmp_path, capsys):
    listing = tmp_path / "paths.txt"
    listing.write_bytes(b"a\x00b\n")
    code, _, err = run(["quotes", "--paths-from", str(listing)], capsys)
    assert code == 2 and "paths.txt:1: the list of paths holds a NUL byte" in err


CONTINUED = ("\u201cThe gates stay open,\u201d Maria Ramos said on Monday.\n"
             "\u201cNobody will be turned away at night.\u201d\n")


def test_floating_quotes_are_written_unless_left_out(tmp_path, capsys):
    story = tmp_path / "gates.txt"
    story.write_text(CONTINUED, encoding="utf-8")
    _, out, err = run(["quotes", str(story)], capsys)
    kinds = [json.loads(line)["kind"] for line in out.splitlines()]
    assert kinds == ["direct", "floating"] and err == ""
    floating = json.loads(out.splitlines()[1])
    assert floating["cue"] == "" and floating["cue_start"] == floating["cue_end"]
    assert floating["content"].startswith("\u201cNobody")
    _, out, _ = run(["quotes", str(story), "--no-floating"], capsys)
    assert [json.loads(line)["kind"] for line in out.splitlines()] == ["direct"]
    _, same, _ = run(["quotes", str(story), "--floating"], capsys)
    _, default, _ = run(["quotes", str(story)], capsys)
    assert same == default


def test_content_pieces_are_a_list_in_jsonl_and_a_cell_in_csv(tmp_path, capsys):
    story = tmp_path / "split.txt"
    text = "\u201cWe will stay,\u201d Dana Ortiz said, \u201cuntil the end.\u201d\n"
    story.write_text(text, encoding="utf-8")
    _, jsonl, _ = run(["quotes", str(story)], capsys)
    _, table, _ = run(["quotes", str(story), "--format", "csv"], capsys)
    (record,) = [json.loads(line) for line in jsonl.splitlines()]
    (row,) = csv.DictReader(io.StringIO(table))
    assert record["content_spans"] == [[0, 15], [33, 49]]
    assert [text[a:b] for a, b in record["content_spans"]] == [
        "\u201cWe will stay,\u201d", "\u201cuntil the end.\u201d"]
    assert row["content_spans"] == "0-15;33-49"


def test_explain_adds_rule_paths_and_rejected_cues(tmp_path, capsys):
    story = tmp_path / "report.txt"
    story.write_text("The said report was long.\n" + STORY, encoding="utf-8")
    _, plain, _ = run(["quotes", str(story)], capsys)
    assert "explain" not in json.loads(plain.splitlines()[0])
    _, out, _ = run(["quotes", str(story), "--explain"], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["kind"] for r in lines] == ["rejected", "rejected", "direct"]
    assert lines[0]["reason"] == "noun_use" and lines[0]["explain"] == ["cue:lexicon(say)"]
    assert lines[2]["explain"][0] == "cue:lexicon(say)" and lines[2]["reason"] is None
    _, table, _ = run(["quotes", str(story), "--explain", "--format", "table"], capsys)
    assert "cue:lexicon(say) \u2192 speaker:" in table and "\u2717 the cue form is a noun" in table


def _quotes_output(args):
    done = subprocess.run([sys.executable, "-m", "toolkit", "quotes", *args], cwd=ROOT,
                          capture_output=True, check=True)
    return done.stdout


def test_workers_write_the_same_bytes_as_one_process():
    articles = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "data/sample/articles").glob("*.txt"))
    assert sum(len((ROOT / p).read_text(encoding="utf-8")) for p in articles) >= 50_000
    for extra in ([], ["--format", "csv"], ["--format", "table"], ["--explain", "--no-floating"]):
        one = _quotes_output([*articles, *extra, "--workers", "1"])
        assert one and _quotes_output([*articles, *extra, "--workers", "2"]) == one


def test_workers_started_from_the_test_process_keep_the_input_order(capsys, monkeypatch):
    from toolkit.cli import quotes

    monkeypatch.setattr(quotes, "_PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(quotes, "_PARALLEL_MIN_CHARS_UNFORKED", 0)
    monkeypatch.setattr(quotes, "_TASK_CHARS", 1)
    articles = sorted(str(p) for p in (ROOT / "data/sample/articles").glob("*.txt"))[:6]
    _, one, _ = run(["quotes", *articles, "--workers", "1"], capsys)
    _, two, _ = run(["quotes", *articles, "--workers", "2"], capsys)
    assert one and two == one
