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

  document.addEventListener("DOMContentLoaded", function () {
    apply(stored());
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
