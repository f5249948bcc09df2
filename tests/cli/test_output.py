"""Records written as JSON Lines, CSV and an aligned text table."""

import io

from toolkit.cli.output import write_records

ROWS = [{"speaker": "Maria Ramos", "content": "the talks will go on after the vote", "n": 2},
        {"speaker": "Castenian government", "content": None, "n": float("nan")}]


def written(fmt, columns=("speaker", "content", "n"), **options):
    out = io.StringIO()
    count = write_records(iter(ROWS), columns, fmt, out, **options)
    return count, out.getvalue()


def test_jsonl_keeps_column_order_and_writes_nan_as_null():
    count, text = written("jsonl", columns=("n", "speaker"))
    assert count == 2
    assert text == ('{"n": 2, "speaker": "Maria Ramos"}\n'
                    '{"n": null, "speaker": "Castenian government"}\n')


def test_csv_writes_missing_values_as_empty_cells():
    _, text = written("csv")
    assert text == ("speaker,content,n\nMaria Ramos,the talks will go on after the vote,2\n"
                    "Castenian government,,\n")


def test_table_cuts_cells_to_their_column_width_with_an_ellipsis():
    _, text = written("table", column_widths={"speaker": 8, "content": 12})
    assert text.splitlines() == ["speaker   content       n",
                                 "Maria R\u2026  the talks w\u2026  2",
                                 "Casteni\u2026"]
