/* Full-text search inside the bank's documents (eucj_bank/search/fulltext.py writes
   the files this reads). Its hits join Material's result list: one list, the
   metadata results Material shows first (resources whose title, summary or facets
   match), then the passages of documents, each with its resource's title, the
   passage as a snippet and a link to the passage in the reading page. The metadata
   search (Material's worker, eucj_bank/search/search_worker.js) is untouched; the
   seam is the search box, the list and its count line.

   Each language has its own files under its root (`__config.base`), so a query on a
   Kazakh page searches Kazakh documents only. Files arrive as <script> tags (fetch of
   local files is blocked over file://): index.js (documents, shards), then the shard
   of each typed word's first two letters. A result's snippet is read from the one
   stored page of its document's text (texts/<key>.html#t-N, in a hidden frame that
   answers by postMessage: eucj-text.js). Every keystroke searches at once (no
   debounce); an answer to an older query is dropped. */
(function () {
  "use strict";
  var MAX_RESULTS = 5, MAX_FORMS = 40, SNIPPET = 180;
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
  var loaded = {}, store = { index: null, shards: {}, passages: {} };

  window.eucjFulltext = {
    index: function (l, data) { if (l === lang) store.index = data; },
    shard: function (l, key, data) { if (l === lang) store.shards[key] = data; },
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

  // The query normaliser and thesaurus the metadata worker runs (eucj_bank/search/
  // worker_patch.py writes both into eucj-query.js): a query typed in the wrong keyboard
  // layout, in Latin letters or without the Kazakh letters reads here as it does there.
  function loadQuery() { return load("assets/javascripts/eucj-query.js", root); }

  function stems(word) {
    var lunr = window.lunr;
    try {
      if (lang === "kk" && lunr && lunr.kk) return [].concat(lunr.kk.stemWord(lunr.kk.trimWord(word)));
      if (lang === "ru" && lunr && lunr.ru) return [lunr.ru.stemmer(new lunr.Token(word)).toString()];
      if (lang === "en" && lunr) return [lunr.stemmer(new lunr.Token(word)).toString()];
    } catch (e) { /* a word the stemmer cannot take: its forms as typed still match */ }
    return [];
  }

  // A stop word is no term, in the index (fulltext.py `variants`) as in the metadata's.
  function isStop(word) {
    var lunr = window.lunr, module = lunr && (lang === "en" ? lunr : lunr[lang]);
    if (!module || !module.stopWordFilter) return false;
    var trimmed = lang === "kk" ? module.trimWord(word) : word;
    return !trimmed || !module.stopWordFilter(new lunr.Token(trimmed));
  }

  function fold(word) { return window.eucjQuery ? window.eucjQuery.fold(word) : word; }

  function synonyms(phrase) {  // the thesaurus' equivalents of a word or phrase
    var table = (window.eucjThesaurus || {})[lang] || {};
    return table[fold(phrase)] || [];
  }

  // The readings of a query to try, the typed one first (eucjQuery.alternatives).
  function readings(query) {
    var Q = window.eucjQuery;
    return (Q ? Q.alternatives(query, lang) : [["typed", query]]).map(function (pair) {
      return { kind: pair[0], words: words(pair[1]) };
    });
  }

  // As eucj_bank.search.fulltext.normalise and words: NFC, lower case, ё as е.
  function words(text) {
    var found = text.normalize("NFC").toLowerCase().replace(/ё/g, "е").match(/[\p{L}\p{N}]+/gu) || [];
    return found.filter(function (w) { return w.length >= 2; });
  }

  function shardKey(word) {
    return Array.from(word).slice(0, 2).map(function (ch) { return ch.codePointAt(0).toString(16); }).join("-");
  }

  // [shard, form or stem, postings ids, exact] of a typed word: its stems, the form as
  // typed, and, for the last word while it is typed, the forms and stems it begins.
  function entries(word, isLast) {
    var out = [];
    [word].concat(stems(word)).forEach(function (key, i) {
      var shard = store.shards[shardKey(key)];
      if (!shard) return;
      if (shard.s[key] !== undefined) out.push([shard, key, [shard.s[key]], true]);
      if (i === 0 && shard.f[key] !== undefined) out.push([shard, key, [].concat(shard.f[key]), true]);
      if (i === 0 && isLast && word.length >= 3) {
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

  // doc -> [score, passage, weight of the passage's word]: one score per document; its
  // snippet is the passage of its rarest word (highest idf).
  function postings(word, isLast, weight, matched) {
    var out = {}, seen = [];
    entries(word, isLast).forEach(function (entry) {
      var shard = entry[0], w = weight * (entry[3] ? 1 : 0.5);
      matched.push(entry[1]);
      entry[2].forEach(function (id) {
        if (seen.indexOf(shard.p[id]) >= 0) return;
        seen.push(shard.p[id]);
        var p = shard.p[id], idf = p[0];
        for (var i = 1; i < p.length; i += 3) add(out, p[i], idf * Math.log(1 + p[i + 2]) * w, p[i + 1], idf * w);
      });
    });
    return out;
  }

  function add(into, doc, score, block, weight) {
    var had = into[doc];
    if (!had) into[doc] = [score, block, weight];
    else {
      had[0] += score;
      if (weight > had[2]) { had[1] = block; had[2] = weight; }
    }
  }

  function either(a, b) {  // documents of a or b, scores added
    Object.keys(b).forEach(function (doc) { add(a, doc, b[doc][0], b[doc][1], b[doc][2]); });
    return a;
  }

  function both(a, b) {  // documents of a and b (a null: b)
    if (a === null) return b;
    var out = {};
    Object.keys(b).forEach(function (doc) {
      if (!a[doc]) return;
      out[doc] = a[doc].slice();
      add(out, doc, b[doc][0], b[doc][1], b[doc][2]);
    });
    return out;
  }

  // Every word of a phrase, none a prefix (an equivalent from the thesaurus).
  function allOf(list, weight, matched) {
    var total = null;
    list.forEach(function (w) { if (!isStop(w)) total = both(total, postings(w, false, weight, matched)); });
    return total || {};
  }

  // One reading's documents: every word must occur (AND). A word matches its forms and
  // stems (the last one also as a prefix), a Kazakh word also its folded form (the index
  // holds a folded twin of each Kazakh form) below the exact one, and a word or phrase of
  // the thesaurus also matches its equivalents, below it.
  function run(list, matched) {
    var total = null, i = 0;
    while (i < list.length) {
      var span = 1, found = null;
      for (var n = Math.min(4, list.length - i); n >= 2 && !found; n--) {
        var phrase = list.slice(i, i + n).join(" ");
        if (synonyms(phrase).length) { span = n; found = allOf(list.slice(i, i + n), 1, matched); }
      }
      var word = list[i], isLast = i + span === list.length;
      if (!found) {
        if (isStop(word)) { i += 1; continue; }
        found = postings(word, isLast, 1, matched);
        if (lang === "kk" && fold(word) !== word) either(found, postings(fold(word), isLast, 0.5, matched));
      }
      synonyms(list.slice(i, i + span).join(" ")).forEach(function (equivalent) {
        either(found, allOf(words(equivalent), 0.5, matched));
      });
      total = both(total, found);
      i += span;
    }
    return total || {};
  }

  // The shards a reading may read: its words', stems' and folded forms', and those of
  // the thesaurus' equivalents.
  function shardsFor(list) {
    var wanted = [];
    function want(w) { wanted.push.apply(wanted, [w, fold(w)].concat(stems(w), stems(fold(w))).map(shardKey)); }
    list.forEach(function (w, i) {
      want(w);
      for (var n = 1; n <= 4 && i + n <= list.length; n++) {
        synonyms(list.slice(i, i + n).join(" ")).forEach(function (e) { words(e).forEach(want); });
      }
    });
    return wanted;
  }

  function search(query) {
    var first = words(query);
    if (!first.length) return Promise.resolve(null);
    return Promise.all([load("fulltext/index.js"), loadStemmer(), loadQuery()]).then(function () {
      if (!store.index) return null;
      var known = store.index.shards, tries = readings(query), wanted = [];
      tries.forEach(function (reading) { wanted.push.apply(wanted, shardsFor(reading.words)); });
      var keys = wanted.filter(function (k, i, all) { return all.indexOf(k) === i && known.indexOf(k) >= 0; });
      return Promise.all(keys.map(function (k) { return load("fulltext/s/" + k + ".js"); })).then(function () {
        // the typed reading, else the first other one that finds something (as the worker
        // reads the query, which says on the list what was searched instead)
        for (var r = 0; r < tries.length; r++) {
          var matched = [], total = run(tries[r].words, matched);
          var ranked = Object.keys(total).map(function (doc) { return [+doc, total[doc][0], total[doc][1]]; });
          if (!ranked.length && r < tries.length - 1) continue;
          ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
          // highlight the typed words and the forms of the text they found, longest first
          var marks = tries[r].words.concat(matched).filter(function (w, i, all) {
            return all.indexOf(w) === i && !isStop(w);
          });
          marks.sort(function (a, b) { return b.length - a.length; });
          return { count: ranked.length, hits: ranked.slice(0, MAX_RESULTS), terms: marks };
        }
        return null;
      });
    });
  }

  // The text of passage t-N of a document, from its page (texts/<key>.html#t-N) in a
  // hidden frame, which tells it by postMessage (eucj-text.js); "" if it does not
  // answer in time. Only a string is taken from the message, and shown as text.
  // Frames are read one at a time, each when the page is idle: over file:// a frame is
  // parsed on the page's own thread, as is Material's search (its worker runs in a frame
  // there too), and five text pages read at once delayed Material's results by 0.15-0.2 s
  // at N = 1,000 (make bench). A passage whose hit is no longer shown is not read.
  var PASSAGE_WAIT = 3000, queue = [], reading = false;
  function passage(doc, n, shown) {
    var key = store.index.docs[doc].k + "#t-" + n;
    if (store.passages[key] !== undefined) return Promise.resolve(store.passages[key]);
    return new Promise(function (resolve) {
      queue.push({ key: key, n: n, shown: shown, resolve: resolve });
      next();
    });
  }

  function whenIdle(fn) {
    if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 300 });
    else setTimeout(fn, 20);
  }

  function next() {
    if (reading || !queue.length) return;
    reading = true;
    whenIdle(function () {
      var job = queue.shift();
      function then(text) { job.resolve(text); reading = false; next(); }
      if (store.passages[job.key] !== undefined) then(store.passages[job.key]);
      else if (!job.shown.isConnected) then("");
      else readFrame(job.key, job.n, then);
    });
  }

  function readFrame(key, n, then) {
    var src = root + "texts/" + key.split("#")[0] + ".html";
    [src, root + "assets/javascripts/eucj-text.js", root + "assets/stylesheets/eucj-text.css"].forEach(function (u) {
      loaded[u] = loaded[u] || Promise.resolve();  // listed for make bench's byte count
    });
    var frame = document.createElement("iframe"), timer;
    function done(text) {
      clearTimeout(timer);
      window.removeEventListener("message", listen);
      frame.remove();
      store.passages[key] = text;
      then(text);
    }
    function listen(ev) {
      var p = ev.data && ev.data.passage;
      if (ev.source === frame.contentWindow && p && p.id === "t-" + n && typeof p.text === "string") done(p.text);
    }
    window.addEventListener("message", listen);
    timer = setTimeout(function () { done(""); }, PASSAGE_WAIT);
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute("aria-hidden", "true");
    frame.src = src + "#t-" + n;
    document.body.appendChild(frame);
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

  // The hits as items of Material's list, after its own (metadata first, then
  // passages), in Material's markup for a result; their own class, eucj-fulltext-hit
  // (md-search-result__item is how readers' scripts and tests find Material's results).
  function items(result) {
    return result.hits.map(function (hit) {
      var doc = store.index.docs[hit[0]];
      var item = document.createElement("li"), link = document.createElement("a");
      var article = document.createElement("article"), title = document.createElement("h1");
      var para = document.createElement("p"), facts = document.createElement("p");
      item.className = "eucj-fulltext-hit";
      link.className = "md-search-result__link";
      link.href = base + "read/" + doc.k + ".html#t-" + hit[2];
      article.className = "md-search-result__article md-typeset";
      title.textContent = doc.t;
      para.className = "eucj-fulltext-snippet";
      para.lang = lang;
      // the snippet comes from the text's page: the hit is shown at once, its passage when it is read
      para.eucjFill = passage(hit[0], hit[2], item).then(function (text) {
        if (text) mark(para, snippet(text, result.terms), result.terms);
      });
      facts.className = "eucj-fulltext-facts";  // type and year: never an id or a file name
      facts.textContent = doc.m;
      article.append(title, facts, para);
      link.appendChild(article);
      item.appendChild(link);
      return item;
    });
  }

  function attach() {
    var input = document.querySelector("[data-md-component=search-query]");
    var results = document.querySelector("[data-md-component=search-result]");
    var list = results && results.querySelector(".md-search-result__list");
    var meta = results && results.querySelector(".md-search-result__meta");
    if (!input || !list || !meta) return;
    var latest = 0, shown = [], count = null, shownFor = "";

    // Material empties and refills its list (and rewrites the count line) on each of
    // its answers, and adds results as the reader scrolls: after each change, the hits
    // of the query in the box are put back at the end, and the count line names them.
    function place() {
      observer.disconnect();
      if (shownFor !== input.value) {  // typed on: these hits answer an older query
        shown.forEach(function (item) { item.remove(); });
        shown = [];
        count = null;
      }
      var last = list.lastElementChild, ours = shown.length ? shown[shown.length - 1] : null;
      if (ours && last !== ours) shown.forEach(function (item) { list.appendChild(item); });
      // With results of its own, Material's count stays first ("3 matching documents ·
      // In the text of documents: 2"). Without, what it says ("no matching documents",
      // "Type to start searching" while its answer is on the way, "Initializing search")
      // is not true of this list: it is kept hidden (eucj-fulltext__said) and the line
      // names the passages alone; it is back when they go. When Material answers, it
      // rewrites the whole line (textContent) and this runs again.
      var old = meta.querySelector(".eucj-fulltext__count"), said = meta.querySelector(".eucj-fulltext__said");
      var own = !!list.querySelector(".md-search-result__item");
      if (old && !count) old.remove();
      if (said && (own || !count)) {
        while (said.firstChild) meta.insertBefore(said.firstChild, said);
        said.remove();
      }
      if (count) {
        if (!own && !said) {
          said = document.createElement("span");
          said.className = "eucj-fulltext__said";
          said.hidden = true;
          Array.prototype.slice.call(meta.childNodes).forEach(function (node) { if (node !== old) said.appendChild(node); });
          meta.insertBefore(said, meta.firstChild);
        }
        if (!old) {
          old = document.createElement("span");
          old.className = "eucj-fulltext__count";
          meta.appendChild(old);
        }
        var heading = store.index.ui.heading.replace("{count}", count), text = own ? " · " + heading : heading;
        if (old.textContent !== text) old.textContent = text;
      }
      observer.observe(list, { childList: true });
      observer.observe(meta, { childList: true, characterData: true, subtree: true });
    }
    var observer = new MutationObserver(place);

    function show(result, query) {
      shown.forEach(function (item) { item.remove(); });
      var old = meta.querySelector(".eucj-fulltext__count");
      if (old) old.remove();
      shown = result && result.count ? items(result) : [];
      count = shown.length ? result.count : null;
      shownFor = query;
      place();
      results.dataset.eucjFulltext = query;  // what the list shows passages for (tests wait on it)
      Promise.all(shown.map(function (item) { return item.querySelector(".eucj-fulltext-snippet").eucjFill; })).then(function () {
        if (shownFor === query) results.dataset.eucjFulltextSnippets = query;  // and their snippets
      });
    }

    input.addEventListener("input", function () {
      var ticket = ++latest, query = input.value;
      search(query).then(function (result) {
        if (ticket === latest) show(result, query);
      });
    });
    // The list of documents and the stemmer are small: fetched as the reader opens the
    // search box, they are there by the first keystroke.
    input.addEventListener("focus", function () { load("fulltext/index.js"); loadStemmer(); loadQuery(); }, { once: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach);
  else attach();
})();
