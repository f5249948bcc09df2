"""The four report notebooks shipped in ``toolkit/report/notebooks`` run through the report runner
on the sample corpus, and every table they save equals what the library functions return."""

import pandas as pd

from toolkit.analysis import analyze, compare, framing, keyness, overview, speakers, verbs
from toolkit.corpus import load
from toolkit.report import DEFAULT_NOTEBOOKS, NOTEBOOKS_DIR, run_report
from toolkit.report.manifest import sha256_file


def read(folder, name):
    return (folder / "tables" / f"{name}.csv").read_text(encoding="utf-8")


def csv(frame):
    return frame.to_csv(index=False, lineterminator="\n")


def test_report_notebooks_save_the_library_tables(sample_path, tmp_path):
    result = run_report(sample_path, name="sample", out=tmp_path, quiet=True,
                        parameters={"cache": False})
    folder = result.path
    assert result.status == "ok" and (folder / "index.html").is_file()
    for notebook in DEFAULT_NOTEBOOKS:
        assert (folder / f"{notebook}.ipynb").is_file()
        page = (folder / f"{notebook}.html").read_text(encoding="utf-8")
        assert "<h1" in page and "&lt;h1" not in page and "&lt;table" not in page, notebook
        assert "<table" in page and "import pandas" not in page, notebook
    for notebook, n_figures in (("speakers", 3), ("reported_speech", 2), ("framing", 4)):
        page = (folder / f"{notebook}.html").read_text(encoding="utf-8")
        assert page.count("<img alt=") == n_figures, notebook
    figures = {p.name for p in (folder / "figures").glob("*.png")}
    assert {"speakers.png", "share_of_voice.png", "speakers_over_time.png", "verbs.png",
            "stance_by_speaker.png", "frames_by_group.png", "frames_by_month.png",
            "keyness.png", "dispersion.png"} <= figures

    corpus = load(sample_path)
    articles = list(corpus)
    base = analyze(articles)
    q, d, m = base.quotes, base.documents, base.mentions
    expected = {
        "speakers": speakers.speaker_table(q, d, mentions=m),
        "share_of_voice": speakers.share_of_voice(q, d, by="outlet", top_n=5),
        "anonymous_sources": speakers.anonymous_rate(q, d, by="outlet"),
        "mentioned_not_quoted": speakers.mentioned_not_quoted(m, q),
        "verbs": verbs.verb_counts(q),
        "stance_by_group": verbs.category_share(q, d, by="outlet"),
        "stance_by_speaker": verbs.category_by_speaker(q, min_attributions=3),
        "frames_by_group": framing.frame_counts(articles, "conflict_cooperation", by="outlet",
                                                quotes=q),
        "kwic": framing.kwic(articles, "sanction*", lexicon="conflict_cooperation", quotes=q,
                             sort_by="right"),
        "keyness": keyness.keyness(articles, by="outlet",
                                   group=d["outlet"].value_counts().index[0], min_freq=3,
                                   stopwords=True),
        "top_speakers": speakers.speaker_table(q, d, mentions=m, top_n=10),
        "cleaning": overview.cleaning_summary(corpus),
        "documents_by_outlet_month": overview.documents_by_outlet_month(corpus),
    }
    for name, frame in expected.items():
        assert read(folder, name) == csv(frame), name
    headline = pd.read_csv(folder / "tables" / "speakers.csv")["speaker"].iloc[0]
    assert headline == expected["speakers"]["speaker"].iloc[0]
    manifest = result.manifest
    assert manifest["status"] == "ok"
    assert manifest["inputs"]["notebooks"] == {
        f"{n}.ipynb": sha256_file(NOTEBOOKS_DIR / f"{n}.ipynb") for n in DEFAULT_NOTEBOOKS}


def test_overview_compares_a_date_range_with_the_previous_period(sample_path, tmp_path):
    result = run_report(sample_path, name="spring", out=tmp_path, quiet=True,
                        notebooks=["overview"], date_from="2026-04-01", date_to="2026-05-31",
                        parameters={"cache": False})
    change = compare.change_from_previous_period(load(sample_path), date_from="2026-04-01",
                                                 date_to="2026-05-31")
    assert read(result.path, "speaker_change") == csv(change.speakers)
    assert read(result.path, "frame_change") == csv(change.frames)
    assert change.summary in (result.path / "overview.html").read_text(encoding="utf-8")
