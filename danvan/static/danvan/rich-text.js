/* The rich-text editor of narratives: TinyMCE (npm, served from /static/vendor/tinymce/) on every
 * <textarea data-rich-text> (danvan.core.widgets.RichTextarea). Nothing is loaded from elsewhere.
 *
 * - The toolbar offers what the server keeps (danvan.core.rich_text.sanitize): paragraphs and headings,
 *   bold, italics, underline, lists, tables; the editor's own filter drops the rest as it is typed or
 *   pasted, and the server cleans again whatever arrives (API clients included).
 * - Pasting from Word: Word's list paragraphs (mso-list) become real lists before the editor filters the
 *   paste (the same rule as the server's), so a pasted list stays a list.
 * - The text area stays the form's field: every change is written back to it and announced with an
 *   "input" event, so drafts.js keeps the draft and warns before leaving; a draft restored into the text
 *   area (drafts.js sets its value and fires "input") is loaded into the editor.
 * - Without JavaScript (or if the editor fails to start) the plain text area is used as is. */
(function () {
  "use strict";
  if (!window.tinymce) return;

  var VALID = "p,br,strong/b,em/i,u,ul,ol,li,h3,h4,h5,blockquote,table,thead,tbody,tfoot,tr," +
    "th[colspan|rowspan],td[colspan|rowspan]";
  var ORDERED = /^\(?(\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]/;
  var LEVEL = /mso-list:\s*l\d+\s+level(\d+)/i;

  /* Word's clipboard HTML: list paragraphs into <ul>/<ol> (nesting kept, typed markers removed). */
  function fromWord(html) {
    if (!/mso-list|class="?Mso|urn:schemas-microsoft-com/i.test(html)) return html;
    html = html.replace(/<!(?:--)?\[if !supportLists\](?:--)?>([\s\S]*?)<!(?:--)?\[endif\](?:--)?>/gi,
      '<span data-dv-marker="1">$1</span>')
      .replace(/<!(?:--)?\[if [^\]]*\](?:--)?>[\s\S]*?<!(?:--)?\[endif\](?:--)?>/gi, "");
    var doc = new DOMParser().parseFromString(html, "text/html");
    var parents = [doc.body].concat(Array.prototype.slice.call(doc.body.querySelectorAll("td,th,div,blockquote")));
    parents.forEach(function (parent) {
      var stack = [];
      Array.prototype.slice.call(parent.children).forEach(function (child) {
        var m = child.tagName === "P" ? LEVEL.exec(child.getAttribute("style") || "") : null;
        if (!m) { stack = []; return; }
        var level = parseInt(m[1], 10), marker = "";
        Array.prototype.slice.call(child.querySelectorAll("span")).forEach(function (span) {
          var style = (span.getAttribute("style") || "").replace(/\s/g, "");
          if (span.hasAttribute("data-dv-marker") || style.indexOf("mso-list:Ignore") >= 0) {
            if (span.isConnected && !marker) marker = span.textContent.replace(/[\s\u00a0]+/g, "");
            span.remove();
          }
        });
        var kind = ORDERED.test(marker) ? "OL" : "UL";
        while (stack.length && (stack[stack.length - 1].level > level ||
          (stack[stack.length - 1].level === level && stack[stack.length - 1].list.tagName !== kind))) stack.pop();
        var list;
        if (stack.length && stack[stack.length - 1].level === level) list = stack[stack.length - 1].list;
        else {
          list = doc.createElement(kind);
          var top = stack.length ? stack[stack.length - 1].list : null;
          if (top && top.lastElementChild) top.lastElementChild.appendChild(list);
          else { parent.insertBefore(list, child); stack = []; }
          stack.push({ level: level, list: list });
        }
        var item = doc.createElement("li");
        while (child.firstChild) item.appendChild(child.firstChild);
        list.appendChild(item);
        child.remove();
      });
    });
    Array.prototype.slice.call(doc.body.querySelectorAll("p")).forEach(function (p) {
      if (!p.textContent.replace(/[\s\u00a0]+/g, "") && !p.querySelector("br,table")) p.remove();
    });
    return doc.body.innerHTML;
  }

  function start(area) {
    var data = area.dataset, syncing = false;
    var options = {
      target: area,
      license_key: "gpl",
      base_url: data.baseUrl,
      suffix: ".min",
      menubar: false,
      branding: false,
      promotion: false,
      statusbar: true,
      elementpath: false,
      resize: true,
      min_height: 280,
      plugins: "lists table",
      toolbar: "undo redo | blocks | bold italic underline | bullist numlist outdent indent | table | removeformat",
      toolbar_mode: "wrap",
      block_formats: "Paragraph=p; Heading 3=h3; Heading 4=h4; Heading 5=h5",
      valid_elements: VALID,
      valid_styles: {},
      invalid_styles: "*",
      content_css: ["default", data.contentCss],
      table_default_attributes: {},
      table_default_styles: {},
      table_sizing_mode: "responsive",
      table_resize_bars: false,
      table_appearance_options: false,
      table_advtab: false,
      table_cell_advtab: false,
      table_row_advtab: false,
      table_style_by_css: false,
      table_use_colgroups: false,
      object_resizing: false,
      paste_data_images: false,
      paste_block_drop: true,
      paste_webkit_styles: "none",
      paste_remove_styles_if_webkit: true,
      paste_preprocess: function (editor, args) { args.content = fromWord(args.content); },
      convert_urls: false,
      entity_encoding: "raw",
      setup: function (editor) {
        function push() {
          if (syncing) return;
          syncing = true;
          editor.save();
          area.dispatchEvent(new Event("input", { bubbles: true }));
          syncing = false;
        }
        editor.on("input change undo redo ExecCommand paste keyup", function (e) {
          if (e.type === "keyup" && !editor.isDirty()) return;
          push();
        });
        area.addEventListener("input", function () {
          if (syncing) return;  // our own echo
          syncing = true;
          editor.setContent(area.value);
          editor.setDirty(false);
          syncing = false;
        });
      }
    };
    if (data.language && data.language !== "en") {
      options.language = data.language;
      if (data.languageUrl) options.language_url = data.languageUrl;
    }
    window.tinymce.init(options);
  }

  function startAll() {
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-rich-text]"), start);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
})();
