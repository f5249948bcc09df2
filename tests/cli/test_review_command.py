"""``toolkit review``: one item at a time on stdout, decisions from stdin, resumable."""

from __future__ import annotations

import argparse
import io

import pytest

from toolkit.cli.review import register
from toolkit.review import open_review


@pytest.fixture
def parser():
    parser = argparse.ArgumentParser(prog="toolkit")
    register(parser.add_subparsers(dest="command"))
    return parser


def _run(parser, argv, answers, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    args = parser.parse_args(argv)
    assert args.func(args) == 0
    return capsys.readouterr().out


def test_reviewing_from_a_terminal_and_going_on_later(parser, sample_path, tmp_path,
                                                      monkeypatch, capsys):
    folder = tmp_path / "review"
    argv = ["review", str(sample_path), "--folder", str(folder), "-n", "6", "--seed", "3"]
    out = _run(parser, argv, "c\nw\ns -\nc\nq\n", monkeypatch, capsys)
    assert out.count("item 1 of 6") == 1 and "item 3 of 6" in out and "item 4 of 6" in out
    assert "[[" in out and "<<" in out and "{{" in out
    assert "  speaker  (none)" in out  # item 3 shown again after its speaker was removed
    assert "3 of 6 sampled attributions (3 to go): 1 correct, 1 corrected, 1 wrong" in out

    review = open_review(folder)
    decisions = review.decisions()
    assert {i: d.verdict for i, d in decisions.items()} == {1: "correct", 2: "wrong",
                                                            3: "corrected"}
    assert decisions[3].speaker is None and decisions[3].cue == review.system_spans(3)["cue"]

    out = _run(parser, ["review", "--folder", str(folder)], "n\nc\n", monkeypatch, capsys)
    assert "item 1 of 6" not in out and out.index("item 4 of 6") < out.index("item 5 of 6")
    assert set(open_review(folder).pending()) == {4, 6}  # 4 left for later, 6 not reached

    out = _run(parser, ["review", "--folder", str(folder), "--summary"], "", monkeypatch,
               capsys)
    assert "4 of 6 sampled attributions (2 to go): 2 correct" in out
    assert "n_reviewed" in out and "item " not in out


def test_words_that_are_not_in_the_text_are_refused_and_asked_again(parser, sample_path,
                                                                    tmp_path, monkeypatch,
                                                                    capsys):
    folder = tmp_path / "review"
    argv = ["review", str(sample_path), "--folder", str(folder), "-n", "2", "--by", "kind"]
    out = _run(parser, argv, "t no such words anywhere\nx\nw\n", monkeypatch, capsys)
    assert "cannot do that:" in out and "does not occur" in out
    assert "? [c]orrect" in out
    review = open_review(folder)
    assert review.settings["by"] == ["kind"]
    assert {i: d.verdict for i, d in review.decisions().items()} == {1: "wrong"}
