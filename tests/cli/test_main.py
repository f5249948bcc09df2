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


def _descendants(pid: int) -> set[int]:
    """The processes started from ``pid``, directly or not (read from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        if entry.name.isdigit():
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def test_a_terminated_command_stops_its_worker_processes(polnear_path, tmp_path):
    import os
    import signal
    import time

    import pytest

    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to follow the processes")
    env = dict(os.environ, TOOLKIT_CACHE_DIR=str(tmp_path / "cache"))
    # Errors to a file, not a pipe: processes left behind would hold a pipe open.
    errors = tmp_path / "errors.txt"
    with errors.open("w") as handle:
        proc = subprocess.Popen([sys.executable, "-m", "toolkit", "speakers",
                                 str(polnear_path / "train" / "text"), "--workers", "2"],
                                stdout=subprocess.DEVNULL, stderr=handle, env=env)
    started: set[int] = set()
    deadline = time.monotonic() + 120
    while len(started) < 3 and proc.poll() is None and time.monotonic() < deadline:
        started |= _descendants(proc.pid)  # its fork server and workers
        time.sleep(0.2)
    assert proc.poll() is None and len(started) >= 3, "the command ended before it was stopped"
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=120)
    err = errors.read_text()
    assert proc.returncode == 128 + signal.SIGTERM and err.strip().endswith("terminated")
    assert "Traceback" not in err
    deadline = time.monotonic() + 30
    while (left := {p for p in started if Path(f"/proc/{p}").exists()}) and \
            time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left, "processes left running after the command ended"
