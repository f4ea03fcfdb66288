/* Drafts of long forms, kept in this browser (localStorage), and a warning before leaving unsaved changes.
 *
 * A form is kept when it is sent by POST and has a text area or data-draft (data-no-draft opts out).
 * Every change is saved as a draft under the page's address; when the page opens with a draft whose
 * values differ from the form's, a banner offers "Restore the draft" / "Discard" (texts from the
 * <template id="dv-draft-banner"> of the layout, so they are translated server-side). A draft equal to
 * what the page shows (the save went through) is dropped silently. Sending the form saves the draft
 * first, so a refused CSRF check or a lost connection does not lose the text. Served as a static file
 * (the Content-Security-Policy allows no inline script). */
(function () {
  "use strict";
  var PREFIX = "dv-draft:";
  var store;
  try { store = window.localStorage; store.getItem("x"); } catch (e) { return; }

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.name === "csrfmiddlewaretoken") return false;
      var t = (el.type || "").toLowerCase();
      return ["password", "file", "submit", "button", "reset", "image"].indexOf(t) < 0;
    });
  }
  function snapshot(form, withHidden) {
    var out = {};
    fieldsOf(form).forEach(function (el) {
      var t = (el.type || "").toLowerCase();
      if (t === "hidden" && !withHidden) return;
      var v;
      if (t === "checkbox" || t === "radio") { if (!el.checked) return; v = el.value; }
      else if (el.tagName === "SELECT" && el.multiple) {
        v = Array.prototype.filter.call(el.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; }).join("\u001f");
      } else v = el.value;
      out[el.name] = out[el.name] === undefined ? v : out[el.name] + "\u001e" + v;
    });
    return out;
  }
  function same(a, b) {
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every(function (k) { return a[k] === b[k]; });
  }
  function restore(form, values) {
    fieldsOf(form).forEach(function (el) {
      if (!(el.name in values)) {
        if (el.type === "checkbox" || el.type === "radio") el.checked = false;
        return;
      }
      var parts = String(values[el.name]).split("\u001e");
      var t = (el.type || "").toLowerCase();
      if (t === "checkbox" || t === "radio") el.checked = parts.indexOf(el.value) >= 0;
      else if (el.tagName === "SELECT" && el.multiple) {
        var chosen = parts[0].split("\u001f");
        Array.prototype.forEach.call(el.options, function (o) { o.selected = chosen.indexOf(o.value) >= 0; });
      } else if (t !== "hidden" || el.name === "version") el.value = parts[0];
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }
  function when(iso) {
    var d = new Date(iso), p = function (n) { return (n < 10 ? "0" : "") + n; };
    return p(d.getHours()) + ":" + p(d.getMinutes()) + " " + p(d.getDate()) + "/" + p(d.getMonth() + 1) + "/" + d.getFullYear();
  }

  var dirty = false, sending = false;
  window.addEventListener("beforeunload", function (e) {
    if (dirty && !sending) { e.preventDefault(); e.returnValue = ""; }
  });

  function keep(form, index) {
    var key = PREFIX + location.pathname + location.search + "#" + (form.id || index);
    var initial = snapshot(form, false);
    var saved = store.getItem(key), timer = null;
    function save() {
      var now = snapshot(form, false);
      dirty = !same(now, initial);
      if (!dirty) { store.removeItem(key); return; }
      store.setItem(key, JSON.stringify({ saved: new Date().toISOString(), title: document.title,
        url: location.pathname + location.search, fields: snapshot(form, true) }));
    }
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(save, 300); });
    form.addEventListener("change", save);
    form.addEventListener("submit", function () { clearTimeout(timer); save(); sending = true; });
    if (!saved) return;
    var draft;
    try { draft = JSON.parse(saved); } catch (e) { store.removeItem(key); return; }
    var visible = {};
    fieldsOf(form).forEach(function (el) { if (el.type !== "hidden" && el.name in draft.fields) visible[el.name] = draft.fields[el.name]; });
    if (same(visible, initial)) { store.removeItem(key); return; }
    var tpl = document.getElementById("dv-draft-banner");
    if (!tpl) return;
    var banner = tpl.content.firstElementChild.cloneNode(true);
    banner.querySelector("[data-draft-time]").textContent = when(draft.saved);
    banner.querySelector("[data-draft-restore]").addEventListener("click", function () {
      restore(form, draft.fields); dirty = true; banner.remove();
    });
    banner.querySelector("[data-draft-discard]").addEventListener("click", function () {
      store.removeItem(key); banner.remove();
    });
    form.parentNode.insertBefore(banner, form);
  }

  function listDrafts() {
    var box = document.getElementById("dv-draft-list");
    if (!box) return;
    var ul = box.querySelector("ul");
    for (var i = 0; i < store.length; i++) {
      var k = store.key(i);
      if (k.indexOf(PREFIX) !== 0) continue;
      try {
        var d = JSON.parse(store.getItem(k));
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = d.url; a.textContent = d.title + " (" + when(d.saved) + ")";
        li.appendChild(a); ul.appendChild(li); box.hidden = false;
      } catch (e) { /* not ours */ }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = Array.prototype.filter.call(document.querySelectorAll("form"), function (f) {
      return (f.method || "").toLowerCase() === "post" && !f.hasAttribute("data-no-draft") &&
        (f.hasAttribute("data-draft") || f.querySelector("textarea"));
    });
    forms.forEach(keep);
    listDrafts();
  });
})();
