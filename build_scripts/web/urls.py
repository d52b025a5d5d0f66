"""Where things are on the built site (mkdocs-static-i18n's layout: the default
language at the root, the other in a folder of its own)."""

from __future__ import annotations

from ..model import LANGS

PDF_NAME = "altman-ai-infrastructure.pdf"  # the PDF book, once at the site root (or its volumes: web/volumes.py)
DOCUMENT_PDFS = "pdf"  # each document's own PDF: pdf/<slug>.pdf at the site root


def root_href(lang: str, depth: int, path: str) -> str:
    """``path`` at the site root (shared by both languages), relative to a page
    ``depth`` folders below its language's root."""
    return "../" * (depth + (lang != LANGS[0])) + path


def pdf_href(lang: str, depth: int, name: str = PDF_NAME) -> str:
    """A PDF at the site root (the book, a volume)."""
    return root_href(lang, depth, name)


def document_pdf_href(lang: str, depth: int, slug: str) -> str:
    """A document's own PDF."""
    return pdf_href(lang, depth, f"{DOCUMENT_PDFS}/{slug}.pdf")


def asset_href(lang: str, depth: int, name: str) -> str:
    """A file of docs/assets/."""
    return root_href(lang, depth, f"assets/{name}")
