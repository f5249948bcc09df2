"""The speakers and verbs commands print exactly the library's tables."""

import pytest

from toolkit.analysis import analyze, speakers, verbs
from toolkit.cli import main
from toolkit.corpus import load


@pytest.fixture(scope="module")
def base(sample_path):
    return analyze(load(sample_path))


def run_csv(args, capsys):
    assert main([*args, "--format", "csv"]) == 0
    return capsys.readouterr().out


def test_speakers_csv_equals_the_library_table(sample_path, base, capsys):
    out = run_csv(["speakers", str(sample_path), "--top-n", "5"], capsys)
    expected = speakers.speaker_table(base.quotes, base.documents, mentions=base.mentions,
                                      top_n=5)
    assert out == expected.to_csv(index=False)
    out = run_csv(["speakers", str(sample_path), "--table", "anonymous", "--by", "outlet"],
                  capsys)
    assert out == speakers.anonymous_rate(base.quotes, base.documents, by=["outlet"]).to_csv(
        index=False)


def test_verbs_csv_equals_the_library_table(sample_path, base, capsys):
    out = run_csv(["verbs", str(sample_path), "--by", "outlet"], capsys)
    assert out == verbs.verb_counts(base.quotes, base.documents, by=["outlet"]).to_csv(
        index=False)
    out = run_csv(["verbs", str(sample_path), "--table", "taxonomy"], capsys)
    assert out.splitlines()[0] == "category,label,signal,description"


def test_date_range_narrows_the_tables(sample_path, capsys):
    out = run_csv(["speakers", str(sample_path), "--table", "share", "--by", "month",
                   "--from", "2026-05-01"], capsys)
    assert {line.split(",")[0] for line in out.splitlines()[1:]} == {"2026-05"}


def test_workers_give_the_same_tables_as_one_process(sample_path, capsys):
    for command in (["speakers"], ["frames", "--by", "outlet"]):
        one = run_csv([*command, str(sample_path), "--workers", "1"], capsys)
        assert run_csv([*command, str(sample_path), "--workers", "2"], capsys) == one
    with pytest.raises(SystemExit):
        main(["speakers", str(sample_path), "--workers", "0"])
