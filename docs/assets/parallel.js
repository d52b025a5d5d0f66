// Parallel-text view control: both languages, Japanese only or English only.
// The choice is kept in localStorage, so it holds across pages and visits.
(function () {
  "use strict";
  var KEY = "bilingual-view";
  var VIEWS = ["both", "ja", "en"];

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return VIEWS.indexOf(value) >= 0 ? value : "both";
    } catch (e) {
      return "both"; // storage may be disabled; the default still works
    }
  }

  function apply(view) {
    document.documentElement.setAttribute("data-view", view);
    var inputs = document.querySelectorAll('input[name="bilingual-view"]');
    for (var i = 0; i < inputs.length; i++) inputs[i].checked = inputs[i].value === view;
  }

  // Apply before first paint where possible, to avoid a flash of both columns.
  apply(stored());

  // The passage a reader is at: the one in the address, else the first one
  // still visible under the header.
  function currentPassage() {
    if (window.location.hash.length > 1) return window.location.hash;
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var passages = document.querySelectorAll(".seg[id]");
    for (var i = 0; i < passages.length; i++) {
      // still at the top of the page: the page itself, not its first passage
      if (passages[i].getBoundingClientRect().bottom > top + 8) return i ? "#" + passages[i].id : "";
    }
    return "";
  }

  // The language switcher keeps the reader on the same passage: the pages of
  // both languages share their anchors. Capture phase, so that this runs
  // before Material's own handler, which would drop the passage.
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
      var anchor = currentPassage();
      if (!anchor) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      window.location.assign(link.href.split("#")[0] + anchor);
    },
    true
  );

  // Printing gives the whole text: folded editor's notes open first.
  window.addEventListener("beforeprint", function () {
    var notes = document.querySelectorAll("details.seg-note");
    for (var i = 0; i < notes.length; i++) notes[i].open = true;
  });

  document.addEventListener("DOMContentLoaded", function () {
    apply(stored());
    // Material's search dialog has no accessible name; give it the search box's.
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
    }
    var controls = document.querySelectorAll(".view-control");
    for (var i = 0; i < controls.length; i++) {
      controls[i].hidden = false; // the control works only with script, so it shows only then
      controls[i].addEventListener("change", function (event) {
        if (event.target.name !== "bilingual-view") return;
        try {
          window.localStorage.setItem(KEY, event.target.value);
        } catch (e) {}
        apply(event.target.value);
      });
    }
  });
})();
