/* Full-text search inside the bank's documents (eucj_bank/search/fulltext.py writes
   the files this reads). It runs beside Material's search, not inside it: it reads
   what the reader types in Material's search box and shows its own list, "In the text
   of documents", under Material's results. The metadata search (Material's worker,
   eucj_bank/search/search_worker.js) is untouched; the seam is the search box and
   this list only.

   Each language has its own files under its root (`__config.base`), so a query on a
   Kazakh page searches Kazakh documents only. Files arrive as <script> tags (fetch of
   local files is blocked over file://): index.js (documents, shards), then the shard
   of each typed word's first two letters, then the text of the results shown. */
(function () {
  "use strict";
  var MAX_RESULTS = 8, MAX_FORMS = 40, SNIPPET = 180;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var base = new URL(config.base, location.href).href;
  // the site root: this script is assets/javascripts/eucj-fulltext.js under it
  var root = document.currentScript.src.replace(/assets\/javascripts\/eucj-fulltext\.js.*$/, "");
  // The stemmers the index was built with (eucj_bank/search/fulltext.py `stems`), loaded
  // with the first query: lunr (vendored, as Material bundles it) and its language module.
  var STEMMERS = {
    en: ["assets/javascripts/vendor/lunr/lunr.min.js"],
    ru: ["assets/javascripts/vendor/lunr/lunr.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
         "assets/javascripts/lunr/min/lunr.ru.min.js"],
    kk: ["assets/javascripts/vendor/lunr/lunr.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
         "assets/javascripts/lunr/min/lunr.kk.min.js"]
  };
  var lang = document.documentElement.lang || "en";
  var loaded = {}, store = { index: null, shards: {}, texts: {} };

  window.eucjFulltext = {
    index: function (l, data) { if (l === lang) store.index = data; },
    shard: function (l, key, data) { if (l === lang) store.shards[key] = data; },
    text: function (l, key, blocks) { if (l === lang) store.texts[key] = blocks; },
    loaded: function () { return Object.keys(loaded); }  // what was loaded so far (make bench)
  };

  function load(path, from) {
    var src = (from || base) + path;
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = script.onerror = function () { resolve(); };
        document.head.appendChild(script);
      });
    }
    return loaded[src];
  }

  function loadStemmer() {  // in order: each module extends the lunr of the one before
    return (STEMMERS[lang] || []).reduce(function (done, path) {
      return done.then(function () { return load(path, root); });
    }, Promise.resolve());
  }

  function stems(word) {
    var lunr = window.lunr;
    try {
      if (lang === "kk" && lunr && lunr.kk) return [].concat(lunr.kk.stemWord(lunr.kk.trimWord(word)));
      if (lang === "ru" && lunr && lunr.ru) return [lunr.ru.stemmer(new lunr.Token(word)).toString()];
      if (lang === "en" && lunr) return [lunr.stemmer(new lunr.Token(word)).toString()];
    } catch (e) { /* a word the stemmer cannot take: its forms as typed still match */ }
    return [];
  }

  // As eucj_bank.search.fulltext.normalise and words: NFC, lower case, ё as е.
  function words(text) {
    var found = text.normalize("NFC").toLowerCase().replace(/ё/g, "е").match(/[\p{L}\p{N}]+/gu) || [];
    return found.filter(function (w) { return w.length >= 2; });
  }

  function shardKey(word) {
    return Array.from(word).slice(0, 2).map(function (ch) { return ch.codePointAt(0).toString(16); }).join("-");
  }

  // Postings of a typed word: its forms in the text (the last word also as a prefix,
  // while it is being typed), through their stems. doc -> [score, block]
  // [shard, form or stem, postings ids] of a typed word: its stems, the form as typed,
  // and, for the last word while it is typed, the forms and stems it begins.
  function entries(word, isLast) {
    var out = [];
    [word].concat(stems(word)).forEach(function (key, i) {
      var shard = store.shards[shardKey(key)];
      if (!shard) return;
      if (shard.s[key] !== undefined) out.push([shard, key, [shard.s[key]], true]);
      if (i === 0 && shard.f[key] !== undefined) out.push([shard, key, [].concat(shard.f[key]), true]);
      if (i === 0 && isLast) {
        var n = 0;
        [shard.s, shard.f].forEach(function (table) {
          Object.keys(table).forEach(function (k) {
            if (k !== key && k.indexOf(key) === 0 && n++ < MAX_FORMS) out.push([shard, k, [].concat(table[k]), false]);
          });
        });
      }
    });
    return out;
  }

  function postings(word, isLast, matched) {
    var out = {}, seen = [];
    entries(word, isLast).forEach(function (entry) {
      var shard = entry[0], exact = entry[3] ? 1 : 0.5;
      matched.push(entry[1]);
      entry[2].forEach(function (id) {
        if (seen.indexOf(shard.p[id]) >= 0) return;
        seen.push(shard.p[id]);
        var p = shard.p[id], idf = p[0];
        for (var i = 1; i < p.length; i += 3) {
          var score = idf * Math.log(1 + p[i + 2]) * exact, had = out[p[i]];
          // one score per document; its snippet: the block of its rarest word (highest idf)
          if (!had) out[p[i]] = [score, p[i + 1], idf * exact];
          else {
            had[0] += score;
            if (idf * exact > had[2]) { had[1] = p[i + 1]; had[2] = idf * exact; }
          }
        }
      });
    });
    return out;
  }

  function search(query) {
    var terms = words(query);
    if (!terms.length) return Promise.resolve(null);
    return Promise.all([load("fulltext/index.js"), loadStemmer()]).then(function () {
      if (!store.index) return null;
      var known = store.index.shards;
      var wanted = [];
      terms.forEach(function (term) { wanted.push.apply(wanted, [term].concat(stems(term)).map(shardKey)); });
      var keys = wanted.filter(function (k, i, all) {
        return all.indexOf(k) === i && known.indexOf(k) >= 0;
      });
      return Promise.all(keys.map(function (k) { return load("fulltext/s/" + k + ".js"); })).then(function () {
        var total = null, matched = [];
        terms.forEach(function (term, i) {  // every word must occur in the document
          var found = postings(term, i === terms.length - 1, matched), next = {};
          Object.keys(found).forEach(function (doc) {
            if (total === null) next[doc] = found[doc];
            else if (total[doc]) {  // the block of the rarest word
              var best = found[doc][2] > total[doc][2] ? found[doc] : total[doc];
              next[doc] = [total[doc][0] + found[doc][0], best[1], best[2]];
            }
          });
          total = next;
        });
        var ranked = Object.keys(total || {}).map(function (doc) { return [+doc, total[doc][0], total[doc][1]]; });
        ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
        var shown = ranked.slice(0, MAX_RESULTS);
        var chunks = shown.map(function (r) { return load("fulltext/t/" + chunk(r[0], r[2]) + ".js"); });
        return Promise.all(chunks).then(function () {
          // highlight the typed words and the forms of the text they found, longest first
          var marks = terms.concat(matched).filter(function (w, i, all) { return all.indexOf(w) === i; });
          marks.sort(function (a, b) { return b.length - a.length; });
          return { count: ranked.length, hits: shown, terms: marks };
        });
      });
    });
  }

  // the chunk of a document's text holding block b: "<doc>-<k>"
  function chunk(doc, b) {
    var starts = store.index.docs[doc].c, k = 0;
    while (k + 1 < starts.length && starts[k + 1] <= b) k++;
    return doc + "-" + k;
  }

  function block(doc, b) {
    var key = chunk(doc, b), starts = store.index.docs[doc].c;
    return (store.texts[key] || [])[b - starts[+key.split("-")[1]]] || ["", ""];
  }

  function snippet(text, terms) {
    var lower = text.toLowerCase().replace(/ё/g, "е"), at = -1;
    terms.some(function (t) { at = lower.indexOf(t); return at >= 0; });
    var start = Math.max(0, at - 60);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;  // from a word's start
    var cut = text.slice(start, start + SNIPPET);
    return (start > 0 ? "… " : "") + cut + (start + SNIPPET < text.length ? " …" : "");
  }

  function mark(element, text, terms) {  // text nodes and <mark>s only: nothing becomes markup
    var lower = text.toLowerCase().replace(/ё/g, "е"), i = 0;
    while (i < text.length) {
      var next = -1, len = 0;
      terms.forEach(function (t) {
        var at = lower.indexOf(t, i);
        if (at >= 0 && (next < 0 || at < next)) { next = at; len = t.length; }
      });
      if (next < 0) { element.appendChild(document.createTextNode(text.slice(i))); break; }
      element.appendChild(document.createTextNode(text.slice(i, next)));
      var m = document.createElement("mark");
      m.textContent = text.slice(next, next + len);
      element.appendChild(m);
      i = next + len;
    }
  }

  function render(box, result) {
    box.textContent = "";
    if (!result || !result.count) { box.hidden = true; return; }
    var ui = store.index.ui, meta = document.createElement("div"), list = document.createElement("ol");
    // Own classes for the list and its items: Material's (md-search-result__item...) are
    // how readers' scripts and tests find Material's results, which these are not.
    meta.className = "eucj-fulltext__meta";
    meta.textContent = ui.heading.replace("{count}", result.count);
    list.className = "eucj-fulltext__list";
    result.hits.forEach(function (hit) {
      var doc = store.index.docs[hit[0]], passage = block(hit[0], hit[2]);
      var item = document.createElement("li"), link = document.createElement("a");
      var article = document.createElement("article"), title = document.createElement("h1");
      var text = document.createElement("p"), file = document.createElement("p");
      item.className = "eucj-fulltext-hit";
      link.className = "md-search-result__link";
      link.href = base + doc.h + (passage[0] ? "#" + passage[0] : "");
      article.className = "md-search-result__article md-typeset";
      title.textContent = doc.t;
      mark(text, snippet(passage[1], result.terms), result.terms);
      text.lang = lang;
      file.className = "eucj-fulltext-file";
      file.textContent = doc.f;
      article.append(title, text, file);
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
    box.append(meta, list);
    box.hidden = false;
  }

  function attach() {
    var input = document.querySelector("[data-md-component=search-query]");
    var results = document.querySelector("[data-md-component=search-result]");
    if (!input || !results) return;
    var box = document.createElement("section"), timer = null, latest = 0;
    box.className = "eucj-fulltext";
    box.hidden = true;
    box.setAttribute("aria-live", "polite");
    results.appendChild(box);
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var ticket = ++latest, query = input.value;
        search(query).then(function (result) {
          if (ticket !== latest) return;
          render(box, result);
          box.dataset.query = query;  // what the list shows results for (tests wait on it)
        });
      }, 120);
    });
    // The list of documents and the stemmer are small: fetched as the reader opens the
    // search box, they are there by the first keystroke.
    input.addEventListener("focus", function () { load("fulltext/index.js"); loadStemmer(); }, { once: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach);
  else attach();
})();
