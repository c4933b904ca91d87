"""A notebook as the body of a report page: the narrative and the outputs shown, the code folded.

Every piece that comes from a notebook is treated as untrusted, since notebooks print data:
Markdown is rendered by cmark-gfm (CommonMark and tables, in C: ``cmarkgfm``), an image shown as
its text; its HTML, like an HTML output's, then passes through an allow-list sanitiser (``nh3``:
tables, text markup, links with http(s) only; any other tag is dropped and its text kept, a script's
or a style's with it); text outputs are escaped, and the only images are the PNG charts the notebooks
draw, inlined as data URIs. Nothing on the page loads anything from elsewhere. (The data the
notebooks show is escaped where they write it: :func:`analysis.publish.tables.md`.)
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from html import escape, unescape
from pathlib import Path

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

#: What an HTML output may keep: tables and text markup, nothing that runs or loads.
ALLOWED_TAGS = {"table", "thead", "tbody", "tr", "th", "td", "caption", "p", "em", "strong", "code", "pre", "br",
                "ul", "ol", "li", "a", "span", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "sup",
                "sub", "details", "summary", "bdi"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "table": {"class"}, "td": {"class"}, "th": {"class"},
                      "span": {"class", "dir"}, "div": {"class"}, "p": {"dir"}, "bdi": {"dir"}}
URL_SCHEMES = {"http", "https"}

#: What cmark-gfm writes for a Markdown image: it becomes its text (cmark has escaped it already).
_IMAGE = re.compile(r'<img src="[^"]*" alt="([^"]*)"(?: title="[^"]*")? />')
#: Raw HTML is passed to the sanitiser, which keeps the text of what it drops (cmark's safe mode
#: would leave a whole HTML block out, the narrative in it with it).
_MARKDOWN_OPTIONS = Options.CMARK_OPT_UNSAFE
_FORMATTER = HtmlFormatter(cssclass="highlight")
_LEXER = PythonLexer()


def sanitise(html: str) -> str:
    """HTML from a notebook output, reduced to the allow-list (http(s) links only, no scripts,
    no styles, no images, no event handlers)."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer")


def markdown(text: str) -> str:
    """Markdown as HTML, images as their text, then sanitised (:func:`sanitise`); each heading gets
    an anchor from its text (a claim's section is ``#claim-id``)."""
    html = cmarkgfm.markdown_to_html_with_extensions(text, options=_MARKDOWN_OPTIONS, extensions=["table"])
    return _anchored(sanitise(_IMAGE.sub(r"\1", html)))


def slug(text: str) -> str:
    """An anchor from a heading's text: ``dec-calls-since-feb12`` stays itself; spaces become dashes."""
    words = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"[^\w.-]+", "-", unescape(words).strip(), flags=re.UNICODE).strip("-").lower() or "section"


def _anchored(html: str) -> str:
    return re.sub(r"<h([1-6])>(.*?)</h\1>", lambda m: f'<h{m.group(1)} id="{escape(slug(m.group(2)))}">{m.group(2)}'
                  f"</h{m.group(1)}>", html, flags=re.DOTALL)


def _text(value: object) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def _png(data: str, alt: str) -> str:
    """A chart: only base64 PNG bytes are accepted, inlined as a data URI."""
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return ""
    if not raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return ""
    return f'<img src="data:image/png;base64,{base64.b64encode(raw).decode()}" alt="{escape(alt)}">'


def output(item: dict) -> str:
    """One output of a code cell."""
    kind = item.get("output_type")
    if kind == "stream":
        return f'<pre class="stream">{escape(_text(item.get("text")))}</pre>'
    if kind == "error":
        return f'<pre class="error">{escape(str(item.get("ename", "")))}: {escape(str(item.get("evalue", "")))}</pre>'
    data = item.get("data", {})
    if "image/png" in data:
        alt = item.get("metadata", {}).get("image/png", {}).get("alt") or _text(data.get("text/plain"))
        return _png(_text(data["image/png"]).replace("\n", ""), alt)
    if "text/html" in data:
        return f'<div class="output_html">{sanitise(_text(data["text/html"]))}</div>'
    if "text/markdown" in data:
        return f'<div class="output_markdown">{markdown(_text(data["text/markdown"]))}</div>'
    if "text/plain" in data:
        return f"<pre>{escape(_text(data['text/plain']))}</pre>"
    return ""


def cell(item: dict) -> str:
    """One cell: Markdown rendered; code folded, with its outputs shown."""
    source = _text(item.get("source"))
    if item.get("cell_type") == "markdown":
        return f'<div class="cell markdown">{markdown(source)}</div>'
    if item.get("cell_type") != "code":
        return ""
    code = highlight(source, _LEXER, _FORMATTER)
    outputs = "".join(output(o) for o in item.get("outputs", []))
    return (f'<div class="cell code"><details class="code"><summary>code</summary>{code}</details>'
            f'{outputs}</div>')


def body(notebook: Path | Mapping) -> str:
    """The body of a notebook's page, from its file, or from the notebook itself when the build has
    it (the executed notebook it has just written: the same page, without reading back megabytes
    of records the page does not show)."""
    if not isinstance(notebook, Mapping):
        notebook = json.loads(Path(notebook).read_text(encoding="utf-8"))
    return "\n".join(cell(item) for item in notebook.get("cells", []))


def pygments_css() -> str:
    return _FORMATTER.get_style_defs(".highlight")
