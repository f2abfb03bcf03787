/* The page of a document's text (texts/<key>.html, eucj_bank/site/text_document.py),
   when another page of the site frames it: the reading page (eucj-reading.js) or the
   search, which reads a result's passage from it (eucj-fulltext.js). Over file:// the
   two pages do not share an origin, so this page tells its parent, by postMessage:
   - its height, on load and whenever it changes (the reading page grows the frame);
   - where the passage named in its address (#t-N) is, and its text, on load and on
     each change of the address (a contents link opened in the frame).
   The text is the site's public text; what the parent does with it is its own
   (it shows it as text, never as markup). Nothing is taken from the parent. */
(function () {
  "use strict";
  if (window.parent === window) return;

  function passage() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = /^t-\d+$/.test(id) ? document.getElementById(id) : null;
    if (!el) return null;
    return { id: id, top: Math.round(el.getBoundingClientRect().top + window.scrollY),
             text: (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 8000) };
  }

  var last = -1;
  function send(withPassage) {
    var height = Math.ceil(document.body.getBoundingClientRect().height);  // the text, not the frame
    if (!withPassage && height === last) return;
    last = height;
    window.parent.postMessage({ eucjText: 1, height: height, passage: withPassage ? passage() : null }, "*");
  }

  send(true);
  window.addEventListener("load", function () { send(true); });
  window.addEventListener("hashchange", function () { send(true); });
  if (window.ResizeObserver) new ResizeObserver(function () { send(false); }).observe(document.body);
})();
