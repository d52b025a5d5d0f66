// The documents index (documents/): filters the list of documents by words,
// year and kind. Without this script the page is the plain list, and the
// filter form stays hidden. Filters can be given in the address
// (documents/?year=2025&kind=statement&q=chip) and are kept there.
(function () {
  "use strict";
  var form = document.querySelector("form.doc-filter");
  var list = document.querySelector("ol.doc-index");
  if (!form || !list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll("li.doc-card"));
  var count = form.querySelector(".doc-filter-count");
  var none = document.querySelector(".doc-filter-none");
  var fold = function (text) {
    return (text || "").normalize("NFKC").toLowerCase();
  };
  var texts = items.map(function (item) { return fold(item.textContent); });

  function apply() {
    var words = fold(form.q.value).split(/\s+/).filter(Boolean);
    var year = form.year.value;
    var kind = form.kind.value;
    var shown = 0;
    items.forEach(function (item, i) {
      var match = (!year || item.dataset.year === year) &&
        (!kind || item.dataset.kind === kind) &&
        words.every(function (word) { return texts[i].indexOf(word) !== -1; });
      item.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = count.dataset.template.replace("{shown}", String(shown));
    if (none) none.hidden = shown > 0;
  }

  function remember() {
    var params = new URLSearchParams();
    ["q", "year", "kind"].forEach(function (name) {
      if (form[name].value) params.set(name, form[name].value);
    });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  var given = new URLSearchParams(location.search);
  ["q", "year", "kind"].forEach(function (name) {
    var value = given.get(name);
    if (value === null) return;
    var field = form[name];
    if (field.tagName === "SELECT" && !field.querySelector('option[value="' + CSS.escape(value) + '"]')) return;
    field.value = value;
  });
  form.addEventListener("input", function () { apply(); remember(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
