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


def test_tables_say_how_many_inputs_were_skipped_or_left_out_as_duplicates(sample_path,
                                                                             tmp_path, capsys):
    import shutil

    folder = tmp_path / "news"
    shutil.copytree(sample_path / "articles", folder)
    first = sorted(folder.glob("*.txt"))[0]
    shutil.copy(first, folder / "copy.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    from toolkit.corpus import load

    # The sample has near copies of its own; the copy adds one more, the empty file a skip.
    before = [r.status for r in load(sample_path).report()].count("duplicate")
    statuses = [r.status for r in load(folder).report()]
    assert statuses.count("skipped") == 1 and statuses.count("duplicate") == before + 1
    assert main(["speakers", str(folder), "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert (f"note: 1 input(s) skipped and {before + 1} duplicate(s) left out (`toolkit corpus "
            "PATH` lists each with the reason)") in err
    assert main(["speakers", str(folder), "--format", "csv", "--include-duplicates"]) == 0
    err = capsys.readouterr().err
    assert "1 input(s) skipped" in err and "duplicate" not in err
    (folder / "empty.txt").unlink()
    (folder / "copy.txt").unlink()
    for path in folder.glob("*.txt"):  # no near copies left either
        if path.stem in {r.doc_id for r in load(sample_path).report() if r.status == "duplicate"}:
            path.unlink()
    assert main(["speakers", str(folder), "--format", "csv"]) == 0
    assert "note:" not in capsys.readouterr().err


def test_tables_leave_out_documents_that_do_not_look_english(tmp_path, capsys):
    english = ("The government said on Monday that talks on the dam would resume next week. The "
               "minister told reporters that the two countries had not yet reached a deal.\n")
    french = ("Le gouvernement a annonc\u00e9 lundi que les n\u00e9gociations sur le barrage "
              "reprendraient la semaine prochaine. Le ministre a d\u00e9clar\u00e9 que les deux "
              "pays n'\u00e9taient pas encore parvenus \u00e0 un accord, mais que les "
              "discussions avan\u00e7aient.\n")
    (tmp_path / "en.txt").write_text(english, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(french, encoding="utf-8")
    assert main(["kwic", str(tmp_path), "barrage", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1
    assert "1 document(s) left out because they do not look English" in err
    assert "--all-languages keeps them" in err
    assert main(["kwic", str(tmp_path), "barrage", "--format", "csv", "--all-languages"]) == 0
    out, err = capsys.readouterr()
    assert [line.split(",")[0] for line in out.splitlines()[1:]] == ["fr"]
    assert "left out" not in err
