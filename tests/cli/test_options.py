"""Shared options: one spelling of the date range on every command, with the old aliases."""

import argparse

import pytest

from toolkit.cli.main import build_parser, main


def subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices


def date_actions(subparser):
    return [a for a in subparser._actions if a.dest in ("date_from", "date_to")]


def test_every_command_with_a_date_range_spells_it_the_same():
    with_dates = {name: date_actions(p) for name, p in subcommands().items() if date_actions(p)}
    assert set(with_dates) == {"speakers", "verbs", "frames", "kwic", "keyness", "collocates",
                               "report"}
    spellings = {name: [(a.option_strings, a.help, a.metavar) for a in actions]
                 for name, actions in with_dates.items()}
    first = spellings["report"]
    assert [strings for strings, _, _ in first] == [["--date-from", "--from"],
                                                    ["--date-to", "--to"]]
    assert all(spelling == first for spelling in spellings.values())


@pytest.mark.parametrize("command", ["speakers", "keyness", "report"])
def test_aliases_and_new_names_parse_to_the_same_range(command):
    parser = build_parser()
    head = ["report", "--corpus", "c"] if command == "report" else [command, "c"]
    if command == "keyness":
        head += ["--by", "outlet", "--group", "x"]
    old = parser.parse_args([*head, "--from", "2026-03-01", "--to", "2026-03-31"])
    new = parser.parse_args([*head, "--date-from", "2026-03-01", "--date-to", "2026-03-31"])
    assert (old.date_from, old.date_to) == (new.date_from, new.date_to) == ("2026-03-01",
                                                                             "2026-03-31")


@pytest.mark.parametrize("flag", ["--date-from", "--to"])
@pytest.mark.parametrize("value", ["2026-3-1", "2026-02-30", "20260301", "March 1"])
def test_a_date_not_written_yyyy_mm_dd_stops_before_any_work(flag, value, capsys):
    code = main(["speakers", "no-such-corpus", flag, value])  # the corpus is never opened
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("toolkit speakers: error: parameter date_")
    assert f"{value!r} is not an ISO date" in err and "YYYY-MM-DD" in err


def test_dates_in_the_wrong_order_are_one_line(sample_path, capsys):
    code = main(["speakers", str(sample_path), "--date-from", "2026-04-01", "--to", "2026-03-01"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "after date_to=2026-03-01" in err


@pytest.mark.parametrize("args", [
    ["speakers", "data/sample", "--top-n", "0"],
    ["speakers", "data/sample", "--top-n", "-3"],
    ["verbs", "data/sample", "--min-attributions", "0"],
    ["kwic", "data/sample", "water", "--window", "-1"],
    ["collocates", "data/sample", "water", "--window", "0"],
    ["keyness", "data/sample", "--by", "outlet", "--group", "x", "--min-freq", "0"],
    ["collocates", "data/sample", "water", "--min-freq", "-2"],
    ["review", "--folder", "unused", "-n", "0"],
    ["review", "--folder", "unused", "--seed", "-1"],
    ["evaluate", "--gold", "unused", "--limit", "-1"],
    ["report", "--corpus", "data/sample", "--timeout", "-5"],
    ["report", "--corpus", "data/sample", "--timeout", "nan"],
])
def test_numbers_out_of_range_are_one_line_errors(args, capsys):
    assert main(args) == 2
    out, err = capsys.readouterr()
    flag = next(a for a in args if a.startswith("-") and a != "--by" and a != "--group"
                and a != "--folder" and a != "--gold" and a != "--corpus")
    assert out == "" and err.count("\n") == 1 and flag in err and "expected" in err
