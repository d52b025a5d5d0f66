/*
 * The page's side of our search, loaded in <head> before Material's bundle
 * (overrides/main.html):
 *
 *  1. Nothing for search is downloaded until the reader focuses the search
 *     box. Material's bundle creates its search worker at page load; for our
 *     worker's address it gets a stand-in that starts the real worker (a
 *     module worker: worker.js imports core.js) on the first focus of the
 *     search box and passes messages through. Material's own index is not
 *     fetched at all: the search form carries no name="search"
 *     (overrides/partials/search.html), which is how Material's bundle
 *     decides whether to fetch it.
 *  2. When the index cannot be loaded, the search box says so instead of
 *     "no matching documents".
 *  3. Arriving from a result (?h=…), the matched words are highlighted on
 *     the page as Material does (mark[data-md-highlight]): Material's own
 *     highlighter needs its index, which is no longer loaded.
 */
(function () {
  "use strict";
  var NativeWorker = window.Worker;
  var OURS = /assets\/search\/worker\.js(\?|$)/;
  var MESSAGE = {
    ja: "検索インデックスを読み込めませんでした。ネットワークを確認して、もう一度お試しください。",
    en: "The search index could not be loaded. Check your connection and try again."
  };

  function language() {
    return (document.documentElement.lang || "ja").slice(0, 2) === "en" ? "en" : "ja";
  }

  function showFailure() {
    var meta = document.querySelector(".md-search-result__meta");
    var list = document.querySelector(".md-search-result__list");
    if (list) list.innerHTML = "";
    if (meta) {
      meta.textContent = MESSAGE[language()];
      meta.setAttribute("role", "alert");
    }
  }

  function LazyWorker(url) {
    var target = document.createDocumentFragment(); // an EventTarget for Material's listeners
    var real = null, queue = [];
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
    this.postMessage = function (message) {
      if (real) real.postMessage(message);
      else queue.push(message);
    };
    this.terminate = function () {
      if (real) real.terminate();
    };
    function start() {
      if (real) return;
      document.removeEventListener("focusin", onFocus, true);
      try {
        real = new NativeWorker(url, { type: "module" });
      } catch (error) {
        showFailure();
        return;
      }
      real.addEventListener("message", function (event) {
        if (event.data && event.data.type === "search-failed") showFailure();
        else {
          target.dispatchEvent(new MessageEvent("message", { data: event.data }));
          // the query the list now answers, for tests and tools that wait for it
          var result = document.querySelector(".md-search-result");
          if (result && event.data && event.data.data && typeof event.data.data.query === "string")
            result.setAttribute("data-search-query", event.data.data.query);
        }
      });
      real.addEventListener("error", showFailure);
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
    }
    function onFocus(event) {
      if (event.target && event.target.classList && event.target.classList.contains("md-search__input")) start();
    }
    document.addEventListener("focusin", onFocus, true);
  }

  window.Worker = function (url, options) {
    if (OURS.test(String(url))) return new LazyWorker(url);
    return new NativeWorker(url, options);
  };
  window.Worker.prototype = NativeWorker.prototype;

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function highlight() {
    var terms = (new URL(location.href).searchParams.get("h") || "").split(/\s+/).filter(Boolean);
    var content = document.querySelector("[data-md-component=content]");
    if (!terms.length || !content) return;
    var pattern = new RegExp(terms.sort(function (a, b) { return b.length - a.length; }).map(function (t) {
      var edge = /^[\p{L}\p{N}]/u.test(t) && /^[A-Za-z0-9]/.test(t) ? "(?<![\\p{L}\\p{N}])" : "";
      var end = /[A-Za-z0-9]$/.test(t) ? "(?![\\p{L}\\p{N}])" : "";
      return edge + escapeRegExp(t) + end;
    }).join("|"), "giu");
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement && node.parentElement.offsetHeight && !node.parentElement.closest("mark")) nodes.push(node);
    }
    nodes.forEach(function (node) {
      var text = node.textContent, last = 0, parts = [], m;
      pattern.lastIndex = 0;
      while ((m = pattern.exec(text))) {
        if (!m[0]) { pattern.lastIndex++; continue; }
        parts.push(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = m[0];
        parts.push(mark);
        last = m.index + m[0].length;
      }
      if (!parts.length) return;
      parts.push(document.createTextNode(text.slice(last)));
      node.replaceWith.apply(node, parts);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", highlight);
  else highlight();
})();
