"""HTML for a report run: each executed notebook without its code, and the ``index.html`` that
links everything. Every piece of text from the corpus, parameters or notebooks is escaped."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

__all__ = ["render_notebook", "write_index"]


def render_notebook(notebook: Path, target: Path) -> None:
    """Write ``notebook`` as HTML without input cells or prompts.

    Corpus text reaches the page only through outputs that escape it: pandas tables
    (``DataFrame.to_html`` escapes cell values) and plain-text streams (escaped by the
    template). Markdown and table markup are kept as markup, so headings, tables and figures
    render as such.
    """
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    target.write_text(body, encoding="utf-8")


def _e(value: Any) -> str:
    return html.escape(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def _link(href: str, text: str) -> str:
    return f'<a href="{html.escape(quote(href))}">{html.escape(text)}</a>'


def _definition_table(rows: Mapping[str, Any]) -> str:
    cells = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows.items())
    return f"<table>{cells}</table>"


def _headline_section(headline: Mapping[str, Mapping[str, Any]]) -> str:
    """One table of headline numbers; a key several notebooks report with the same value
    (such as the number of documents) is shown once, a differing one with its notebook."""
    rows: dict[str, Any] = {}
    for notebook, values in headline.items():
        for key, value in (values or {}).items():
            if key not in rows:
                rows[key] = value
            elif rows[key] != value:
                rows[f"{key} ({notebook})"] = value
    if not rows:
        return "<p>The notebooks recorded no headline numbers.</p>"
    return _definition_table(rows)


def _notebook_section(entry: Mapping[str, Any]) -> str:
    stem = entry["name"]
    links = [_link(f"{stem}.html", "report"), _link(f"{stem}.ipynb", "notebook")]
    items = [f"<li>{_link(f'tables/{t}', t)}</li>" for t in entry["tables"]]
    figures = "".join(
        f'<figure><img src="{html.escape(quote(f"figures/{f}"))}" alt="{_e(f)}" width="480">'
        f"<figcaption>{_e(f)}</figcaption></figure>" for f in entry["figures"])
    return (f"<h3>{_e(stem)}</h3><p>{' · '.join(links)} ({entry['duration_seconds']:.1f} s)</p>"
            f"<ul>{''.join(items)}</ul>{figures}")


def write_index(folder: Path, manifest: Mapping[str, Any],
                headline: Mapping[str, Mapping[str, Any]]) -> None:
    """Write ``folder/index.html`` from the run's manifest and headline numbers."""
    title = f"{manifest['name']} — {manifest['run_id']}"
    inputs = {"corpus": manifest["parameters"]["corpus"],
              "corpus files": len(manifest["inputs"]["corpus"]),
              "started": manifest["started_at"], "finished": manifest["finished_at"],
              "toolkit": manifest["toolkit_version"], "git commit": manifest["git_commit"]}
    parameters = {k: v for k, v in manifest["parameters"].items() if k != "corpus"}
    body = [f"<h1>{_e(title)}</h1>",
            "<h2>Headline numbers</h2>", _headline_section(headline),
            "<h2>Notebooks</h2>", *(_notebook_section(n) for n in manifest["notebooks"]),
            "<h2>Run</h2>", _definition_table(inputs),
            "<h2>Parameters</h2>",
            _definition_table(parameters) if parameters else "<p>The notebooks' defaults.</p>",
            f"<p>{_link('manifest.json', 'manifest.json')} (hashes of every input, versions)</p>"]
    page = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{_e(title)}</title><style>{_STYLE}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")
    (folder / "index.html").write_text(page, encoding="utf-8")


_STYLE = ("body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
          "th{text-align:left;padding-right:1em}figure{display:inline-block;margin:.5em}")
