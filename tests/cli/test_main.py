import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from toolkit.cli import main

ROOT = Path(__file__).resolve().parents[2]


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
    (tmp_path / "a.txt").write_text("Dam talks resume\nA sentence, with a comma.\n", encoding="utf-8")
    code, out, _ = run(["corpus", str(tmp_path), "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["body"] == "Dam talks resume\n\nA sentence, with a comma."
    code, out, _ = run(["corpus", str(tmp_path)], capsys)
    assert out.splitlines()[0].split()[:3] == ["doc_id", "path", "status"]


def test_errors_are_one_line_without_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "toolkit", "corpus", str(tmp_path / "missing")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "no such file or folder" in proc.stderr and "Traceback" not in proc.stderr
    (tmp_path / "t.csv").write_text("id,body\n1,x\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "toolkit", "corpus", str(tmp_path / "t.csv")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "--text-column" in proc.stderr


def test_help_lists_commands(capsys):
    code, out, _ = run([], capsys)
    assert code == 0 and "corpus" in out and "report" in out and "quotes" in out


def test_overview_tables(tmp_path):
    from toolkit.analysis.overview import cleaning_summary, documents_by_outlet_month
    from toolkit.corpus import load

    (tmp_path / "a.txt").write_text("Share this article\nDam talks stall again\nTalks stalled.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ramos flies to Brennick\nShe said talks go on.\n",
                                    encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet,date\na.txt,Ledger,2026-03-02\n"
                                           "b.txt,Ledger,2026-04-01\n", encoding="utf-8")
    corpus = load(tmp_path)
    by_month = documents_by_outlet_month(corpus)
    assert by_month.to_csv(index=False) == ("outlet,month,n_documents,n_duplicates\n"
                                            "Ledger,2026-03,1,0\nLedger,2026-04,1,0\n")
    assert cleaning_summary(corpus).to_csv(index=False) == (
        "reason,n_spans,n_documents,n_chars\npage furniture,1,1,18\n")
