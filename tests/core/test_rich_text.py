"""Rich text: the server's sanitizer (what the editor, a Word paste or an API client sends) and the
editor's widget (its assets come from this server only, and it is a plain text area underneath)."""

import re

import pytest
from django.contrib.staticfiles import finders

from danvan.core.rich_text import as_html, sanitize
from danvan.core.widgets import RichTextarea

# What Word (Microsoft 365, Windows) puts on the clipboard for a heading, a bold run, an empty spacing
# paragraph, a bulleted list with a second level, a numbered list (in the saved-page comment form), a
# table with a merged row and an event handler, and a line break: written for these tests.
WORD = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><style><!-- p.MsoNormal {mso-style-parent:""; font-family:"Times New Roman";} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=VI style='tab-interval:36.0pt'><!--StartFragment-->
<h1 style='mso-margin-top-alt:auto'><span style='font-size:14.0pt'>Kết quả tháng 9</span></h1>
<p class=MsoNormal style='text-align:justify'><b><span style='mso-bidi-font-size:12.0pt'>Tổ hòa giải</span></b> thôn Khe Lếch<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Vận động 42 hộ hiến đất<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Làm 1,2 km đường<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span>&nbsp;</span></span></span><![endif]>Tổ chức 3 buổi đối thoại<o:p></o:p></p>
<p class=MsoNormal>Các bước:</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span><!--[endif]-->Khảo sát<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span style='mso-list:Ignore'>2.<span>&nbsp;&nbsp;</span></span><!--[endif]-->Họp dân<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0'><td width=200 valign=top style='width:150pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b>Thôn<o:p></o:p></b></p></td>
  <td width=200 valign=top style='background:url(javascript:alert(1))'><p class=MsoNormal><b>Số hộ</b></p></td></tr>
 <tr><td colspan=2 style='mso-x:1' onclick="alert(1)"><p class=MsoNormal>Khe Lếch: 42<o:p></o:p></p></td></tr>
</table>
<p class=MsoNormal>Dòng một<br style='mso-special-character:line-break'>Dòng hai</p>
<!--EndFragment--></body></html>"""


def flat(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


def test_a_word_paste_becomes_clean_lists_and_a_table():
    clean = flat(sanitize(WORD))
    assert clean.startswith("<h3>Kết quả tháng 9</h3><p><b>Tổ hòa giải</b> thôn Khe Lếch</p>")
    assert ("<ul><li>Vận động 42 hộ hiến đất<ul><li>Làm 1,2 km đường</li></ul></li>"
            "<li>Tổ chức 3 buổi đối thoại</li></ul>") in clean
    assert "<p>Các bước:</p><ol><li>Khảo sát</li><li>Họp dân</li></ol>" in clean
    assert ("<table><tbody><tr><td><p><b>Thôn</b></p></td><td><p><b>Số hộ</b></p></td></tr>"
            '<tr><td colspan="2"><p>Khe Lếch: 42</p></td></tr></tbody></table>') in clean
    assert clean.endswith("<p>Dòng một<br>Dòng hai</p>")
    for word_only in ("mso", "Mso", "style", "class", "o:p", "xml", "·", "&nbsp;", "\xa0", "url(", "onclick",
                      "javascript", "Times New Roman", "<span", "<h1"):
        assert word_only not in clean, word_only
    assert sanitize(sanitize(WORD)) == sanitize(WORD)  # cleaning twice changes nothing


def test_tables_lists_and_formatting_of_the_editor_are_kept():
    html = ("<h3>Tiêu đề</h3><p><strong>Đậm</strong> <em>nghiêng</em> <u>gạch chân</u><br>dòng mới</p>"
            "<ol><li>một</li><li>hai<ul><li>hai a</li></ul></li></ol><blockquote><p>trích</p></blockquote>"
            '<table><thead><tr><th colspan="2">Thôn</th></tr></thead>'
            '<tbody><tr><td rowspan="2">A</td><td>1</td></tr><tr><td>2</td></tr></tbody></table>')
    assert sanitize(html) == html


@pytest.mark.parametrize("dirty, clean", [
    ('<p onclick="x()">Tốt <script>alert(1)</script><b>lắm</b></p>', "<p>Tốt <b>lắm</b></p>"),
    ('<p><a href="javascript:alert(1)">bấm</a></p>', "<p>bấm</p>"),
    ('<p><img src="x" onerror="alert(1)">ảnh</p>', "<p>ảnh</p>"),
    ('<p style="background:url(https://example.org/x.png)">nền</p>', "<p>nền</p>"),
    ('<table><tr><td style="background-image:url(javascript:x)" class="x" id="y">ô</td></tr></table>',
     "<table><tbody><tr><td>ô</td></tr></tbody></table>"),
    ('<td colspan="0">a</td>', "a"),
    ('<table><tr><td colspan="999" rowspan="-1" onmouseover="x">a</td><td colspan="2x">b</td></tr></table>',
     "<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>"),
    ("<iframe src='https://example.org'></iframe><p>sau</p>", "<p>sau</p>"),
    ("<style>p{color:red}</style><p>chữ</p>", "<p>chữ</p>"),
    ("<svg><script>alert(1)</script></svg><p>x</p>", "<p>x</p>"),
    ("<form action='/x'><input name='a'><button>Gửi</button></form>", "Gửi"),
    ("<h1>Một</h1><h2>Hai</h2><h6>Sáu</h6>", "<h3>Một</h3><h3>Hai</h3>Sáu"),
    ("<!-- ghi chú --><p>a</p>", "<p>a</p>"),
    ("", ""),
    ("   \n ", ""),
])
def test_what_is_not_harmless_text_is_removed(dirty, clean):
    assert sanitize(dirty) == clean


def test_plain_text_keeps_its_line_breaks():
    # typed with JavaScript off, or sent so through the API
    assert sanitize("Dòng 1\nDòng 2\r\n\r\nĐoạn 2 <3 & >") == "<p>Dòng 1<br>Dòng 2</p>\n\n<p>Đoạn 2 &lt;3 &amp; &gt;</p>"
    # inline markup only: the line breaks are still the text's
    assert sanitize("Dòng <b>1</b>\nDòng 2") == "<p>Dòng <b>1</b><br>Dòng 2</p>"


def test_a_value_stored_as_plain_text_is_shown_with_its_line_breaks():
    assert as_html("Dòng 1\nDòng 2\n\nĐoạn <2>") == "<p>Dòng 1<br>Dòng 2</p>\n\n<p>Đoạn &lt;2&gt;</p>"
    assert as_html("<p>a</p><script>x</script>") == "<p>a</p>"  # stored HTML is checked again
    assert as_html("") == "" and as_html(None) == ""


def test_the_widget_is_a_text_area_with_the_editor_from_this_server():
    html = RichTextarea().render("n_DANG", "<p>Đã có</p>", attrs={"id": "id_n_DANG"})
    assert html.startswith("<textarea") and "&lt;p&gt;Đã có&lt;/p&gt;</textarea>" in html  # works without JS
    assert 'data-rich-text="1"' in html
    assert 'data-base-url="/static/vendor/tinymce"' in html
    assert 'data-content-css="/static/danvan/rich-text-content.css"' in html
    assert 'data-language-url="/static/vendor/tinymce-i18n/vi.js"' in html
    media = str(RichTextarea().media)
    assert media == ('<script src="/static/vendor/tinymce/tinymce.min.js"></script>\n'
                     '<script src="/static/danvan/rich-text.js"></script>')
    for text in (html, media):
        assert not re.search(r"https?://|//[a-z]", text)
    # every asset is served by staticfiles from the installed npm packages and our static folder
    for path in ("vendor/tinymce/tinymce.min.js", "vendor/tinymce/models/dom/model.min.js",
                 "vendor/tinymce/themes/silver/theme.min.js", "vendor/tinymce/icons/default/icons.min.js",
                 "vendor/tinymce/plugins/lists/plugin.min.js", "vendor/tinymce/plugins/table/plugin.min.js",
                 "vendor/tinymce/skins/ui/oxide/skin.min.css", "vendor/tinymce/skins/content/default/content.min.css",
                 "vendor/tinymce-i18n/vi.js", "danvan/rich-text.js", "danvan/rich-text-content.css"):
        assert finders.find(path), path


def test_the_editor_script_loads_nothing_from_outside():
    script = open(finders.find("danvan/rich-text.js"), encoding="utf-8").read()
    assert not re.search(r"https?://", script)
    assert 'license_key: "gpl"' in script

