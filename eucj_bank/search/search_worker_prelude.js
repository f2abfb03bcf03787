/*
 * EUCJ Resource Bank: runs before Material's search worker (worker_patch.py puts it first).
 * Material's message handler searches synchronously, so a listener added after it would
 * see a query only once it was answered. This one, added first, keeps the page's language
 * and documents (setup) and replaces each query by the reading of it that the index knows
 * (self.eucjPlanQuery, search_worker.js), so Material highlights and counts that reading.
 */
self.eucjState = { lang: "en", docs: [], plan: null, note: null, prebuilt: null, query: null };
// From disk (iframe-worker: a frame of the page) Material's worker loads lunr's language
// modules only when search is set up, one script after another (30-70 ms of a first
// search). They are loaded here, with the frame, from the address Material computes
// (integrations/search/worker/main: the lunr folder beside this script's), and Material's
// later importScripts of the same scripts waits for these instead of adding them again.
(function () {
  if (typeof parent === "undefined" || parent === self || !("IFrameWorker" in parent) || typeof document === "undefined") return;
  var lang = parent.document.documentElement.lang, script = document.querySelector("script[src]");
  var load = self.importScripts;
  if (!lang || lang === "en" || !script || typeof load !== "function") return;
  var base = script.src.split("/worker")[0] + "/lunr";
  var urls = [base + "/min/lunr.stemmer.support.min.js", base + "/min/lunr." + lang + ".min.js"];
  var loaded = load.apply(self, urls);
  self.importScripts = function () {
    var asked = Array.prototype.slice.call(arguments);
    return asked.join("\n") === urls.join("\n") ? loaded : load.apply(self, asked);
  };
})();
self.addEventListener("message", function (ev) {
  var message = ev.data;
  if (!message) return;
  if (message.type === 0 && message.data && message.data.config) {  // setup
    self.eucjState.lang = (message.data.config.lang || ["en"])[0];
    self.eucjState.docs = message.data.docs || [];
    // The index built at build time (lunr_index.py), if this worker can load it.
    var prebuilt = message.data.config.eucjIndex;
    self.eucjState.prebuilt = self.eucjPrebuilt && self.eucjPrebuilt.usable(prebuilt, self.eucjState.docs, self.lunr)
      ? prebuilt : null;
    // Searched in that index, a resource entry's text is only shown: what its result shows
    // (search_worker.js, display), in which Material highlights the words found.
    // (From disk the texts are those already: eucj_bank/search/result_display.py, for_disk.)
    if (self.eucjState.prebuilt && self.eucjDisplay && !message.data.config.eucjShown) self.eucjState.docs.forEach(function (doc) {
      if (/^resources\/[^#]+$/.test(doc.location || "") && typeof doc.text === "string") doc.text = self.eucjDisplay(doc.text);
    });
  } else if (message.type === 2 && typeof message.data === "string") {  // query
    self.eucjState.query = message.data;  // the results say which query they answer
    if (!self.eucjPlanQuery) return;
    var plan = self.eucjPlanQuery(message.data);
    self.eucjState.plan = plan;
    self.eucjState.note = plan && plan.note;
    if (plan && plan.display) message.data = plan.display;
  }
});
