/* A reading page (eucj_bank/site/reading_page.py): the document's text is in a frame of
   its own page (texts/<key>.html). Without script the frame scrolls by itself and the
   contents list opens each passage in it. With script (this file and eucj-text.js in
   the frame), the frame takes the text's full height, so the page has one scroll bar,
   and the page scrolls to a passage: one chosen in the contents list, or the one in
   its own address (#t-N), where the full-text search links. Messages are taken from
   that frame only, and only numbers are used from them. */
(function () {
  "use strict";
  var frame = document.querySelector("iframe.eucj-text-frame");
  if (!frame) return;
  var text = frame.getAttribute("src").split("#")[0];
  var wanted = /^#t-\d+$/.test(location.hash) ? location.hash : "";
  if (wanted) frame.src = text + wanted;  // the passage of the page's own address

  window.addEventListener("message", function (ev) {
    var data = ev.data;
    if (ev.source !== frame.contentWindow || !data || data.eucjText !== 1) return;
    if (typeof data.height === "number" && data.height > 0) {
      // CSSOM, which the Content-Security-Policy allows (a style attribute it would not)
      frame.style.height = Math.min(data.height + 2, 1e6) + "px";
    }
    var p = data.passage;
    if (p && typeof p.top === "number" && /^t-\d+$/.test(p.id)) {
      var header = document.querySelector(".md-header");
      var offset = header ? header.getBoundingClientRect().height + 8 : 8;
      var top = frame.getBoundingClientRect().top + window.scrollY + p.top - offset;
      // after the frame has its height, so that the page can scroll that far
      requestAnimationFrame(function () { window.scrollTo(0, Math.max(0, top)); });
      if (location.hash !== "#" + p.id) history.replaceState(null, "", "#" + p.id);
    }
  });
})();
