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


def test_corpus_records_are_the_same_for_any_number_of_workers(polnear_path, tmp_path, capsys,
                                                                monkeypatch):
    """The documents' counts and bodies made over worker processes are those made in one
    process, record for record, with skipped and duplicate inputs between them."""
    import shutil

    folder = tmp_path / "corpus"
    shutil.copytree(polnear_path / "dev" / "text", folder)
    texts = sorted(folder.glob("*.txt"))
    (folder / "zz_empty.txt").write_text("  \n", encoding="utf-8")
    shutil.copy(texts[3], folder / "zz_copy.txt")
    (folder / "aa_empty.txt").write_text("", encoding="utf-8")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cache"))
    outputs = {}
    for workers in ("1", "2"):
        code, out, err = run(["corpus", str(folder), "--format", "jsonl", "--workers", workers],
                             capsys)
        assert code == 0
        outputs[workers] = out
    assert outputs["1"] == outputs["2"]
    rows = [json.loads(line) for line in outputs["2"].splitlines()]
    assert len(rows) == len(texts) + 3 > 2 * 16
    statuses = {r["doc_id"]: r["status"] for r in rows}
    assert statuses["aa_empty"] == statuses["zz_empty"] == "skipped"
    assert statuses["zz_copy"] == "duplicate"
    counted = [r for r in rows if r["status"] != "skipped"]
    assert all(r["n_tokens"] > 50 and r["body"] for r in counted)
    assert rows[-1]["body"] is None and rows[-1]["n_tokens"] is None
