"""Articles out of files: plain text, HTML as saved from a newspaper site, DOCX, PDF; one file, many, or a
ZIP of them. Each gives a ``Source`` (blocks of title, body, captions; the page's date stamp), with the
page furniture (menus, related-news lists, captions' image names, share buttons, comment forms) left out.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from danvan.reader.interfaces.extract import Block, Source, blocks_from_lines, parse_stamp

TEXT_EXTENSIONS = {".txt", ".text", ".md"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
KINDS = TEXT_EXTENSIONS | HTML_EXTENSIONS | {".docx", ".pdf"}
MAX_ZIP_MEMBERS = 5000
MAX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 500 * 1024 * 1024


@dataclass
class Article:
    name: str
    source: Source


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1258", errors="replace")


# ---------------------------------------------------------------------------------------------
# HTML

_DROP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button",
              "svg", "select", "input", "textarea", "menu", "template", "object", "embed", "video", "audio"}
_FURNITURE_HINT = re.compile(
    r"(?:^|[-_\s])(?:menu|nav|navbar|breadcrumbs?|share|social|sharing|comments?|binh-?luan|related|"
    r"tin-?lien-?quan|lienquan|relate|same-?cate|cung-?chuyen-?muc|footer|header|sidebar|side-bar|"
    r"banner|ads?|advert|quang-?cao|tags?|keywords?|rating|danh-?gia|toolbar|print|login|search|widget|"
    r"popup|modal|cookie|subscribe|most-?read|doc-?nhieu|box-?news|other-?news|tin-?khac|more-?news)(?:$|[-_\s\d])",
    re.I,
)
_CAPTION_HINT = re.compile(r"caption|chu-?thich|desc-?image|image-?desc|photo-?desc|img-?desc", re.I)
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "figcaption", "blockquote",
               "section", "article", "tr", "dd", "dt", "pre", "br", "time"}


def _stamp_from_meta(doc) -> datetime.date | None:
    for xpath in ("//meta[@property='article:published_time']/@content", "//meta[@itemprop='datePublished']/@content",
                  "//meta[@name='pubdate']/@content", "//meta[@name='publishdate']/@content",
                  "//time/@datetime", "//meta[@name='date']/@content", "//meta[@property='og:updated_time']/@content"):
        for value in doc.xpath(xpath):
            m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
            if m:
                try:
                    return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    continue
    return None


def _classes(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"


def source_from_html(data: bytes | str, *, name: str = "") -> Source:
    """The article of a saved page: the ``<article>`` (or the element holding the most paragraph text),
    without menus, share buttons, related-news boxes and comment forms; ``<figcaption>`` and caption
    classes become captions; the published date from the page's meta data or its date line."""
    from lxml import html as lxml_html

    if isinstance(data, bytes):
        data = decode(data)
    if not data.strip():
        return Source(name=name, blocks=[])
    doc = lxml_html.document_fromstring(data)
    stamp = _stamp_from_meta(doc)
    title = ""
    for xpath in ("//meta[@property='og:title']/@content", "//h1", "//title"):
        found = doc.xpath(xpath)
        if found:
            title = (found[0] if isinstance(found[0], str) else found[0].text_content()).strip()
            if title:
                break
    url = next(iter(doc.xpath("//link[@rel='canonical']/@href") + doc.xpath("//meta[@property='og:url']/@content")), "")
    site = next(iter(doc.xpath("//meta[@property='og:site_name']/@content")), "")
    for el in list(doc.iter()):
        if not isinstance(el.tag, str):
            el.drop_tree() if el.getparent() is not None else None
            continue
        if el.getparent() is None:
            continue
        if el.tag in _DROP_TAGS or (el.tag not in ("body", "html", "article", "main") and _FURNITURE_HINT.search(_classes(el))):
            el.drop_tree()
    candidates = doc.xpath("//article") or doc.xpath("//main")
    if candidates:
        root = max(candidates, key=lambda el: len(el.text_content()))
    else:
        best, root = 0, doc.body if doc.body is not None else doc
        for el in doc.iter("div", "section", "td"):
            score = sum(len(p.text_content()) for p in el.findall("p"))
            if score > best:
                best, root = score, el
    blocks: list[Block] = []
    if title:
        blocks.append(Block(re.sub(r"\s+", " ", title), "title"))
    _walk(root, blocks, title)
    # the text-only rules still apply: related-news headings, stamps, image names inside the article
    lines = []
    for b in blocks:
        lines.append(("\x00caption " if b.kind == "caption" else "") + b.text)
    source = blocks_from_lines([ln.replace("\x00caption ", "") for ln in lines], name=name)
    kinds = {b.text for b in blocks if b.kind == "caption"}
    for b in source.blocks:
        if b.text in kinds:
            b.kind = "caption"
    source.stamp = source.stamp or stamp
    source.url, source.newspaper = url, site
    return source


def _walk(el, blocks: list[Block], title: str) -> None:
    kind = "caption" if el.tag == "figcaption" or _CAPTION_HINT.search(_classes(el)) else None
    if kind or el.tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "time", "figcaption"):
        if el.tag in ("h1",) and el.text_content().strip() == title:
            return
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if text:
            blocks.append(Block(text, kind or "body"))
        return
    if el.text and el.text.strip() and el.tag in ("div", "td", "section", "article", "span"):
        blocks.append(Block(re.sub(r"\s+", " ", el.text).strip()))
    for child in el:
        if isinstance(child.tag, str):
            _walk(child, blocks, title)
        if child.tail and child.tail.strip():
            blocks.append(Block(re.sub(r"\s+", " ", child.tail).strip()))


# ---------------------------------------------------------------------------------------------
# DOCX and PDF


def source_from_docx(data: bytes, *, name: str = "") -> Source:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds on a broken package
        raise ValidationError({"file": _("%(name)s is not a readable DOCX file.") % {"name": name}}) from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return blocks_from_lines(lines, name=name)


def source_from_pdf(data: bytes, *, name: str = "") -> Source:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ValidationError({"file": _("%(name)s is not a readable PDF file.") % {"name": name}}) from exc
    # a PDF breaks lines inside paragraphs: join a line to the next unless it ends a sentence
    paragraphs, current = [], ""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        current = f"{current} {line}".strip() if current else line
        if re.search(r"[.!?:…”\"]$", line) or parse_stamp(line) or len(paragraphs) == 0 and len(current) < 200:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return blocks_from_lines(paragraphs, name=name)


# ---------------------------------------------------------------------------------------------
# Files and ZIPs


def source_from_bytes(name: str, data: bytes) -> Source:
    ext = PurePosixPath(name.lower()).suffix
    if ext in HTML_EXTENSIONS or (ext not in KINDS and data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))):
        return source_from_html(data, name=name)
    if ext == ".docx":
        return source_from_docx(data, name=name)
    if ext == ".pdf":
        return source_from_pdf(data, name=name)
    if ext in TEXT_EXTENSIONS:
        return blocks_from_lines(decode(data).splitlines(), name=name)
    raise ValidationError({"file": _("%(name)s: only TXT, HTML, DOCX, PDF or a ZIP of them can be read.") % {"name": name}})


def articles_from_bytes(name: str, data: bytes) -> list[Article]:
    """One article per file; a ZIP gives one per member of a readable kind (folders and other kinds
    skipped; more than MAX_ZIP_MEMBERS members or an oversized member refused)."""
    if name.lower().endswith(".zip") or data[:4] == b"PK\x03\x04" and not name.lower().endswith(".docx"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise ValidationError({"file": _("%(name)s is not a readable ZIP file.") % {"name": name}}) from exc
        infos = [i for i in archive.infolist() if not i.is_dir() and PurePosixPath(i.filename).suffix.lower() in KINDS
                 and not PurePosixPath(i.filename).name.startswith(".") and "__MACOSX" not in i.filename]
        if len(infos) > MAX_ZIP_MEMBERS:
            raise ValidationError({"file": _("%(name)s holds more than %(n)s articles.") % {"name": name, "n": MAX_ZIP_MEMBERS}})
        if sum(i.file_size for i in infos) > MAX_ZIP_TOTAL_BYTES or any(i.file_size > MAX_MEMBER_BYTES for i in infos):
            raise ValidationError({"file": _("%(name)s is too large once unpacked.") % {"name": name}})
        out = []
        for info in sorted(infos, key=lambda i: i.filename):
            member = PurePosixPath(info.filename).name
            out.append(Article(member, source_from_bytes(member, archive.read(info))))
        return out
    return [Article(name, source_from_bytes(name, data))]
