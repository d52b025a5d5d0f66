"""Tagged PDF (PDF/UA-1): WeasyPrint writes the structure tree; this module
adds the language of each passage to it and removes a quadratic step.

WeasyPrint 70 tags every element but puts the document's language only on
the catalog, so a screen reader would read the English column with Japanese
rules. ``_build_box_tree`` (private, hence the pinned version and the test
that reads /Lang back) makes one structure element per box: wrapped, it gives
an element the ``lang`` of its HTML element (a parallel-text cell: ja or en)
unless the element it is inside already says that language.

pydyf's ``PDF.page_references`` rebuilds the tuple of every page for each
structure element it is asked for (elements x pages): cached while the page
list is unchanged, the same bytes come out twice as fast (92 pages: writing
8.5 s -> 4.2 s).
"""

from __future__ import annotations

from ..errors import PublicationError

# what write_pdf is given: tags, PDF 1.7, the PDF/UA-1 identification in XMP
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}

_original: dict = {}  # WeasyPrint's and pydyf's own functions, once enable() ran


_langs: list[str | None] = []  # the language of each element being built, outermost first


def _build_box_tree(box, parent, pdf, *rest):
    # WeasyPrint's callers consume these generators at once, depth first, so
    # the stack holds the languages of the boxes the current one is inside.
    html = getattr(box, "element", None)
    skip = html is None or getattr(box, "element_tag", None) in ("html", "body")  # they yield their children's
    own = None if skip else html.get("lang")
    inherited = _langs[-1] if _langs else None
    _langs.append(own or inherited)
    try:
        for element in _original["tree"](box, parent, pdf, *rest):
            if own and own != inherited:
                element["Lang"] = _original["String"](own)
            yield element
    finally:
        _langs.pop()


def _page_references(self):
    count = len(self.pages["Kids"])
    cached = self.__dict__.get("_page_references")
    if cached is None or cached[0] != count:
        cached = self.__dict__["_page_references"] = (count, _original["pages"].fget(self))
    return cached[1]


def enable() -> None:
    """Install both changes (once per process; idempotent). Imported here:
    WeasyPrint loads Pango, which only the PDF needs."""
    if _original:
        return
    import pydyf
    from weasyprint.pdf import tags

    if not hasattr(tags, "_build_box_tree"):
        raise PublicationError(
            "this WeasyPrint has no weasyprint.pdf.tags._build_box_tree: the language of each "
            "passage cannot be tagged; install the version pinned in requirements.txt"
        )
    _original.update(tree=tags._build_box_tree, pages=pydyf.PDF.page_references, String=pydyf.String)
    tags._build_box_tree = _build_box_tree
    pydyf.PDF.page_references = property(_page_references)
