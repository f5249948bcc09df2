"""The toolkit command: help, and one-line errors with exit status 2."""

import subprocess
import sys
from pathlib import Path

from toolkit.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_errors_are_one_line_without_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "toolkit", "corpus", str(tmp_path / "missing")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "no such file or folder" in proc.stderr and "Traceback" not in proc.stderr
    (tmp_path / "t.csv").write_text("id,stuff\n1,x\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "toolkit", "corpus", str(tmp_path / "t.csv")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "--text-column" in proc.stderr
    # a usual name is found without the option; a named column that is missing is an error
    (tmp_path / "b.csv").write_text("id,body\n1,Some words here.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "toolkit", "corpus", str(tmp_path / "b.csv")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "1 ok" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "toolkit", "corpus", str(tmp_path / "b.csv"),
                           "--text-column", "article"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "article" in proc.stderr and "Traceback" not in proc.stderr


def test_help_lists_commands(capsys):
    code, out, _ = run([], capsys)
    assert code == 0 and "corpus" in out and "report" in out and "quotes" in out


def test_error_messages_show_control_characters_escaped(tmp_path, capsys):
    table = tmp_path / "feed.csv"
    table.write_bytes("id,body\n".encode("utf-16"))
    assert main(["corpus", str(table), "--text-column", "st\x1b[2Jory"]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "\x1b" not in err and "\x00" not in err
    assert "st\\x1b[2Jory" in err
