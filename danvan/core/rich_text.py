"""Rich text (report narratives): what the editor and API clients send, cleaned where it enters.

``sanitize(html)`` is the one server-side gate for every rich-text field (forms and the API both reach it
through the domain): it keeps only paragraphs and line breaks, bold/italic/underline, lists, headings
(h3–h5), block quotes and tables (``colspan``/``rowspan`` as small numbers, nothing else), and drops every
other tag (keeping its text), every other attribute (``style``, ``class``, event handlers, links),
comments, and the content of ``script``/``style``/``xml`` elements. What Microsoft Word puts on the
clipboard is turned into the same vocabulary first: its list paragraphs (``mso-list``) become real
``<ul>``/``<ol>`` lists (nesting kept, the typed bullet or number removed), its empty spacing paragraphs
go, ``h1``/``h2`` become ``h3`` (the page has its own title). Text without any markup (typed with
JavaScript off, or sent so by an API client) keeps its line breaks: blank lines make paragraphs, single
breaks ``<br>``; so does text with inline markup only (``<b>``, ``<i>``).

``as_html(stored)`` shows a stored value: a value saved before the editor as plain text gets the same
paragraphs and breaks; anything else was sanitized when saved and is returned as safe HTML."""

import re

import nh3
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4", "h5",
                          "blockquote", "table", "thead", "tbody", "tfoot", "tr", "th", "td"})
SPAN_ATTRIBUTES = {"td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
MAX_SPAN = 50

_MARKUP = re.compile(r"<[A-Za-z!/?]")
_WORD = re.compile(r"mso-|class=\"?Mso|urn:schemas-microsoft-com|<o:p|<w:", re.I)
# Word's list markers sit in a downlevel-revealed conditional: ``<![if !supportLists]>·&nbsp;<![endif]>``
# (clipboard) or ``<!--[if !supportLists]-->1.&nbsp;<!--[endif]-->`` (a saved page).
_SUPPORT_LISTS = re.compile(r"<!(?:--)?\[if !supportLists\](?:--)?>(.*?)<!(?:--)?\[endif\](?:--)?>", re.I | re.S)
_CONDITIONAL = re.compile(r"<!(?:--)?\[if [^\]]*\](?:--)?>.*?<!(?:--)?\[endif\](?:--)?>", re.I | re.S)
_LEVEL = re.compile(r"mso-list:\s*l\d+\s+level(\d+)", re.I)
_ORDERED = re.compile(r"^\(?(\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]")
_BLANK = " \t\r\n\xa0"
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")
_BLOCKS = re.compile(r"<(p|br|li|ul|ol|table|tr|td|th|h[1-6]|div|blockquote)\b", re.I)


def _span_value(tag: str, attribute: str, value: str) -> str | None:
    """Keep ``colspan``/``rowspan`` only as a number from 1 to ``MAX_SPAN``."""
    if attribute in ("colspan", "rowspan"):
        return value if value.isdigit() and 1 <= int(value) <= MAX_SPAN else None
    return None


def _nest(stack, level, kind, parent, anchor):
    """The list element for an item of ``level`` and ``kind`` (``ul``/``ol``): the open one, or a new one
    nested in the previous item (deeper) or put before ``anchor`` (a new list)."""
    from lxml import etree

    while stack and (stack[-1][0] > level or (stack[-1][0] == level and stack[-1][1].tag != kind)):
        stack.pop()
    if stack and stack[-1][0] == level:
        return stack[-1][1]
    element = etree.Element(kind)
    if stack and len(stack[-1][1]):
        stack[-1][1][-1].append(element)
    else:
        anchor.addprevious(element)
        stack.clear()
    stack.append((level, element))
    return element


def _from_word(html: str) -> str:
    """Word's clipboard HTML in the editor's vocabulary (lists as lists, no spacing paragraphs)."""
    from lxml import etree
    from lxml import html as lxml_html

    html = _SUPPORT_LISTS.sub(lambda m: f'<span data-dv-marker="1">{m.group(1)}</span>', html)
    html = _CONDITIONAL.sub("", html)
    body = re.search(r"<body[^>]*>(.*)</body>", html, re.I | re.S)
    root = lxml_html.fragment_fromstring(body.group(1) if body else html, create_parent="div")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in ("h1", "h2"):
            element.tag = "h3"
    for parent in [root, *root.iter("td", "th", "div", "blockquote")]:
        stack: list = []
        for child in list(parent):
            if not isinstance(child.tag, str):
                continue
            match = _LEVEL.search(child.get("style") or "") if child.tag == "p" else None
            if match is None:
                stack.clear()
                continue
            marker = ""
            for span in child.xpath(".//span[@data-dv-marker or contains(translate(@style, ' ', ''), "
                                    "'mso-list:Ignore')]"):
                marker = marker or span.text_content().strip(_BLANK)
                span.drop_tree()
            kind = "ol" if _ORDERED.match(marker) else "ul"
            target = _nest(stack, int(match.group(1)), kind, parent, child)
            item = etree.SubElement(target, "li")
            item.text, item[:] = child.text, list(child)
            parent.remove(child)
    for paragraph in list(root.iter("p")):
        if not paragraph.text_content().strip(_BLANK) and not paragraph.xpath(".//br|.//img|.//table"):
            paragraph.drop_tree()
    return (root.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in root)


def sanitize(html: str) -> str:
    """The harmless rich text of ``html`` (see the module's docstring); "" for nothing."""
    html = html or ""
    if not html.strip():
        return ""
    if not _MARKUP.search(html):
        return linebreaks(html.strip(), autoescape=True)
    if _WORD.search(html):
        html = _from_word(html)
    elif not _BLOCKS.search(html):  # inline markup only: its line breaks are the text's
        html = linebreaks(html.strip())
    else:
        html = re.sub(r"<(/?)h[12]\b", r"<\1h3", html, flags=re.I)
    clean = nh3.clean(html, tags=set(ALLOWED_TAGS), attributes=SPAN_ATTRIBUTES, attribute_filter=_span_value,
                      clean_content_tags={"script", "style", "xml", "title", "head"}, url_schemes=set(),
                      strip_comments=True)
    return _EMPTY_PARAGRAPH.sub("", clean).strip()


def as_html(stored: str) -> SafeString:
    """A stored rich-text value for a page: sanitized again (cheap, and nothing stored before the editor
    or by another path can reach the page unchecked); plain text gets its paragraphs and line breaks."""
    return mark_safe(sanitize(stored))
