/*
 * EUCJ Resource Bank: what Material's search worker does with a typed query.
 * Appended to Material's worker at build time (worker_patch.py), after the query
 * normaliser (self.eucjQuery) and the thesaurus (self.eucjThesaurus); nothing of the
 * theme is copied or edited. What we learned from Material 9.8's worker source:
 * - it appends "*" to every term and lunr runs no pipeline on a wildcard term, so an
 *   inflected query ("оценки*") found only words beginning with that form; it also turned
 *   stop words into wildcards ("к*" in "доверие к полиции");
 * - it builds the lunr index in the worker from the documents on every page load (2.7-5.8 s
 *   of CPU at 5,000 resources): the index is now built at build time and loaded
 *   (search_worker_prebuilt.js); when it is missing, stems are memoised per distinct word;
 * - Search.search() transforms and parses the query, then calls lunr's Index.search(): we
 *   replace that last call by our own clauses (eucjPlanQuery), planned from the raw query
 *   that search_worker_prelude.js caught before Material saw it.
 * The plan, per word of the reading of the query the index knows best (normaliser):
 * stop words are left out; each word's index terms (its stems) are searched exactly; only
 * the last word, from 3 letters, is also a prefix (typing); a Kazakh word also searches
 * its folded form (the index holds a folded twin of each Kazakh term), ranked below the
 * exact form; a word or phrase of the thesaurus also searches its equivalents; a word
 * that matches nothing is retried with edit distance 1 (5+ letters) or 2 (8+).
 */
(function (lunr) {
  if (!lunr || lunr.eucjPatched) return;
  lunr.eucjPatched = true;
  var state = self.eucjState, Q = self.eucjQuery, THESAURUS = self.eucjThesaurus || {};
  var EXACT = 10, FOLDED = 4, SYNONYM = 3, PREFIX = 2, TYPO = 0.5;
  var KIND_BOOST = { resource: 1.5, guide: 0.8, browse: 0.6 };
  // Material highlights every result before it shows the first ten: at 5,000 resources a
  // common word ("пробации": 3,443 pages) took 2.46 s. Only the best MAX_RESULTS go to it;
  // the page shows the full count (search_page.js).
  var MAX_RESULTS = 100;

  // Stems memoised per word: one stemmer call per distinct word of the whole index.
  function memoise(fn) {
    if (fn.eucjMemo) return fn;
    var cache = Object.create(null);
    var memo = function (token, i, tokens) {
      var key = token.toString();
      if (!(key in cache)) {
        var out = fn(token.clone(), i, tokens);
        cache[key] = out == null ? null : [].concat(out).map(String);
      }
      var got = cache[key];
      if (got === null) return null;
      return got.length === 1 ? token.update(function () { return got[0]; })
        : got.map(function (s) { return token.clone(function () { return s; }); });
    };
    memo.label = fn.label; memo.eucjMemo = true;
    return memo;
  }

  // The folded twin of each Kazakh word, next to the word, before stemming.
  function fold(token) {
    var folded = Q.fold(token.toString());
    return folded === token.toString() ? token : [token, token.clone(function () { return folded; })];
  }
  lunr.Pipeline.registerFunction(fold, "eucjFold");

  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.eucjReady) {
      this.eucjReady = true;
      var stack = this.pipeline._stack;
      for (var i = 0; i < stack.length; i++) if (/^stemmer/.test(stack[i].label || "")) stack[i] = memoise(stack[i]);
      var kkStem = stack.filter(function (f) { return f.label === "stemmer-kk"; })[0];
      if (kkStem) this.pipeline.before(kkStem, fold);
      // The same functions, without the twin, for the words of a query.
      state.queryPipeline = new lunr.Pipeline();
      state.queryPipeline._stack = stack.filter(function (f) { return f !== fold; });
    }
    var kind = kindOf(doc.location || "");
    var boost = (attributes && attributes.boost || 1) * KIND_BOOST[kind];
    attributes = Object.assign({}, attributes, { boost: boost });
    // The index built at build time: the documents are only registered (search_worker_prebuilt.js).
    return state.prebuilt ? self.eucjPrebuilt.add(this, doc, attributes) : add.call(this, doc, attributes);
  };

  function kindOf(location) {
    if (/^resources\//.test(location)) return "resource";
    if (/^(browse\/|catalogue\.html)/.test(location)) return "browse";
    return "guide";
  }

  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    lunr.eucjSearchPipeline = this.searchPipeline;
    state.index = state.prebuilt ? self.eucjPrebuilt.load(this, state.prebuilt) : build.apply(this, arguments);
    state.prebuilt = null;
    return state.index;
  };

  // What the index makes of one word: its terms, none for a stop word.
  function termsOf(word) {
    var pipeline = state.queryPipeline;
    return pipeline ? pipeline.runString(word).filter(Boolean) : [word];
  }

  function known(term) {
    return Object.prototype.hasOwnProperty.call(state.index.invertedIndex, term);
  }

  function knownPrefix(prefix) {
    if (state.index.eucjHasPrefix) return state.index.eucjHasPrefix(prefix);  // the prebuilt index: no token set walked
    var node = state.index.tokenSet;
    for (var i = 0; node && i < prefix.length; i++) node = node.edges[prefix.charAt(i)];
    return !!node;
  }

  // Edit distance, given up beyond `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1));
        if (cur[j] < best) best = cur[j];
      }
      if (best > limit) return limit + 1;
      prev = cur;
    }
    return prev[b.length];
  }

  // The words of the titles, with how often they occur: what "did you mean" and
  // "showing results for" offer for a mistyped word (built on the first typo).
  function lexicon() {
    if (!state.lexicon) {
      state.lexicon = Object.create(null);
      state.docs.forEach(function (doc) {
        words(String(doc.title || "").replace(/<[^>]+>/g, " ").toLowerCase()).forEach(function (w) {
          if (w.length >= 3 && !/\d/.test(w)) state.lexicon[w] = (state.lexicon[w] || 0) + 1;
        });
      });
    }
    return state.lexicon;
  }

  // The nearest title word within `limit` edits; the more frequent, then the first, on a tie.
  function nearest(word, limit) {
    var lex = lexicon(), best = null, bestD = limit + 1;
    for (var w in lex) {
      var d = distance(word, w, limit);
      if (d < bestD || (d === bestD && best !== null && lex[w] > lex[best])) { best = w; bestD = d; }
    }
    return bestD <= limit ? best : null;
  }

  function words(text) {
    return text.split(lunr.tokenizer.separator).map(function (w) { return w.trim(); }).filter(Boolean);
  }

  // How one word of a reading matches: "stop", "exact", "prefix", "folded" or "" (nothing).
  function matchOf(word, last) {
    var terms = termsOf(word);
    if (!terms.length) return "stop";
    if (terms.some(known)) return "exact";
    if (last && word.length >= 3 && (knownPrefix(word) || terms.some(knownPrefix))) return "prefix";
    var folded = termsOf(Q.fold(word));
    if (state.lang === "kk" && (folded.some(known) || (last && word.length >= 3 && knownPrefix(Q.fold(word))))) return "folded";
    if (synonyms(word).length) return "synonym";
    return "";
  }

  function synonyms(phrase) {
    var table = THESAURUS[state.lang] || {};
    return table[Q.fold(phrase)] || [];
  }

  // The reading of the query the index knows best (most words matched), the typed one on a tie.
  function chooseReading(raw) {
    var best = null;
    Q.alternatives(raw, state.lang).forEach(function (pair) {
      var list = words(pair[1]);
      var matched = list.filter(function (w, i) { var m = matchOf(w, i === list.length - 1); return m && m !== "stop"; });
      var score = matched.length + (synonyms(pair[1]).length ? list.length : 0);
      if (!best || score > best.score) best = { kind: pair[0], text: pair[1], words: list, score: score };
    });
    return best;
  }

  function clause(list, term, boost, extra) {
    list.push(Object.assign({ term: term, boost: boost, usePipeline: false }, extra || {}));
  }

  self.eucjPlanQuery = function (raw) {
    if (!state.index || !Q) return null;
    var reading = chooseReading(raw);
    if (!reading || !reading.words.length) return null;
    var clauses = [], corrected = [], typo = false, covered = {};
    // Phrases of the thesaurus ("electronic bracelet", "сервистік полиция"): their words
    // search the phrase's equivalents and are no typos.
    for (var n = reading.words.length; n >= 2; n--) {
      for (var s = 0; s + n <= reading.words.length; s++) {
        var found = synonyms(reading.words.slice(s, s + n).join(" "));
        for (var k = s; found.length && k < s + n; k++) covered[k] = true;
        found.forEach(function (syn) {
          words(syn).forEach(function (w) { termsOf(w).forEach(function (t) { clause(clauses, t, SYNONYM); }); });
        });
      }
    }
    reading.words.forEach(function (word, i) {
      var last = i === reading.words.length - 1, terms = termsOf(word);
      if (!terms.length) return;  // a stop word: never a wildcard, never a term
      var hit = matchOf(word, last);
      var prefixTyped = last && word.length >= 3 && knownPrefix(word);
      terms.forEach(function (t) {
        if (!prefixTyped || t.length >= 4 || t === word) clause(clauses, t, EXACT);
        if (last && t.length >= 3 && (!prefixTyped || t.length >= 4)) clause(clauses, t, PREFIX, { wildcard: lunr.Query.wildcard.TRAILING });
      });
      if (prefixTyped) clause(clauses, word, EXACT / 2, { wildcard: lunr.Query.wildcard.TRAILING });
      if (state.lang === "kk") {
        termsOf(Q.fold(word)).forEach(function (t) {
          clause(clauses, t, FOLDED);
          if (last && t.length >= 3) clause(clauses, t, FOLDED / 4, { wildcard: lunr.Query.wildcard.TRAILING });
        });
      }
      synonyms(word).forEach(function (s) { words(s).forEach(function (w) { termsOf(w).forEach(function (t) { clause(clauses, t, SYNONYM); }); }); });
      var fixed = word;
      if (!hit && !covered[i] && word.length >= 5) {
        var edits = word.length >= 8 ? 2 : 1;
        terms.forEach(function (t) { clause(clauses, t, TYPO, { editDistance: edits }); });
        var near = nearest(word, edits);
        if (near) { fixed = near; typo = true; }
      }
      corrected.push(fixed);
    });
    var shown = typo ? corrected.join(" ") : reading.text;
    var note = null;
    if (reading.kind !== "typed" || typo) note = { instead: shown };
    return { clauses: clauses, display: reading.kind !== "typed" ? reading.text : null, note: note, words: reading.words };
  };

  // Material wraps each position it is given in <mark>, as often as it is given: a word
  // that two terms of a query match (a stem and a prefix, a word and its folded twin) was
  // wrapped twice, the second cutting into the first («<mark><mar</mark>k>поли</mark>»).
  // Each position of a field is given once, with the first term that matched it.
  function onceEach(results) {
    results.forEach(function (result) {
      var seen = Object.create(null), metadata = result.matchData.metadata;
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          var data = metadata[term][field], positions = data && data.position;
          if (!Array.isArray(positions)) return;
          var keep = positions.filter(function (p) {
            var key = field + "\u0000" + p;
            return seen[key] ? false : (seen[key] = true);
          });
          // a new object: the index's own posting may be held here
          if (keep.length !== positions.length) metadata[term][field] = Object.assign({}, data, { position: keep });
        });
      });
    });
    return results;
  }

  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (queryString) {
    var plan = state.plan;
    state.plan = null;
    state.total = 0;
    if (!plan || this !== state.index) return onceEach(self.eucjPrebuilt.positions(this, search.call(this, queryString)));
    var results = plan.clauses.length ? this.query(function (q) { plan.clauses.forEach(function (c) { q.clause(c); }); }) : [];
    if (!results.length) {
      // Nothing found: the nearest indexed word of each word, as "did you mean".
      var guess = plan.words.map(function (w) {
        if (!termsOf(w).length || w.length < 4) return w;
        return nearest(w, 2) || w;
      }).join(" ");
      state.note = guess !== plan.words.join(" ") ? { didYouMean: guess } : null;
    }
    state.total = results.length;
    return onceEach(self.eucjPrebuilt.positions(this, results.slice(0, MAX_RESULTS)));
  };

  // Material matches "missing" terms and highlights with its own parse of the query; that
  // parse stems each term too, so "оценки*" is looked up as "оценк*".
  var parseTerm = lunr.QueryParser.parseTerm;
  lunr.QueryParser.parseTerm = function (parser) {
    var lexeme = parser.peekLexeme();
    var pipeline = lunr.eucjSearchPipeline;
    var match = lexeme && pipeline && /^([^*]+)\*$/.exec(lexeme.str.toLowerCase());
    if (match) {
      var terms = pipeline.runString(match[1]);
      if (terms.length && terms[0]) lexeme.str = terms[0] + "*";
    }
    return parseTerm(parser);
  };

  // What a resource's result shows (eucj_bank/search/result_display.py, `shown`, is the
  // twin and says why): «type · date», then the summary cut at the first space after
  // SNIPPET characters, with «…», in one paragraph. With the prebuilt index, each resource
  // entry gets that text at setup (search_worker_prelude.js), before Material reads it.
  var SNIPPET = self.eucjSnippetChars || 160, VOID = { br: 1, hr: 1, img: 1, wbr: 1 };
  function snippet(html) {
    // Plain text with single spaces (most summaries): a character is a UTF-16 unit and a
    // space a run, so the cut is the first space from SNIPPET on (6 times faster at setup).
    if (!/[<&\uD800-\uDFFF]|\s\s/.test(html)) {
      var at = html.length > SNIPPET ? html.slice(SNIPPET).search(/\s/) : -1;
      return at < 0 ? { html: html, cut: false } : { html: html.slice(0, SNIPPET + at), cut: true };
    }
    var out = "", open = [], count = 0, m, re = /(<[^>]*>)|(&#?[A-Za-z0-9]+;)|(\s+)|([^<&\s]+|[<&])/g;
    while ((m = re.exec(html))) {
      if (m[1]) {
        var name = (/^<\/?\s*([A-Za-z0-9]*)/.exec(m[1])[1] || "").toLowerCase();
        if (m[1].charAt(1) === "/") {
          var last = open.lastIndexOf(name);
          if (last >= 0) open.splice(last, 1);
        } else if (name && !VOID[name] && !/\/>$/.test(m[1])) open.push(name);
        out += m[1];
      } else if (m[3]) {
        if (count >= SNIPPET) return { html: out + open.reverse().map(function (n) { return "</" + n + ">"; }).join(""), cut: true };
        out += m[3];
        count += 1;
      } else {
        out += m[2] || m[4];
        count += m[2] ? 1 : Array.from(m[4]).length;  // characters, as Python counts them
      }
    }
    return { html: out, cut: false };
  }
  function display(text) {
    var paragraphs = [], m, re = /<p>([\s\S]*?)<\/p>/g;
    while ((m = re.exec(text))) paragraphs.push(m[1]);
    if (paragraphs.length < 3) return text;
    var facts = paragraphs[paragraphs.length - 2].split(" · ").slice(0, 2).join(" · ");
    var cut = snippet(paragraphs.slice(0, -2).map(function (p) { return p.trim(); }).join(" "));
    return cut.html.trim() ? "<p>" + facts + "<br/>" + cut.html + (cut.cut ? "…" : "") + "</p>" : "<p>" + facts + "</p>";
  }
  self.eucjDisplay = display;

  // Results: the query they answer and the note travel with them (search_page.js). Never
  // the identifier and file names a resource is found by (the last paragraph of its entry,
  // eucj_bank/site/resource_page.py, which begins with the identifier): only an index the
  // browser built itself (a preview's quick pass) shows the texts whole, and then Material
  // shows the (at most two) paragraphs holding a highlighted word.
  function withoutFoundBy(item) {
    var id = /^resources\/([^#\/]+)\.html$/.exec(item.location);
    if (!id || typeof item.text !== "string") return item.text;
    return item.text.replace(/<p>((?:(?!<p>)[\s\S])*?)<\/p>/g, function (whole, inner) {
      return inner.replace(/<[^>]*>/g, "").indexOf(id[1]) === 0 ? "" : whole;
    });
  }
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === 3 && message.data) {
      message.data.eucj = Object.assign({ total: state.total || 0, query: state.query }, state.note);
      (message.data.items || []).forEach(function (group) {
        group.forEach(function (item) { item.text = withoutFoundBy(item); });
      });
    }
    return post.apply(self, arguments);
  };
})(self.lunr);
