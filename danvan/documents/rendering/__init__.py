"""Documents in the Party's format (Hướng dẫn 36-HD/VPTW): describe one as a ``PartyDocument`` made
of blocks, then ``render_docx`` or ``render_pdf`` it. Every layout value comes from ``layout.json``."""

from danvan.documents.rendering.blocks import Heading, Paragraph, PartyDocument, Table
from danvan.documents.rendering.docx import render_docx
from danvan.documents.rendering.pdf import render_pdf

__all__ = ["Heading", "Paragraph", "PartyDocument", "Table", "render_docx", "render_pdf"]
