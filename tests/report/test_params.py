"""Report parameters: text parameters keep what was typed, YAML cannot expand, and the corpus is
checked against the parameters before any kernel starts."""

from __future__ import annotations

import json

import pytest

from toolkit.cli import main
from toolkit.errors import ReportParameterError
from toolkit.report.params import (
    Declared,
    check_corpus,
    check_values,
    load_params_file,
    parse_assignments,
)

TEXT = frozenset({str})
OPTIONAL_TEXT = frozenset({str, type(None)})
DECLARED = {"framing": {
    "group_by": Declared("group_by", TEXT, '"outlet"', ""),
    "keyness_group": Declared("keyness_group", OPTIONAL_TEXT, "None", ""),
    "top_n": Declared("top_n", frozenset({int}), "10", ""),
    "cache": Declared("cache", frozenset({bool}), "True", ""),
}}


def checked(*items):
    return check_values(parse_assignments(items), DECLARED)


@pytest.mark.parametrize(("item", "expected"), [
    ("keyness_group=#1 News", {"keyness_group": "#1 News"}),
    ("keyness_group=Yes", {"keyness_group": "Yes"}),
    ("keyness_group=007", {"keyness_group": "007"}),
    ("keyness_group=[unclosed", {"keyness_group": "[unclosed"}),
    ("keyness_group=a: b", {"keyness_group": "a: b"}),
    ("keyness_group= padded ", {"keyness_group": " padded "}),
    ("keyness_group=null", {"keyness_group": None}),
    ("keyness_group=", {"keyness_group": None}),
    ("group_by=null", {"group_by": "null"}),
    ("group_by=*x", {"group_by": "*x"}),
    ("group_by=&x [1]", {"group_by": "&x [1]"}),
    ("top_n=20", {"top_n": 20}),
    ("cache=Yes", {"cache": True}),
])
def test_text_parameters_keep_the_text_as_typed(item, expected):
    assert checked(item) == expected


@pytest.mark.parametrize(("item", "message"), [
    ("top_n=[unclosed", "parameter top_n: cannot read value '[unclosed'"),
    ("top_n=#1", "parameter top_n: expected int, got NoneType None"),
    ("cache=Maybe", "parameter cache: expected bool, got str 'Maybe'"),
])
def test_other_parameters_are_still_read_as_yaml(item, message):
    with pytest.raises(ReportParameterError, match="^" + message.replace("[", r"\[")):
        checked(item)


def test_column_parameters_are_known_without_a_declaration():
    values = {"text_column": ("story", None)}
    assert check_values(values, DECLARED) == {"text_column": "story"}
    with pytest.raises(ReportParameterError, match="expected NoneType or str, got int 3"):
        check_values({"text_column": (3, None)}, DECLARED)


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}]\n" for i in range(8))


def test_yaml_aliases_are_refused(tmp_path):
    params = tmp_path / "bomb.yaml"
    params.write_text(BOMB, encoding="utf-8")
    with pytest.raises(ReportParameterError) as caught:
        load_params_file(params)
    assert str(caught.value) == (f"{params}: YAML anchors and aliases are not accepted (line 1) "
                                 "(write each value out in full)")
    with pytest.raises(ReportParameterError, match="anchors and aliases"):
        check_values(parse_assignments(["top_n=&a [1, *a]"]), DECLARED)


@pytest.mark.parametrize(("content", "message"), [
    (b"top_n: \xff\n", "parameters file is not UTF-8 text"),
    (b"[" * 5000, "not valid YAML: nested too deeply"),
    (b"top_n: [1, 2\n", "not valid YAML"),
    (b"- 1\n- 2\n", "expected a mapping of parameter names to values"),
])
def test_bad_parameters_files_are_one_line_errors(tmp_path, content, message):
    params = tmp_path / "params.yaml"
    params.write_bytes(content)
    with pytest.raises(ReportParameterError) as caught:
        load_params_file(params)
    assert str(caught.value).startswith(f"{params}: {message}")
    assert "\n" not in str(caught.value)


@pytest.fixture
def news(tmp_path):
    table = tmp_path / "news.csv"
    rows = [("n1", "Harbor Ledger", "2026-03-02", "The dam opened. Officials said it works."),
            ("n2", "Valley Post", "2026-03-09", "Farmers said the river fell sharply."),
            ("n3", "Valley Post", "2026-04-01", "The ministry said talks go on.")]
    table.write_text("uid,paper,day,story\n" + "".join(",".join(r) + "\n" for r in rows),
                     encoding="utf-8")
    return table


COLUMNS = {"id_column": "uid", "outlet_column": "paper", "date_column": "day",
           "text_column": "story"}


def test_check_corpus_accepts_what_exists(news):
    check_corpus(news, columns=COLUMNS, group_by="outlet", keyness_group="Valley Post")
    check_corpus(news, columns=COLUMNS, group_by="month", keyness_group="2026-04")
    check_corpus(news, columns=COLUMNS, date_from="2026-03-05", keyness_group="Valley Post")


def test_unknown_group_by_lists_fields_and_periods(news):
    with pytest.raises(ReportParameterError) as caught:
        check_corpus(news, columns=COLUMNS, group_by="paper ")
    assert str(caught.value) == (
        "parameter group_by: 'paper ' is no document field, metadata column or period "
        "(fields: author, date, doc_id, outlet, title, url; periods: week, month, quarter, year)")


def test_group_value_that_no_document_has_lists_the_values(news):
    with pytest.raises(ReportParameterError) as caught:
        check_corpus(news, columns=COLUMNS, keyness_group="Harbour Ledger")
    assert str(caught.value) == ("parameter keyness_group: no document has outlet = "
                                 "'Harbour Ledger' (the outlet values are: 'Harbor Ledger', "
                                 "'Valley Post')")
    with pytest.raises(ReportParameterError, match="the outlet values are: 'Valley Post'"):
        check_corpus(news, columns=COLUMNS, date_from="2026-03-05",
                     keyness_group="Harbor Ledger")


def test_corpus_without_a_usable_document_is_refused(tmp_path, news):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "blank.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(ReportParameterError, match="corpus cannot be used: .*no usable document"):
        check_corpus(folder)
    with pytest.raises(ReportParameterError, match="date range empty"):
        check_corpus(news, columns=COLUMNS, date_from="2027-01-01")


def test_report_command_checks_the_corpus_and_passes_column_options(news, tmp_path, capsys,
                                                                   monkeypatch):
    import papermill

    import toolkit.report

    def refuse(*args, **kwargs):
        raise AssertionError("a notebook was executed")

    monkeypatch.setattr(papermill, "execute_notebook", refuse)
    out = tmp_path / "reports"
    base = ["report", "--corpus", str(news), "--text-column", "story", "--id-column", "uid",
            "--outlet-column", "paper", "--date-column", "day", "--out", str(out)]
    # The runner checks the corpus against the parameters before anything starts.
    assert main([*base, "-p", "keyness_group=Nope"]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "no document has outlet = 'Nope'" in err
    assert not out.exists()
    seen = {}

    def fake_run(corpus, **options):
        seen.update(options, corpus=corpus)
        return toolkit.report.RunResult("unchanged", "r1", tmp_path)

    monkeypatch.setattr(toolkit.report, "run_report", fake_run)
    params = tmp_path / "params.yaml"
    params.write_text(json.dumps({"group_by": "month"}), encoding="utf-8")
    assert main([*base, "--params", str(params), "-p", "keyness_group=2026-03"]) == 0
    assert seen["parameters"] == COLUMNS and seen["corpus"] == str(news)
