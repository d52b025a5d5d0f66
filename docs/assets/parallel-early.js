// The parallel-text view the reader chose (parallel.js keeps it in
// localStorage), applied before the first paint: a blocking script in
// <head> (overrides/main.html), so that a reader who chose one language
// never sees both columns flash. A file, not a script in line, so that the
// Content-Security-Policy needs no exception for it.
try {
  var view = window.localStorage.getItem("bilingual-view");
  if (view === "ja" || view === "en") document.documentElement.setAttribute("data-view", view);
} catch (e) {}
