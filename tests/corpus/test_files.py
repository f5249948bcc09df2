"""Folders, links, special files and encodings as the loader meets them."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from toolkit.corpus import load
from toolkit.corpus.files import detect_encoding, walk
from toolkit.errors import DecodeError

ARTICLE = ("Dam talks stall\n\nForeign Minister Elena Ramos said on Monday that the talks had "
           "stalled. \u201cWe are not there yet,\u201d she told reporters.\n")


def reasons(corpus) -> dict[str, tuple[str, str]]:
    return {Path(r.path).name: (r.status, r.reason) for r in corpus.report()}


def remove_deep_tree(top: Path) -> None:
    """Remove a folder tree too deep for shutil.rmtree (which recurses)."""
    paths = [top]
    while (paths[-1] / "d").is_dir():
        paths.append(paths[-1] / "d")
    for folder in reversed(paths):
        for child in folder.iterdir():
            if not child.is_dir():
                child.unlink()
        folder.rmdir()


def test_a_folder_tree_deeper_than_the_recursion_limit_loads(tmp_path):
    top = tmp_path / "deep"
    current = top
    os.mkdir(current)
    for _ in range(1100):
        current = current / "d"
        os.mkdir(current)
    (current / "bottom.txt").write_text(ARTICLE, encoding="utf-8")
    (top / "top.txt").write_text(ARTICLE.replace("Monday", "Friday").replace("Ramos", "Quill"),
                                 encoding="utf-8")
    try:
        corpus = load(top)
        got = reasons(corpus)
        assert got == {"bottom.txt": ("ok", ""), "top.txt": ("ok", "")}
        bottom = next(r for r in corpus.report() if r.path.endswith("bottom.txt"))
        assert bottom.path.split("/").count("d") == 1100
    finally:
        remove_deep_tree(top)


def test_dangling_and_looping_links_fifos_and_sockets_are_recorded_skips(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink("missing.txt", tmp_path / "dangling.txt")
    os.symlink("loop_b.txt", tmp_path / "loop_a.txt")
    os.symlink("loop_a.txt", tmp_path / "loop_b.txt")
    os.symlink(".", tmp_path / "itself")
    os.mkfifo(tmp_path / "pipe.txt")  # nobody writes to it: reading it would block forever
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "feed.sock"))
        got = reasons(load(tmp_path))
    finally:
        server.close()
    assert got["good.txt"] == ("ok", "")
    assert got["dangling.txt"] == ("skipped", "broken symbolic link (its target does not exist)")
    assert got["loop_a.txt"] == got["loop_b.txt"] == (
        "skipped", "symbolic link loop (the link leads back to itself)")
    assert got["itself"][0] == "skipped" and "already read" in got["itself"][1]
    assert got["pipe.txt"] == ("skipped", "not a regular file (named pipe)")
    assert got["feed.sock"] == ("skipped", "not a regular file (socket)")


def test_a_fifo_given_as_the_corpus_path_is_an_error_not_a_hang(tmp_path):
    fifo = tmp_path / "stream.txt"
    os.mkfifo(fifo)
    from toolkit.errors import EmptyCorpusError

    with pytest.raises(EmptyCorpusError, match=r"not a regular file \(named pipe\)"):
        load(fifo)


def test_a_link_to_a_folder_is_followed_once(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink("real", tmp_path / "alias")
    found = {f.rel: f.skip for f in walk(str(tmp_path))}
    assert found["real/a.txt"] is None
    assert "alias" in found and "already read" in found["alias"]


def test_walk_lists_files_sorted_and_leaves_out_hidden_names(tmp_path):
    for rel in ("b.txt", "a/z.txt", "a/b/c.txt", ".git/config", "a/.cache.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    assert [f.rel for f in walk(str(tmp_path))] == ["a/b/c.txt", "a/z.txt", "b.txt"]


def test_encoding_is_detected_without_reading_the_file_at_once(tmp_path):
    utf8 = tmp_path / "u.csv"
    utf8.write_text("text\n" + "caf\u00e9 " * 400_000 + "\n", encoding="utf-8")
    assert detect_encoding(str(utf8), "u.csv") == "utf-8"
    latin = tmp_path / "l.csv"
    latin.write_bytes(("text\n" + "x" * (1 << 20) + "\ncaf\u00e9\n").encode("cp1252"))
    assert detect_encoding(str(latin), "l.csv") == "cp1252"
    split_char = tmp_path / "s.csv"  # a two-byte character across the 1 MiB read boundary
    split_char.write_bytes(b"a" * ((1 << 20) - 1) + "\u00e9\n".encode("utf-8"))
    assert detect_encoding(str(split_char), "s.csv") == "utf-8"
    broken = tmp_path / "b.csv"
    broken.write_bytes(b"text\nfine\nbad \x81 byte\n")
    with pytest.raises(DecodeError, match=r"b.csv:3: undecodable byte 0x81"):
        detect_encoding(str(broken), "b.csv")
