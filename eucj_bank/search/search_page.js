/*
 * EUCJ Resource Bank: the search box's side on the page (loaded before Material's bundle).
 * - The search index loads when the search box is first focused or search is opened, not
 *   with the page, served or from disk: Material requests search/search_index.json as soon
 *   as a served page loads, and from disk it adds search/search_index.js to every page (its
 *   search highlighting waits for the index's config), 9 MB to parse at 5,000 resources.
 *   A page opened from a result (?h=... in its address: the words to highlight) loads
 *   it at once.
 * - Answers of the worker to an earlier query than the last one sent are dropped (see Wrapped).
 * - Under the result count, what was searched instead of the typed query ("Showing results
 *   for ...": keyboard layout, Latin letters, a typo) or, when nothing was found, the
 *   nearest indexed words as "did you mean", in the page's language. The worker sends it
 *   with the results (search_worker.js); it is written as text, never as markup.
 * GENERATED strings: hooks/search_worker.py fills STRINGS from eucj_bank/site/ui_strings.yaml.
 */
(function () {
  var STRINGS = /*STRINGS*/ null;
  var lang = document.documentElement.lang;
  var text = STRINGS[lang] || STRINGS.en;
  var QUERY = "[data-md-component=search-query]";

  // The index, on first use: the request (served) or the script (from disk) waits until
  // search is first focused or opened, unless this page highlights a search's words.
  var start, wanted = new Promise(function (resolve) { start = resolve; });
  if (/[?&]h=/.test(location.search)) start();
  document.addEventListener("focusin", function (ev) {
    if (ev.target && ev.target.matches && ev.target.matches(QUERY)) start();
  });
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.id === "__search" && ev.target.checked) start();
  });
  var INDEX = /search\/search_index\.(json|js)$/;
  var XHR = window.XMLHttpRequest;
  if (XHR && location.protocol !== "file:") {
    var open = XHR.prototype.open, send = XHR.prototype.send;
    XHR.prototype.open = function (method, url) {
      this.eucjIndex = INDEX.test(String(url));
      return open.apply(this, arguments);
    };
    XHR.prototype.send = function () {
      var xhr = this, args = arguments;
      if (!xhr.eucjIndex) return send.apply(xhr, args);
      wanted.then(function () { send.apply(xhr, args); });
    };
  }
  // From disk Material adds <script src=".../search/search_index.js"> to the head
  // (browser/script: document.head.appendChild) and waits for its load event.
  var head = document.head;
  if (location.protocol === "file:" && head) {
    var append = head.appendChild;
    head.appendChild = function (node) {
      if (node && node.tagName === "SCRIPT" && INDEX.test(node.src || "")) {
        wanted.then(function () { append.call(head, node); });
        return node;
      }
      return append.apply(head, arguments);
    };
  }

  function fill(template, query) { return template.replace("{query}", query); }

  function show(note) {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    // The worker hands Material the best 100 results only; the count says how many matched.
    var shown = document.querySelectorAll(".md-search-result__item").length;
    // Only Material's own words (the line's first text node) change: the full-text count
    // beside them (eucj-fulltext.js) is a node of its own.
    var words = meta.firstChild;
    if (note && note.total > 100 && shown && words && words.nodeType === Node.TEXT_NODE) {
      words.nodeValue = words.nodeValue.replace(/\d[\d.,]*k?/, String(note.total));
    }
    var old = meta.parentNode.querySelector(".eucj-search-note");
    if (old) old.remove();
    if (!note || !(note.instead || note.didYouMean)) return;
    var p = document.createElement("p");
    p.className = "eucj-search-note";
    if (note.instead) {
      p.textContent = fill(text.instead, note.instead);
    } else {
      var parts = text.didYouMean.split("{query}");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "eucj-search-suggestion";
      button.textContent = note.didYouMean;
      button.addEventListener("click", function () {
        var box = document.querySelector(QUERY);
        box.value = note.didYouMean;
        box.focus();
        box.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }));
      });
      p.append(parts[0], button, parts.slice(1).join(note.didYouMean));
    }
    meta.insertAdjacentElement("afterend", p);
  }

  var Native = window.Worker;
  if (!Native) return;
  // Material shows each answer with the query in the box at the time it arrives: the answer
  // to the empty query it sends when the worker is ready, arriving once a query was typed,
  // said "no matching documents" until that query's own answer came (0.3 s for a first
  // Kazakh query). An answer to a query other than the last one sent is dropped here, before
  // Material's listener (added after this one) sees it; the last one's answer follows.
  // From disk the worker is iframe-worker's frame, whose postMessage copies each message
  // with structuredClone: the setup message is the whole index (40 ms at 5,000 resources).
  // It is the page's own object, read by nothing else, so the frame gets it as it is.
  var Wrapped = function (url, options) {
    var worker = new Native(url, options), post = worker.postMessage, last = null;
    worker.postMessage = function (message) {
      if (message && message.type === 2 && typeof message.data === "string") last = message.data;
      var frame = message && message.type === 0 && worker.iframe && worker.iframe.contentWindow;
      if (frame && frame.document && frame.document.readyState === "complete") {
        Promise.resolve().then(function () { frame.dispatchEvent(new MessageEvent("message", { data: message })); });
        return;
      }
      return post.apply(worker, arguments);
    };
    worker.addEventListener("message", function (ev) {
      var data = ev.data, note = data && data.type === 3 && data.data && data.data.eucj;
      if (!data || data.type !== 3) return;
      if (note && typeof note.query === "string" && last !== null && note.query !== last) {
        ev.stopImmediatePropagation();
        return;
      }
      setTimeout(function () { show(note); }, 0);
    });
    return worker;
  };
  Wrapped.prototype = Native.prototype;
  window.Worker = Wrapped;
})();
