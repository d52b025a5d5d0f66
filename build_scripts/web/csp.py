"""MkDocs hook: a Content-Security-Policy on every page, as a <meta> element.

GitHub Pages sends no headers of ours, so the policy travels in the page:
``<meta http-equiv="Content-Security-Policy">``, the first element of <head>
(a policy in a meta governs only what the parser meets after it). Scripts,
styles, workers and fetches come from the site's own origin; the inline
scripts and styles the theme writes (Material's ``__md_scope`` helpers, its
palette and anchor scripts; any <style> it adds) are allowed by their
sha256, computed here from each rendered page. Nothing in a page's content
is: the hook leaves the content (``page.content``, which the theme inserts
as it is) out when it hashes, so an inline script or style that reached a
page through its text is blocked by the browser, and the build warns.

``mkdocs serve`` injects its live-reload script into every page it serves,
with a timestamp in it: no hash can be known for it, so under ``serve``
(only) scripts in line are allowed.

What a policy in a meta cannot do: frame-ancestors, report-uri/report-to and
sandbox are ignored there (they need a header), so the policy neither stops
the site being framed nor reports violations anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.build_scripts.csp")

# The policy, directive by directive; inline scripts and styles are added by hash.
POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    # Material's stylesheet draws its icons as data: SVG masks (mask-image: url("data:…"))
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    # the search worker's index files, Material's sitemap.xml for the language switcher
    "connect-src": ("'self'",),
    # our search runs in a module worker (assets/search/worker.js)
    "worker-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
META_NAME = "Content-Security-Policy"

# A <script> whose type is none of these is a data block (such as Material's
# <script id="__config" type="application/json">): never run, and outside
# the policy. https://html.spec.whatwg.org/#prepare-the-script-element
_JAVASCRIPT_TYPES = {
    "",
    "module",
    "importmap",
    "speculationrules",
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_serving = False


@dataclass
class Inline:
    """What the policy must allow, or will block, in a piece of HTML."""

    scripts: list[str] = field(default_factory=list)  # the text of each inline script that runs
    styles: list[str] = field(default_factory=list)  # the text of each <style>
    attributes: list[str] = field(default_factory=list)  # style="…", on…="…", javascript: URLs


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = Inline()
        self._open: tuple[str, list[str]] | None = None  # the inline <script>/<style> being read

    def handle_starttag(self, tag, attrs):
        named = dict(attrs)
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.attributes.append(f"<{tag} {name}>")
            elif name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.attributes.append(f"<{tag} {name}=javascript:>")
        if tag == "style" or (tag == "script" and "src" not in named and runs(named.get("type"), named)):
            self._open = (tag, [])

    def handle_data(self, data):
        if self._open:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            text = "".join(self._open[1])
            (self.found.scripts if tag == "script" else self.found.styles).append(text)
            self._open = None


def runs(script_type: str | None, attrs: dict | None = None) -> bool:
    """Whether a <script> of this type attribute is run (else it is a data block)."""
    if script_type is None:
        language = (attrs or {}).get("language")
        return not language or f"text/{language.lower()}" in _JAVASCRIPT_TYPES
    return script_type.split(";")[0].strip().lower() in _JAVASCRIPT_TYPES


def find_inline(html: str) -> Inline:
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


def source_hash(text: str) -> str:
    """The CSP source expression for an inline script's or style's text (as
    the browser hashes it: UTF-8, line ends already normalised by the parser)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(inline: Inline, serving: bool = False) -> str:
    """The policy for a page whose theme writes ``inline``."""
    sources = {name: list(values) for name, values in POLICY.items()}
    if serving:
        sources["script-src"].append("'unsafe-inline'")  # live reload (see the module's docstring)
    else:
        sources["script-src"] += _unique(source_hash(s) for s in inline.scripts)
    sources["style-src"] += _unique(source_hash(s) for s in inline.styles)
    return "; ".join(" ".join([name, *values]) for name, values in sources.items())


def with_policy(html: str, content: str | None = None, serving: bool = False) -> tuple[str, Inline]:
    """``html`` with the policy as the first element of its <head>, and what
    in ``content`` (a part of ``html``: the page's text) the policy blocks."""
    if re.search(rf'http-equiv=["\']?{META_NAME}', html, re.IGNORECASE):
        raise PluginError("csp: the page has a Content-Security-Policy already")
    theme = html
    if content:
        if content not in html:
            raise PluginError("csp: the page's content is not in the rendered page as it is")
        theme = html.replace(content, "", 1)
    head = _HEAD.search(html)
    if head is None:
        raise PluginError("csp: the page has no <head>")
    meta = f'<meta http-equiv="{META_NAME}" content="{policy(find_inline(theme), serving)}">'
    blocked = find_inline(content) if content else Inline()
    return html[: head.end()] + meta + html[head.end() :], blocked


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


@event_priority(-200)  # last: after every other plugin has changed the page
def on_post_page(output, page, config):
    html, blocked = with_policy(output, page.content, _serving)
    _report(page.file.src_uri, blocked)
    return html


@event_priority(-200)
def on_post_template(output_content, template_name, config):
    """The theme's own pages (404.html); not the sitemap."""
    if not template_name.endswith(".html"):
        return output_content
    return with_policy(output_content, serving=_serving)[0]


def _report(source: str, blocked: Inline) -> None:
    if blocked.scripts or blocked.styles or blocked.attributes:
        what = [f"{len(blocked.scripts)} inline script(s)"] * bool(blocked.scripts)
        what += [f"{len(blocked.styles)} <style> element(s)"] * bool(blocked.styles)
        what += blocked.attributes
        log.warning("csp: %s has %s in its text, which the Content-Security-Policy blocks", source, ", ".join(what))


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))
