"""The explorers as JupyterLab widgets. They only wire controls to the plain functions of
:mod:`~toolkit.explore.speakers`, :mod:`~toolkit.explore.concordance` and
:mod:`~toolkit.explore.articles`, so every behaviour can be tested without a browser.

Shown in a notebook, an explorer is its widget. Where widgets cannot render (an nbconvert HTML
page, a notebook reopened without its kernel, a plain console) the same output carries plain
tables of what the explorer currently shows.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from toolkit.analysis.speakers import SPEECH_KINDS
from toolkit.errors import ToolkitError
from toolkit.explore.articles import Articles, article_html
from toolkit.explore.concordance import (
    concordance,
    concordance_line,
    filter_concordance,
    match_marks,
    sort_concordance,
    sort_keys,
)
from toolkit.explore.speakers import (
    speaker_choices,
    speaker_counts,
    speaker_row_label,
    speaker_rows,
)
from toolkit.highlight import attribution_marks

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SpeakerExplorer", "TermExplorer", "speaker_explorer", "term_explorer"]

# Lists of lines read best in a monospace font; the class is scoped to the explorers.
_STYLE = ("<style>.tk-mono select, .tk-mono option {font-family: var(--jp-code-font-family, "
          "monospace); font-size: 12px;}</style>")
_STATIC_NOTE = ("<p><em>Static view of the explorer (its controls need a running kernel in "
                "JupyterLab or Jupyter Notebook).</em></p>")


def _ipywidgets():
    import ipywidgets

    return ipywidgets


def _table_html(frame: pd.DataFrame, columns: Sequence[str], *, limit: int = 20) -> str:
    shown = frame[[c for c in columns if c in frame.columns]].head(limit)
    more = f"<p>… {len(frame) - limit} more rows</p>" if len(frame) > limit else ""
    return shown.to_html(index=False, escape=True, na_rep="", border=0) + more


class _Explorer:
    """What both explorers share: the widget tree and how they are displayed."""

    widget: Any

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = self.static_html()
        return bundle


class SpeakerExplorer(_Explorer):
    """Pick a speaker (search box + list with counts) → their attributions → one article with
    the speaker mention, cue and content highlighted.

    ``quotes`` and ``documents`` are the tables of :func:`toolkit.analysis.analyze`;
    ``articles`` gives each document's text. The controls are attributes (``search``,
    ``speakers``, ``attributions``, ``article``), and ``rows`` holds the table behind the
    attribution list.
    """

    def __init__(self, quotes: pd.DataFrame, documents: pd.DataFrame | None, articles: Articles,
                 *, kinds: Sequence[str] | None = SPEECH_KINDS) -> None:
        w = _ipywidgets()
        self.quotes, self.documents, self.articles, self.kinds = quotes, documents, articles, kinds
        self.rows: pd.DataFrame | None = None  # the list shown, set by show_attributions
        self.search = w.Text(placeholder="name or role, e.g. minister", description="Search",
                             continuous_update=True)
        self.speakers = w.Select(options=[], rows=16, description="Speaker",
                                 layout=w.Layout(width="320px"))
        self.status = w.HTML()
        self.attributions = w.Select(options=[], rows=8, layout=w.Layout(width="auto"))
        self.attributions.add_class("tk-mono")
        self.article = w.HTML()
        self.search.observe(lambda _: self.show_speakers(), "value")
        self.speakers.observe(lambda _: self.show_attributions(), "value")
        self.attributions.observe(lambda _: self.show_article(), "value")
        self.widget = w.VBox([
            w.HTML(_STYLE),
            w.HBox([w.VBox([self.search, self.speakers]),
                    w.VBox([self.status, self.attributions, self.article],
                           layout=w.Layout(flex="1", min_width="0"))]),
        ])
        self.show_speakers()

    def show_speakers(self) -> None:
        """Fill the speaker list from the search box; keep the chosen speaker if still listed."""
        counts = speaker_counts(self.quotes, search=self.search.value, kinds=self.kinds)
        previous = self.speakers.value
        self.speakers.options = speaker_choices(counts)
        listed = set(counts["speaker"])
        wanted = previous if previous in listed else (counts["speaker"].iloc[0] if listed else None)
        if self.speakers.value != wanted:
            self.speakers.value = wanted
        elif wanted is None:  # nothing listed before or after: the empty state
            self.show_attributions()

    def show_attributions(self) -> None:
        """List the chosen speaker's attributions and show the first one."""
        speaker = self.speakers.value
        self.rows = speaker_rows(self.quotes, self.documents, speaker or "", kinds=self.kinds)
        if speaker is None:
            self.status.value = "<p>No speaker matches the search.</p>"
        else:
            n_docs = self.rows["doc_id"].nunique()
            self.status.value = (f"<p><b>{html.escape(speaker)}</b>: {len(self.rows)} "
                                 f"attribution(s) in {n_docs} article(s). Pick one to read it "
                                 "in its article.</p>")
        labels = [(speaker_row_label(row), i) for i, row in self.rows.iterrows()]
        self.attributions.options = labels
        first = 0 if labels else None
        if self.attributions.value != first:
            self.attributions.value = first
        else:
            self.show_article()

    def show_article(self) -> None:
        """Show the article of the chosen attribution with its spans highlighted."""
        index = self.attributions.value
        if index is None:
            self.article.value = ""
            return
        row = self.rows.iloc[index]
        doc = self.articles.get(row["doc_id"])
        self.article.value = article_html(doc, attribution_marks(row),
                                          roles=("speaker", "cue", "content"))

    def select(self, speaker: str, attribution: int = 0) -> SpeakerExplorer:
        """Choose ``speaker`` and their ``attribution``-th row, as a click would."""
        self.search.value = ""
        self.speakers.value = speaker
        self.attributions.value = attribution
        return self

    def static_html(self) -> str:
        counts = speaker_counts(self.quotes, kinds=self.kinds)
        parts = [_STATIC_NOTE, "<h4>Speakers</h4>",
                 _table_html(counts, ["speaker", "speaker_type", "n_attributions", "n_documents"])]
        if self.speakers.value is not None:
            parts += [f"<h4>Attributions of {html.escape(self.speakers.value)}</h4>",
                      _table_html(self.rows, ["date", "outlet", "speaker_mention", "cue",
                                              "verb_category", "kind", "content"])]
        return "".join(parts)


class TermExplorer(_Explorer):
    """A term, wildcard or lexicon frame → a concordance sorted by words several positions
    deep, filtered by voice and group → one article with the match (and the quote holding it)
    highlighted.

    The controls are attributes (``query``, ``sort_by`` (three position pickers), ``voice``,
    ``group``, ``lines``, ``article``); ``table`` is the whole concordance and ``shown`` the
    sorted, filtered rows behind ``lines``.
    """

    def __init__(self, articles: Articles, *, quotes: pd.DataFrame | None = None,
                 lexicon: Any = "conflict_cooperation", query: str = "frame:threat",
                 group_by: str | None = "outlet", depth: int = 3, window: int = 60) -> None:
        from toolkit.analysis.framing import as_lexicon

        w = _ipywidgets()
        self.articles, self.quotes, self.group_by, self.depth = articles, quotes, group_by, depth
        self.window = window
        self.lexicon = as_lexicon(lexicon) if lexicon is not None else None
        frames = [f"frame:{f}" for f in self.lexicon.frames] if self.lexicon is not None else []
        self.query = w.Combobox(value=query, options=frames, ensure_option=False,
                                description="Term", continuous_update=False,
                                placeholder="term, wildcard* or frame:NAME")
        # "" stands for "all" or "none": a picker whose value is None shows nothing selected.
        positions = [("-", "")] + [(k, k) for k in sort_keys(depth)]
        defaults = ["R1", "R2", "R3"][:depth] + [""] * max(0, 3 - depth)
        self.sort_by = [w.Dropdown(options=positions, value=v, description=f"Sort {i + 1}",
                                   layout=w.Layout(width="170px"))
                        for i, v in enumerate(defaults)]
        self.voice = w.ToggleButtons(options=[("all", ""), ("journalist", "journalist"),
                                              ("quoted", "quoted")], description="Voice")
        self.voice.style.button_width = "100px"
        self.group = w.Dropdown(options=[("all", "")], value="", description=group_by or "Group",
                                disabled=group_by is None)
        self.status = w.HTML()
        self.lines = w.Select(options=[], rows=12, layout=w.Layout(width="auto"))
        self.lines.add_class("tk-mono")
        self.article = w.HTML()
        self.table = self.shown = None
        self.query.observe(lambda _: self.run_query(), "value")
        for control in (*self.sort_by, self.voice, self.group):
            control.observe(lambda _: self.show_lines(), "value")
        self.lines.observe(lambda _: self.show_article(), "value")
        self.widget = w.VBox([
            w.HTML(_STYLE),
            w.HBox([self.query, self.group]),
            w.HBox(self.sort_by),
            self.voice, self.status, self.lines, self.article,
        ])
        self.run_query()

    def run_query(self) -> None:
        """Find every match of the query; refill the group picker; show the lines."""
        try:
            self.table = concordance(self.articles, self.query.value, lexicon=self.lexicon,
                                     quotes=self.quotes, window=self.window, depth=self.depth,
                                     group_by=self.group_by)
        except ToolkitError as exc:
            self.table = None
            self.status.value = f'<p style="color:#b00">{html.escape(str(exc))}</p>'
            self.lines.options = []
            self.article.value = ""
            return
        if self.group_by is not None:
            current = self.group.value
            values = sorted(set(self.table["group"]))
            self.group.options = [("all", "")] + [(v, v) for v in values]
            self.group.value = current if current in values else ""
        self.show_lines()

    def show_lines(self) -> None:
        """Sort and filter the concordance into the list of lines; show the first article."""
        if self.table is None:
            return
        shown = filter_concordance(self.table, voice=self.voice.value or None,
                                   group=(self.group.value or None) if self.group_by else None)
        self.shown = sort_concordance(shown, [d.value or None for d in self.sort_by])
        n_docs = self.shown["doc_id"].nunique()
        self.status.value = (f"<p>{len(self.shown)} match(es) in {n_docs} article(s) "
                             f"(of {len(self.table)} in all). Pick a line to read its "
                             "article.</p>")
        self.lines.options = [(concordance_line(row), i) for i, row in self.shown.iterrows()]
        first = 0 if len(self.shown) else None
        if self.lines.value != first:
            self.lines.value = first
        else:
            self.show_article()

    def show_article(self) -> None:
        """Show the article of the chosen line with the match highlighted."""
        index = self.lines.value
        if index is None or self.shown is None:
            self.article.value = ""
            return
        row = self.shown.iloc[index]
        doc = self.articles.get(row["doc_id"])
        self.article.value = article_html(doc, match_marks(row, self.quotes))

    def static_html(self) -> str:
        if self.shown is None:
            return _STATIC_NOTE + f"<p>{html.escape(self.status.value)}</p>"
        columns = ["doc_id", "left", "match", "right", "frame", "voice", "speaker"]
        if self.group_by is not None:
            columns.insert(1, "group")
        return (_STATIC_NOTE + f"<h4>Concordance of {html.escape(self.query.value)}</h4>"
                + _table_html(self.shown, columns, limit=30))


def speaker_explorer(corpus: Iterable[Any] | Articles, *, analysis: Any = None,
                     kinds: Sequence[str] | None = SPEECH_KINDS,
                     quiet: bool = False) -> SpeakerExplorer:
    """A :class:`SpeakerExplorer` over ``corpus`` (any corpus :func:`toolkit.corpus.load`
    reads, or a list of documents). ``analysis`` is the result of
    :func:`toolkit.analysis.analyze` on the same corpus (computed when not given); ``kinds`` the
    attribution kinds listed (default: speech, as in the speaker table; None: all)."""
    articles = Articles.of(corpus, quiet=quiet)
    if analysis is None:
        from toolkit.analysis import analyze

        analysis = analyze(list(articles))
    return SpeakerExplorer(analysis.quotes, analysis.documents, articles, kinds=kinds)


def term_explorer(corpus: Iterable[Any] | Articles, *, quotes: pd.DataFrame | None = None,
                  lexicon: Any = "conflict_cooperation", query: str = "frame:threat",
                  group_by: str | None = "outlet", depth: int = 3, window: int = 60,
                  quiet: bool = False) -> TermExplorer:
    """A :class:`TermExplorer` over ``corpus``. ``quotes`` (e.g. ``analyze(corpus).quotes``)
    tells journalist text from quoted text; ``lexicon`` supplies the ``frame:NAME`` queries;
    ``group_by`` is the document field, metadata key or period the group filter offers;
    ``depth`` how many words on each side the sort positions reach."""
    return TermExplorer(Articles.of(corpus, quiet=quiet), quotes=quotes, lexicon=lexicon,
                        query=query, group_by=group_by, depth=depth, window=window)
