"""The corpus command accounts for every input in each output format."""

import csv
import io
import json

from toolkit.cli import main


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_corpus_jsonl_accounts_for_every_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Connect with us\nDam talks stall\nRamos said talks "
                                    "stalled.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    code, out, err = run(["corpus", str(tmp_path), "--format", "jsonl"], capsys)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["doc_id"], r["status"]) for r in rows] == [("a", "ok"), ("b", "skipped")]
    assert rows[0]["body"] == "Dam talks stall\n\nRamos said talks stalled."
    assert rows[0]["n_sentences"] == 2 and rows[0]["n_tokens"] == 8
    assert rows[1]["reason"] == "empty or whitespace-only text" and rows[1]["body"] is None
    for key in ("doc_id", "path", "status", "reason", "duplicate_of", "title", "outlet",
                "date", "n_chars", "n_sentences", "n_tokens", "body"):
        assert key in rows[0]
    assert "2 input(s): 1 ok, 0 duplicate, 1 skipped" in err


def test_corpus_csv_and_table(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Dam talks resume\nA sentence, with a comma.\n",
                                    encoding="utf-8")
    code, out, _ = run(["corpus", str(tmp_path), "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["body"] == "Dam talks resume\n\nA sentence, with a comma."
    code, out, _ = run(["corpus", str(tmp_path)], capsys)
    assert out.splitlines()[0].split()[:3] == ["doc_id", "path", "status"]
