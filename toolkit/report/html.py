"""HTML for a report run: each executed notebook without its code, and the ``index.html`` that
links everything. Every piece of text from the corpus, parameters or notebooks is escaped.

Pages are self-contained: they load nothing from another host (the page template in
``templates/report`` drops the require.js, MathJax and mermaid scripts JupyterLab's template
fetches from a CDN; interactive tables carry their code inline, see
:mod:`toolkit.report.display`), and figures are the PNG files beside them. Every page starts
with the same navigation bar: the index, each notebook's page and the manifest.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from toolkit.report.kernel import load_nbformat

__all__ = ["TEMPLATE_DIR", "HEADLINE_LABELS", "TRUSTED", "notebook_title", "navigation",
           "render_notebook", "write_index", "headline_label", "sanitize_html",
           "sanitize_outputs"]

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"

# Labels of the headline numbers the shipped notebooks record, for runs whose notebooks gave
# none; any other key is shown with its underscores as spaces.
HEADLINE_LABELS = {
    "documents": "Documents analysed",
    "attributions": "Attributions (direct, indirect, mixed and floating quotes)",
    "first_date": "First publication date",
    "last_date": "Last publication date",
    "top_speaker": "Most quoted speaker",
    "top_verb": "Most frequent reporting verb",
    "top_frame": "Frame with the highest rate",
}

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45}
.tk-nav{position:sticky;top:0;z-index:10;display:flex;flex-wrap:wrap;gap:.2em 1.2em;
 align-items:baseline;background:#1f3a5f;color:#fff;padding:.55em 1.2em;margin:0 0 1em 0}
.tk-nav a{color:#fff;text-decoration:none}.tk-nav a:hover{text-decoration:underline}
.tk-nav .tk-current{font-weight:bold;border-bottom:2px solid #fff}
.tk-nav .tk-run{font-size:.85em;opacity:.8;margin-right:1em}
.tk-note{border-left:4px solid #c0392b;background:#fdf2f0;padding:.6em 1em;margin:.8em 0}
.tk-counts{border-left:4px solid #1f3a5f;background:#eef3f9;padding:.4em 1em;margin:.8em 0}
.tk-figure{margin:1em 0}.tk-figure img{max-width:100%;height:auto;display:block}
.tk-figure figcaption{color:#444;font-size:.9em;margin-top:.3em}
.tk-columns{font-size:.85em;color:#333;margin:.3em 0 1.2em 0}
.tk-columns dt{font-weight:bold;float:left;clear:left;margin-right:.5em}
.tk-columns dt::after{content:":"}.tk-columns dd{margin:0 0 .2em 0}
table.dataTable td{white-space:normal}
table.dataTable td.dt-type-numeric,table.dataTable td.dt-type-date{white-space:nowrap}
"""

_INDEX_STYLE = STYLE + """
.tk-main{max-width:70em;margin:0 auto;padding:0 1.2em 3em 1.2em}
.tk-main th{text-align:left;padding:.2em 1em .2em 0;vertical-align:top}
.tk-main td{padding:.2em 1em .2em 0;vertical-align:top}
.tk-main ul{columns:2}
"""


# Output metadata key set by the display helpers of :mod:`toolkit.report.display` on the HTML
# they build (interactive tables with their code, notes, figures): those outputs keep their
# scripts. Every other output is sanitised: text in a notebook's outputs cannot set metadata.
TRUSTED = "toolkit_report_output"

_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul"})
_COMMON_ATTRIBUTES = frozenset({"class", "id", "title", "style", "lang", "dir", "align",
                                "colspan", "rowspan", "scope", "headers"})
_TAG_ATTRIBUTES = {"a": {"href", "name"}, "img": {"src", "alt", "width", "height"},
                   "col": {"span"}, "colgroup": {"span"}, "ol": {"start"},
                   "details": {"open"}, "time": {"datetime"}}
_LINK_SCHEMES = ("http", "https", "mailto")
# Output types a page shows as they are; text/html and text/markdown are sanitised, any other
# (javascript, svg, widget state...) is dropped.
_SAFE_OUTPUTS = frozenset({"text/plain", "text/latex", "application/json", "image/png",
                           "image/jpeg", "image/gif"})


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if name not in _COMMON_ATTRIBUTES and name not in _TAG_ATTRIBUTES.get(tag, ()):
        return False
    if name not in ("href", "src"):
        return True
    url = "".join(c for c in value if c > " " and c != "\x7f").lower()
    scheme, colon, _ = url.partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return True  # a relative address
    if tag == "img" and scheme == "data":
        return url.startswith(("data:image/png", "data:image/jpeg", "data:image/gif"))
    return scheme in _LINK_SCHEMES


def sanitize_html(text: str) -> str:
    """``text`` (HTML) with everything that could run script removed: ``<script>``, ``<iframe>``,
    ``<object>``, forms and any other element not on the list of document tags is escaped (so
    it shows as text), ``on*`` handlers and unknown attributes are dropped, and links and
    images keep only ``http``/``https``/``mailto`` (images also ``data:image``) or relative
    addresses. Inline styles keep only the CSS properties known to be harmless."""
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    return bleach.clean(text, tags=_TAGS, attributes=_allowed_attribute,
                        protocols=[*_LINK_SCHEMES, "data"], strip=False, strip_comments=True,
                        css_sanitizer=CSSSanitizer())


def _markdown_html(text: str) -> str:
    load_nbformat()
    from nbconvert.filters import markdown2html_mistune

    return markdown2html_mistune(text)


def sanitize_outputs(nb: Any) -> Any:
    """Sanitise the outputs of every code cell of the notebook ``nb`` in place (see
    :func:`sanitize_html`), except the ones the report helpers marked with :data:`TRUSTED`:
    Markdown outputs become sanitised HTML, script and other active output types are dropped.
    The notebook's own Markdown cells are its author's text and stay as they are."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") not in ("display_data", "execute_result"):
                continue
            if output.get("metadata", {}).get(TRUSTED) is True:
                continue
            data = output.get("data", {})
            cleaned = {k: v for k, v in data.items() if k in _SAFE_OUTPUTS}
            if "text/html" in data:
                cleaned["text/html"] = sanitize_html(_text(data["text/html"]))
            elif "text/markdown" in data:
                cleaned["text/html"] = sanitize_html(_markdown_html(_text(data["text/markdown"])))
            output["data"] = type(data)(cleaned)
    return nb


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _e(value: Any) -> str:
    return html.escape(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def _link(href: str, text: str, *, current: bool = False) -> str:
    css = ' class="tk-current" aria-current="page"' if current else ""
    return f'<a href="{html.escape(quote(href))}"{css}>{html.escape(text)}</a>'


def notebook_title(notebook: Path) -> str:
    """The text of the notebook's first level-1 heading, or its file name without suffix."""
    nbformat = load_nbformat()

    try:
        cells = nbformat.read(notebook, as_version=4).cells
    except (OSError, ValueError):
        return notebook.stem
    for cell in cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return notebook.stem


def navigation(pages: Sequence[tuple[str, str]], *, current: str | None, run: str) -> str:
    """The navigation bar: ``run`` (report name and run id), the index, one link per
    ``(file, title)`` page and the manifest; ``current`` is the file of the page it is on."""
    links = [_link("index.html", "Index", current=current == "index.html")]
    links += [_link(page, title, current=current == page) for page, title in pages]
    links.append(_link("manifest.json", "Manifest"))
    return (f'<nav class="tk-nav" aria-label="report"><span class="tk-run">{html.escape(run)}'
            f"</span>{''.join(links)}</nav>")


def render_notebook(notebook: Path, target: Path, *, title: str | None = None,
                    nav: str = "") -> None:
    """Write ``notebook`` as HTML without input cells or prompts, titled ``title``, with the
    navigation bar ``nav`` (see :func:`navigation`) at the top.

    Corpus text reaches the page only through outputs that escape it: the interactive tables
    (values escaped before they reach the table code), notes and captions (escaped by
    :mod:`toolkit.report.display`) and plain-text streams (escaped by the template). Any other
    HTML or Markdown output (a notebook displaying text with ``Markdown``, ``HTML`` or a pandas
    ``Styler``) is sanitised first (:func:`sanitize_outputs`): its markup stays, but nothing
    in it can run script. The page template's own scripts are not touched.
    """
    nbformat = load_nbformat()
    resources = {"metadata": {"name": title or notebook.stem}, "report_css": STYLE,
                 "report_nav": nav}
    nb = sanitize_outputs(nbformat.read(notebook, as_version=4))
    # One exporter serves every page of the process: its templates are compiled once. Pages
    # are made one at a time (the runner renders from several threads).
    with _EXPORTER_LOCK:
        body, _ = _exporter().from_notebook_node(nb, resources=resources)
    target.write_text(body, encoding="utf-8")


_EXPORTER_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _exporter() -> Any:
    """The exporter of :func:`render_notebook` (made on first use)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="report", extra_template_basedirs=[str(TEMPLATE_DIR)],
                        exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True)


def headline_label(key: str, labels: Mapping[str, str] | None = None) -> str:
    """What a reader sees for headline number ``key``."""
    if labels and key in labels:
        return str(labels[key])
    return HEADLINE_LABELS.get(key, key.replace("_", " ").capitalize())


def _definition_table(rows: Mapping[str, Any]) -> str:
    cells = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows.items())
    return f"<table>{cells}</table>"


def _headline_section(headline: Mapping[str, Mapping[str, Any]],
                      labels: Mapping[str, Mapping[str, str]]) -> str:
    """One table of headline numbers; a key several notebooks report with the same value
    (such as the number of documents) is shown once, a differing one with its notebook."""
    rows: dict[str, Any] = {}
    seen: dict[str, Any] = {}
    for notebook, values in headline.items():
        for key, value in (values or {}).items():
            label = headline_label(key, labels.get(notebook))
            if key not in seen:
                seen[key] = value
                rows[label] = value
            elif seen[key] != value:
                rows[f"{label} ({notebook})"] = value
    if not rows:
        return "<p>The notebooks recorded no headline numbers.</p>"
    shown = {k: f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else v
             for k, v in rows.items()}
    return _definition_table(shown)


def _figure(name: str, caption: str) -> str:
    src = html.escape(quote(f"figures/{name}"))
    text = html.escape(caption or name)
    return (f'<figure class="tk-figure"><a href="{src}"><img src="{src}" alt="{text}"></a>'
            f"<figcaption>{text}</figcaption></figure>")


def _notebook_section(entry: Mapping[str, Any]) -> str:
    stem = entry["name"]
    title = entry.get("title") or stem
    captions = entry.get("captions") or {}
    links = [_link(f"{stem}.html", "the page"), _link(f"{stem}.ipynb", "the executed notebook")]
    items = [f"<li>{_link(f'tables/{t}', t)}</li>" for t in entry["tables"]]
    figures = "".join(_figure(f, captions.get(f, f)) for f in entry["figures"])
    return (f"<h3>{_link(f'{stem}.html', title)}</h3>"
            f"<p>Read {' or '.join(links)} ({entry['duration_seconds']:.1f} s).</p>"
            f"<p>Tables (CSV):</p><ul>{''.join(items)}</ul>{figures}")


def write_index(folder: Path, manifest: Mapping[str, Any],
                headline: Mapping[str, Mapping[str, Any]]) -> None:
    """Write ``folder/index.html`` from the run's manifest and headline numbers (labels,
    titles and captions come from the manifest's notebook entries)."""
    from toolkit.analysis.counting import ATTRIBUTION_DEFINITION

    run = f"{manifest['name']} — {manifest['run_id']}"
    inputs = {"corpus": manifest["parameters"]["corpus"],
              "corpus files": len(manifest["inputs"]["corpus"]),
              "started": manifest["started_at"], "finished": manifest["finished_at"],
              "toolkit": manifest["toolkit_version"], "git commit": manifest["git_commit"]}
    parameters = {k: v for k, v in manifest["parameters"].items() if k != "corpus"}
    labels = {n["name"]: n.get("headline_labels") or {} for n in manifest["notebooks"]}
    pages = [(f"{n['name']}.html", n.get("title") or n["name"]) for n in manifest["notebooks"]]
    body = [navigation(pages, current="index.html", run=run), '<main class="tk-main">',
            f"<h1>Report {_e(run)}</h1>",
            "<h2>Headline numbers</h2>", _headline_section(headline, labels),
            f'<div class="tk-counts"><p>{_e(ATTRIBUTION_DEFINITION)} Every count of attributions '
            "in this report follows this definition.</p></div>",
            "<h2>Pages</h2>", *(_notebook_section(n) for n in manifest["notebooks"]),
            "<h2>Run</h2>", _definition_table(inputs),
            "<h2>Parameters</h2>",
            _definition_table(parameters) if parameters else "<p>The notebooks' defaults.</p>",
            f"<p>{_link('manifest.json', 'manifest.json')} (hashes of every input, versions)</p>",
            "</main>"]
    page = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Report {_e(run)}</title><style>{_INDEX_STYLE}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")
    (folder / "index.html").write_text(page, encoding="utf-8")
