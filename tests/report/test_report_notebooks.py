"""The four report notebooks shipped in ``toolkit/report/notebooks`` run through the report runner:
on the sample corpus every table they save equals what the library functions return and every
count of attributions agrees; on a plain folder of one or two ``.txt`` files without metadata
each section that lacks data shows a note instead of failing; and the pages, rendered in headless
Chromium, request nothing outside the report folder, load every image, log no error, sort their
tables and show hostile text as text.

Report runs cost seconds, so each corpus is run once for the module; the module's tests stay on
one test worker (``xdist_group``).
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from toolkit import plots
from toolkit.analysis import analyze, compare, framing, keyness, overview, speakers, verbs
from toolkit.analysis.counting import COUNTED_KINDS, SEPARATE_KINDS, counted_attributions
from toolkit.corpus import load
from toolkit.report import DEFAULT_NOTEBOOKS, NOTEBOOKS_DIR, run_report
from toolkit.report.manifest import sha256_file

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("report_notebooks")]


def read(folder, name):
    return (folder / "tables" / f"{name}.csv").read_text(encoding="utf-8")


def csv(frame):
    return frame.to_csv(index=False, lineterminator="\n")


def table(folder, name) -> pd.DataFrame:
    return pd.read_csv(folder / "tables" / f"{name}.csv", keep_default_na=False)


@pytest.fixture(scope="module")
def sample_report(sample_path, tmp_path_factory):
    return run_report(sample_path, name="sample", out=tmp_path_factory.mktemp("reports"),
                      quiet=True, parameters={"cache": False})


def test_report_notebooks_save_the_library_tables(sample_report, sample_path):
    folder = sample_report.path
    assert sample_report.status == "ok" and (folder / "index.html").is_file()
    for notebook in DEFAULT_NOTEBOOKS:
        assert (folder / f"{notebook}.ipynb").is_file()
        page = (folder / f"{notebook}.html").read_text(encoding="utf-8")
        assert "<h1" in page and "&lt;h1" not in page, notebook
        assert "import pandas" not in page and "save_table(" not in page, notebook
    figures = {p.name for p in (folder / "figures").glob("*.png")}
    assert {"speakers.png", "share_of_voice.png", "speakers_over_time.png", "verbs.png",
            "stance_by_group.png", "stance_by_speaker.png", "frames_by_group.png",
            "frames_over_time.png", "keyness.png", "dispersion.png"} <= figures

    corpus = load(sample_path)
    articles = list(corpus)
    base = analyze(articles)
    d, m = base.documents, base.mentions
    q = counted_attributions(base.quotes)
    stop = keyness.load_stopwords()
    expected = {
        "speakers": speakers.speaker_table(q, d, mentions=m),
        "share_of_voice": speakers.share_of_voice(q, d, by="outlet", top_n=5),
        "speakers_over_time": speakers.speakers_over_time(q, d, top_n=6, per_document=True),
        "anonymous_sources": speakers.anonymous_rate(q, d, by="outlet"),
        "mentioned_not_quoted": speakers.mentioned_not_quoted(m, q),
        "verbs": verbs.verb_counts(q, kinds=COUNTED_KINDS),
        "stance_by_group": verbs.category_share(q, d, by="outlet", kinds=COUNTED_KINDS),
        "stance_by_speaker": verbs.category_by_speaker(q, min_attributions=3,
                                                       kinds=COUNTED_KINDS),
        "counted_apart": verbs.verb_counts(base.quotes, kinds=SEPARATE_KINDS),
        "frames_by_group": framing.frame_counts(articles, "conflict_cooperation", by="outlet",
                                                quotes=q),
        "top_frames": framing.frame_counts(articles, "conflict_cooperation", quotes=q)
        .sort_values(["rate", "frame"], ascending=[False, True]).reset_index(drop=True),
        "kwic": framing.kwic(articles, "sanction*", lexicon="conflict_cooperation", quotes=q,
                             sort_by="right"),
        "keyness": keyness.keyness(articles, by="outlet",
                                   group=keyness.largest_group(d, "outlet"), min_freq=3,
                                   stopwords=stop),
        "collocates": keyness.collocates(articles, "sanction*", window=5, min_freq=2,
                                         stopwords=stop, lexicon="conflict_cooperation"),
        "top_speakers": speakers.speaker_table(q, d, mentions=m, top_n=10),
        "cleaning": overview.cleaning_summary(corpus),
        "documents_by_outlet_month": overview.documents_by_outlet_month(corpus),
    }
    for name, frame in expected.items():
        assert read(folder, name) == csv(frame), name
    assert len(expected["collocates"]) > 0 and len(expected["kwic"]) > 0
    # The keyword table is cut on the page to its top rows, which link the full table.
    n_keywords = len(expected["keyness"])
    assert n_keywords > 100
    page = (folder / "framing.html").read_text(encoding="utf-8")
    assert f"Showing the top 100 of {n_keywords:,} rows" in page
    assert '<a href="tables/keyness.csv">keyness.csv</a>' in page
    shown = expected["keyness"]["word"].tolist()
    assert html.escape(shown[99]) in page and f"<td>{html.escape(shown[-1])}</td>" not in page
    assert not {"vws", "mr", "dr"} & set(expected["keyness"]["word"].head(30))
    manifest = sample_report.manifest
    assert manifest["status"] == "ok"
    assert manifest["inputs"]["notebooks"] == {
        f"{n}.ipynb": sha256_file(NOTEBOOKS_DIR / f"{n}.ipynb") for n in DEFAULT_NOTEBOOKS}
    assert {n["name"]: n["title"] for n in manifest["notebooks"]} == {
        "speakers": "Who speaks?", "reported_speech": "How is their speech reported?",
        "framing": "How is the story framed?", "overview": "Overview"}


def test_every_count_of_attributions_agrees(sample_report):
    """Headline, tables and figures count the same attributions."""
    folder = sample_report.path
    headline = json.loads((folder / "headline.json").read_text(encoding="utf-8"))
    total = headline["speakers"]["attributions"]
    assert all(h["attributions"] == total and h["documents"] == 16 for h in headline.values())
    speaker_table = table(folder, "speakers")
    assert speaker_table["n_attributions"].sum() == total
    for name, column in (("share_of_voice", "n_attributions"),
                         ("anonymous_sources", "n_attributions"), ("verbs", "n"),
                         ("stance_by_group", "n"), ("stance_mix", "n")):
        assert table(folder, name)[column].sum() == total, name
    # Per speaker: the stance table rests on exactly the speaker's attributions.
    by_speaker = table(folder, "stance_by_speaker").groupby("speaker")["n"].sum()
    n_attributions = speaker_table.set_index("speaker")["n_attributions"]
    assert (by_speaker == n_attributions[by_speaker.index]).all()
    # Figures are drawn from those tables: the heatmap labels each row with its total, the
    # speaker bars are the table's counts.
    heatmap = plots.category_heatmap(table(folder, "stance_by_speaker"), n=10)
    for label in (t.get_text() for t in heatmap.axes[0].get_yticklabels()):
        name, count = re.fullmatch(r"(.*) \((\d+)\)", label).groups()
        assert int(count) == n_attributions[name], label
    bars = plots.speaker_bars(speaker_table, n=10, palette=plots.speaker_palette(
        speaker_table["speaker"]))
    assert [p.get_width() for p in bars.axes[0].patches] == \
        speaker_table["n_attributions"].head(10).tolist()
    # Every page states the same number and the definition.
    for notebook in DEFAULT_NOTEBOOKS:
        page = (folder / f"{notebook}.html").read_text(encoding="utf-8")
        assert f"{total} attributions (" in page and "An attribution is a statement" in page
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert f"<td>{total}</td>" in index and "Attributions (direct, indirect, mixed" in index


def test_pages_are_titled_navigable_and_load_nothing_from_elsewhere(sample_report):
    folder = sample_report.path
    for page in ["index", *DEFAULT_NOTEBOOKS]:
        text = (folder / f"{page}.html").read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", text, re.S).group(1)
        assert title != "Notebook" and "sample" in title, page
        assert 'class="tk-nav"' in text and 'href="index.html"' in text, page
        assert 'href="manifest.json"' in text, page
        assert all(f'href="{n}.html"' in text for n in DEFAULT_NOTEBOOKS), page
        assert not re.search(r"<script[^>]*\ssrc=", text), page
        assert not re.search(r"<link[^>]*href=\"https?:", text), page
        assert "require.min.js" not in text and "MathJax.js" not in text, page
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert 'width="480"' not in index and "Most quoted speaker" in index
    assert '<a href="figures/speakers.png"><img src="figures/speakers.png"' in index
    assert "Where \u201csanction*\u201d occurs in each article" in index


def _plain_corpus(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True)
    for i, text in enumerate(texts, 1):
        (folder / f"article{i}.txt").write_text(text, encoding="utf-8")
    return folder


ONE = ("Dam talks resume\n\nThe minister said on Monday that talks would resume. \"We want an "
       "agreement,\" said Elena Ramos, the foreign minister. She added that sanctions were off "
       "the table.\n")
TWO = ("Farmers wait for water\n\nFarmers on the plain said the river was low. \"There is "
       "nothing to open,\" said Ilie Stanca, a farmer.\n")


@pytest.mark.parametrize("texts", [[ONE], [ONE, TWO]], ids=["one-file", "two-files"])
def test_plain_folder_without_metadata_gives_notes_not_failures(tmp_path, texts):
    corpus = _plain_corpus(tmp_path / "plain", texts)
    result = run_report(corpus, name="plain", out=tmp_path / "reports", quiet=True,
                        parameters={"cache": False})
    assert result.status == "ok"
    pages = {n: html.unescape((result.path / f"{n}.html").read_text(encoding="utf-8"))
             for n in DEFAULT_NOTEBOOKS}
    assert "Not enough data for share of voice by outlet: no document has a value for " \
           "by='outlet' (give the documents a 'outlet' value" in pages["speakers"]
    assert "Not enough data for speakers over time: no document has a value for by='month' " \
           "(give the documents dates" in pages["speakers"]
    assert "Not enough data for frame rates by outlet" in pages["framing"]
    assert "Not enough data for keywords by outlet" in pages["framing"]
    assert "Not enough data for the stance mix by outlet" in pages["reported_speech"]
    assert f"{len(texts)} document" in pages["overview"]
    assert "The articles are undated." in pages["overview"]
    attributions = json.loads((result.path / "headline.json").read_text())["speakers"]
    assert attributions["attributions"] == table(result.path, "speakers")["n_attributions"].sum()


def test_overview_compares_a_date_range_with_the_previous_period(sample_path, tmp_path):
    result = run_report(sample_path, name="spring", out=tmp_path, quiet=True,
                        notebooks=["overview"], date_from="2026-04-01", date_to="2026-05-31",
                        parameters={"cache": False})
    change = compare.change_from_previous_period(load(sample_path), date_from="2026-04-01",
                                                 date_to="2026-05-31")
    assert read(result.path, "speaker_change") == csv(change.speakers)
    assert read(result.path, "frame_change") == csv(change.frames)
    assert html.escape(change.summary) in (result.path / "overview.html").read_text(
        encoding="utf-8")


def test_notebooks_run_by_hand_write_to_a_git_ignored_folder():
    import subprocess

    root = Path(__file__).resolve().parents[2]
    if not (root / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout")
    from toolkit.report.params import declared_parameters

    for notebook in DEFAULT_NOTEBOOKS:
        default = json.loads(declared_parameters(NOTEBOOKS_DIR / f"{notebook}.ipynb")
                             ["output_dir"].default)
        probe = (NOTEBOOKS_DIR / default / "tables" / "x.csv").resolve()
        done = subprocess.run(["git", "-C", str(root), "check-ignore", "-q",
                               str(probe.relative_to(root))], check=False)
        assert done.returncode == 0, f"{notebook}: {probe} is not git-ignored"


# -- in a browser ------------------------------------------------------------------------------

def _browser_module():
    spec = importlib.util.spec_from_file_location("report_browser",
                                                  Path(__file__).with_name("browser.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules["report_browser"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def browser():
    module = _browser_module()
    executable = module.find_chromium()
    if executable is None:
        pytest.skip("headless Chromium not found: install the Debian package chromium "
                    "(`make test` installs it when run as root with apt-get)")
    pytest.importorskip("websocket", reason="websocket-client is needed to drive Chromium")
    with module.Browser(executable) as chromium:
        yield chromium


MARK = "window.__hostile"
HOSTILE_TEXT = (
    "Hostile markup in the news\n\n"
    f"The spokesman said the leaked page read <script>{MARK}=1</script> before it closed with "
    "</table> and a link <a href=\"javascript:" + MARK + "=2\">click here</a>, he said.\n\n"
    f"\"Sanctions are <img src=x onerror=\"{MARK}=3\"> coming,\" said Elena Ramos.\n")


@pytest.fixture(scope="module")
def hostile_report(sample_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "articles").mkdir()
    rows = (sample_path / "metadata.csv").read_text(encoding="utf-8").splitlines()
    keep = rows[1:4]
    for row in keep:
        name = row.split(",", 1)[0]
        shutil.copy(sample_path / "articles" / name, folder / "articles" / name)
    (folder / "articles" / "2026-04-01_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    hostile_row = ('2026-04-01_hostile.txt,hostile,"<script>' + MARK + '=4</script> News",'
                   '2026-04-01,"</table><b>bold</b> title","<img src=x onerror=' + MARK
                   + '=5>","javascript:' + MARK + '=6"')
    (folder / "metadata.csv").write_text("\n".join([rows[0], *keep, hostile_row]) + "\n",
                                         encoding="utf-8")
    return run_report(folder, name="hostile", out=tmp_path_factory.mktemp("reports"),
                      quiet=True, parameters={"cache": False, "term": "sanction*"})


READY = ("document.readyState === 'complete' && "
         "document.querySelectorAll('table[id^=itables_]:not(.dataTable)').length === 0")

SORT = """(async () => {
  const settle = () => new Promise(done => setTimeout(done, 200));
  const value = x => parseFloat(x.replace(/[,%]/g, ''));
  for (const t of document.querySelectorAll('table.dataTable')) {
    const heads = [...t.querySelectorAll('thead th')];
    const column = c => [...t.querySelectorAll('tbody tr')].map(r => r.children[c]);
    for (let c = 0; c < heads.length; c++) {
      const cells = column(c);
      if (cells.length < 3 || cells.some(x => !x || isNaN(value(x.textContent)))) continue;
      const before = cells.map(x => value(x.textContent));
      heads[c].click();
      await settle();
      const first = column(c).map(x => value(x.textContent));
      const firstSort = heads[c].getAttribute('aria-sort');
      heads[c].click();
      await settle();
      const second = column(c).map(x => value(x.textContent));
      return {column: heads[c].textContent, before, first, firstSort, second,
              secondSort: heads[c].getAttribute('aria-sort')};
    }
  }
  return null;
})()"""


def _check_page(browser, path: Path, run: Path):
    log = browser.open(path.as_uri(), ready=READY)
    allowed = (run.as_uri() + "/", "data:", "blob:")
    outside = [url for url in log.requests if not url.startswith(allowed)]
    assert not outside, f"{path.name} requested {outside}"
    assert not log.failed, f"{path.name}: {log.failed}"
    assert not log.console_errors and not log.exceptions and not log.log_errors, \
        f"{path.name}: {log.console_errors} {log.exceptions} {log.log_errors}"
    images = browser.evaluate("[...document.images].map(i => i.complete && i.naturalWidth > 0)")
    assert all(images), f"{path.name}: an image did not load"
    assert browser.evaluate(f"typeof {MARK}") == "undefined", f"{path.name} ran corpus text"
    assert browser.evaluate("document.querySelectorAll('a[href^=\"javascript:\"]').length") == 0
    return log, len(images)


def _check_report(browser, result):
    run = result.path
    _, n_images = _check_page(browser, run / "index.html", run)
    assert n_images >= 8
    sorted_tables = 0
    for notebook in DEFAULT_NOTEBOOKS:
        _check_page(browser, run / f"{notebook}.html", run)
        found = browser.evaluate(SORT)
        if found is None:
            continue
        sorted_tables += 1
        assert found["firstSort"] == "ascending" and found["first"] == sorted(found["first"]), \
            (notebook, found)
        assert found["secondSort"] == "descending", (notebook, found)
        assert found["second"] == sorted(found["second"], reverse=True), (notebook, found)
    assert sorted_tables >= 3


def test_sample_report_in_a_browser(browser, sample_report):
    _check_report(browser, sample_report)


def test_hostile_text_shows_as_text_in_a_browser(browser, hostile_report):
    _check_report(browser, hostile_report)
    run = hostile_report.path
    browser.open((run / "speakers.html").as_uri(), ready=READY)
    text = browser.evaluate("document.body.innerText")
    assert f"<script>{MARK}=4</script> News" in text  # the outlet, in the share-of-voice table
    browser.open((run / "framing.html").as_uri(), ready=READY)
    assert "<img src=x" in browser.evaluate("document.body.innerText")  # a KWIC line
    for page in ["index", *DEFAULT_NOTEBOOKS]:
        source = (run / f"{page}.html").read_text(encoding="utf-8")
        assert f"<script>{MARK}" not in source and "<img src=x" not in source, page
        assert "</table><b>bold" not in source and 'href="javascript:' not in source, page


FIXTURE_NOTEBOOKS = Path(__file__).resolve().parents[1] / "fixtures" / "notebooks"
PWNED = "window.__pwned"
MARKUP_TEXT = (
    "Markup in the news\n\n"
    f"The page read <script>{PWNED}=1</script> and showed <img src=x onerror=\"{PWNED}=2\"> "
    f"with <a href=\"javascript:{PWNED}=3\">a link</a> and "
    f"<svg onload=\"{PWNED}=4\"></svg>, the spokesman said.\n")


@pytest.fixture(scope="module")
def markup_report(sample_path, tmp_path_factory):
    """A custom notebook showing corpus text through Markdown, HTML and a pandas Styler."""
    folder = tmp_path_factory.mktemp("markup")
    (folder / "articles").mkdir()
    for path in sorted((sample_path / "articles").glob("*.txt"))[:3]:
        shutil.copy(path, folder / "articles" / path.name)
    (folder / "articles" / "2026-04-01_markup.txt").write_text(MARKUP_TEXT, encoding="utf-8")
    return run_report(folder, name="markup", out=tmp_path_factory.mktemp("reports"),
                      notebooks=["markup"], notebooks_dir=FIXTURE_NOTEBOOKS, quiet=True)


class _Elements(HTMLParser):
    """The elements of a page: their attributes, and the text of its scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def test_custom_notebook_outputs_are_sanitised(markup_report):
    source = (markup_report.path / "markup.html").read_text(encoding="utf-8")
    page = _Elements()
    page.feed(source)
    assert not [a for a in page.attributes if a[1].startswith("on")]
    assert not [a for a in page.attributes
                if a[1] in ("href", "src") and a[2].strip().lower().startswith("javascript:")]
    assert not [s for s in page.scripts if PWNED in s]
    assert page.scripts  # the page's own scripts (the interactive table) are kept
    assert f"&lt;script&gt;{PWNED}=1&lt;/script&gt;" in source  # shown as text
    assert [tag for tag, name, value in page.attributes if tag == "table"]  # the Styler table


def test_custom_notebook_runs_no_corpus_script_in_a_browser(browser, markup_report):
    run = markup_report.path
    log = browser.open((run / "markup.html").as_uri(), ready=READY)
    assert browser.evaluate(f"typeof {PWNED}") == "undefined"
    for link in browser.evaluate("[...document.links].map(a => a.href)"):
        assert not link.lower().startswith("javascript:")
    assert not log.exceptions and not log.console_errors, (log.exceptions, log.console_errors)
    assert "Markup in the news" in browser.evaluate("document.body.innerText")
    found = browser.evaluate(SORT)  # the table shown by the report helpers still sorts
    assert found is not None and found["firstSort"] == "ascending", found
    assert found["first"] == sorted(found["first"]), found
