/*
 * EUCJ Resource Bank: the lunr index built at build time (eucj_bank/search/lunr_index.py),
 * loaded instead of built. Appended to the worker before search_worker.js, which calls it
 * from lunr's Builder when the setup message carried the index (config.eucjIndex).
 * - add(): Material's builder still "adds" every document, but only its field extractors
 *   run (they give each field the table its highlighting reads); nothing is tokenized.
 * - load(): lunr's index from the compact form (front-coded terms, postings by document
 *   number in one flat list), with nothing made before a query needs it. lunr.Index.load
 *   made every term's posting, every field's BM25 vector and the token set of all terms
 *   (at 5,000 resources most of a first search from disk). Here a term's posting and its
 *   scores are made the first time a query reads them; each score with lunr's idf, k1
 *   and rounding from the term's frequency (the same arithmetic as lunr's Builder, so the
 *   same numbers). A document's field vector only serves lunr's query as
 *   queryVector.similarity(fieldVector), the dot product over the query's terms divided
 *   by the query vector's magnitude: so it is a LazyVector, whose similarity reads the
 *   scores of those terms only, summed in the same order as lunr's dot product (the same
 *   float). Its `elements` (toJSON, tests) are the whole vector, made on demand. The token
 *   set answers an exact term or a prefix from the sorted terms (lunr's own intersect on
 *   a token set of those terms only: the same terms in the same order) and is built whole
 *   only for anything else (a typo's edit distance).
 * - positions(): Material highlights the token positions lunr stores with each posting;
 *   they are not shipped (most of lunr's JSON). A posting holds one marker instead, which
 *   lunr's MatchData copies (or appends to the posting: lunr 2.3.9 keeps a reference) as
 *   often as it would the positions; for the results shown, each marker becomes the
 *   term's positions in that field, found with Material's own tokenizer and the index
 *   pipeline: what lunr would have stored, as many times as it would have merged it.
 */
self.eucjPrebuilt = (function () {
  // Every posting's metadata: lunr copies it into its MatchData (see the patch of add below).
  var MARK = Object.freeze({ position: Object.freeze([-1]) });

  // lunr 2.3.9's MatchData.add keeps the posting's metadata object and later appends to it,
  // so positions grew inside the index from one query to the next; it gets a copy here.
  var addMatch = lunr.MatchData.prototype.add;
  lunr.MatchData.prototype.add = function (term, field, metadata) {
    var copy = Object.create(null);
    for (var key in metadata) copy[key] = metadata[key];
    return addMatch.call(this, term, field, copy);
  };

  function usable(data, docs, lunr) {
    return !!data && data.v === 3 && data.b === 0 && data.lunr === lunr.version && data.docs === docs.length;
  }

  function add(builder, doc, attributes) {
    var ref = doc[builder._ref], fields = Object.keys(builder._fields), lazy = builder.eucjLazy || (builder.eucjLazy = {});
    builder._documents[ref] = attributes || {};
    builder.documentCount += 1;
    (builder.eucjRefs || (builder.eucjRefs = [])).push(ref);
    var entry = lazy[ref] = {};
    for (var i = 0; i < fields.length; i++) {
      var extractor = builder._fields[fields[i]].extractor;
      var value = extractor ? extractor(doc) : doc[fields[i]];
      if (value !== undefined) entry[fields[i]] = { value: value, table: lunr.tokenizer.table, terms: null };
    }
  }

  // lunr.idf(posting, documentCount) from the number of documents holding the term.
  function idf(withTerm, documentCount) {
    var x = (documentCount - withTerm + 0.5) / (withTerm + 0.5);
    return Math.log(1 + Math.abs(x));
  }

  // The numbers of a text of lunr_index.encode_numbers: 5 bits a character, lowest first,
  // its value + 32 when more follow.
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", VALUE = new Int8Array(128).fill(-1);
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charCodeAt(d)] = d;
  function numbers(text) {
    var out = new Int32Array(text.length), count = 0, n = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i), digit = c < 128 ? VALUE[c] : -1;
      if (digit < 0 || shift > 25) throw new Error("search index: not a number at " + i);
      n |= (digit & 31) << shift;
      if (digit < 32) { out[count++] = n; n = 0; shift = 0; } else shift += 5;
    }
    return out.subarray(0, count);
  }

  // One pass over the flat postings: where each term's start, how many documents hold it.
  function scan(flat, terms, fields) {
    var offsets = new Array(terms), counts = new Array(terms), at = 0;
    for (var i = 0; i < terms; i++) {
      offsets[i] = at;
      var total = 0;
      for (var f = 0; f < fields; f++) {
        var count = flat[at++];
        total += count;
        for (var k = 0; k < count; k++) if (flat[at++] % 2) at++;
      }
      counts[i] = total;
    }
    return { offsets: offsets, counts: counts };
  }

  // lunr's posting of term i: { _index, field: { ref: metadata } }, made on first use.
  function posting(data, refs, at, i) {
    var out = { _index: data.index[i] }, flat = data.postings;
    for (var f = 0; f < data.fields.length; f++) {
      var field = out[data.fields[f]] = {}, count = flat[at++], doc = 0;
      for (var k = 0; k < count; k++) {
        var code = flat[at++];
        doc += Math.floor(code / 2);
        if (code % 2) at++;
        field[refs[doc]] = MARK;
      }
    }
    return out;
  }

  // lunr's Vector.similarity, for a document field's LazyVector: the query's terms only.
  function LazyVector(lazy, field, doc) { this.lazy = lazy; this.field = field; this.doc = doc; }
  Object.defineProperty(LazyVector.prototype, "elements", { get: function () {
    return this.lazy.vectors()[this.field][this.doc];
  } });
  LazyVector.prototype.toJSON = function () { return this.elements; };
  var similarity = lunr.Vector.prototype.similarity;
  lunr.Vector.prototype.similarity = function (other) {
    if (!(other instanceof LazyVector)) return similarity.call(this, other);
    var a = this.elements, dot = 0;
    for (var i = 0; i < a.length; i += 2) {
      var score = other.lazy.score(a[i], other.field, other.doc);
      if (score !== undefined) dot += a[i + 1] * score;
    }
    return dot / this.magnitude() || 0;
  };

  // The first and last position + 1 of the sorted terms that begin with `prefix`.
  function prefixRange(terms, prefix) {
    var lo = 0, hi = terms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < prefix) lo = mid + 1; else hi = mid; }
    var end = lo;
    while (end < terms.length && terms[end].slice(0, prefix.length) === prefix) end++;
    return [lo, end];
  }

  // The term a token set of lunr.TokenSet.fromString spells, and whether it ends in "*"
  // (a prefix); null for anything else (an edit distance, a wildcard inside).
  function spelled(set) {
    var word = "", node = set;
    for (;;) {
      var keys = Object.keys(node.edges);
      if (!keys.length) return node.final ? { word: word, prefix: false } : null;
      if (keys.length !== 1) return null;
      if (keys[0] === "*") return node.edges["*"] === node && node.final ? { word: word, prefix: true } : null;
      word += keys[0];
      node = node.edges[keys[0]];
    }
  }

  function lazyTokenSet(terms) {
    var whole = null;
    function all() { return whole || (whole = lunr.TokenSet.fromArray(terms)); }
    var set = Object.create(lunr.TokenSet.prototype);
    set.intersect = function (other) {
      var query = spelled(other);
      if (!query) return all().intersect(other);
      var range = prefixRange(terms, query.word);  // an exact term: the first of them, if it is the word
      if (!query.prefix) range[1] = terms[range[0]] === query.word ? range[0] + 1 : range[0];
      return lunr.TokenSet.fromArray(terms.slice(range[0], range[1])).intersect(other);
    };
    ["edges", "final", "id"].forEach(function (name) {
      Object.defineProperty(set, name, { get: function () { return all()[name]; } });
    });
    set.toArray = function () { return all().toArray(); };
    set.toString = function () { return all().toString(); };
    return set;
  }

  function load(builder, packed) {
    var data = Object.assign({}, packed, { index: numbers(packed.index), shared: numbers(packed.shared),
                                           postings: numbers(packed.postings) });
    var fields = data.fields, refs = builder.eucjRefs || [], k1 = data.k1, b = data.b, flat = data.postings;
    var n = data.index.length, where = scan(flat, n, fields.length), order = new Array(n), i;
    for (i = 0; i < n; i++) order[data.index[i]] = i;
    var boosts = refs.map(function (ref) { return builder._documents[ref].boost || 1; });
    var fieldBoosts = fields.map(function (name) { return builder._fields[name].boost || 1; });
    var fieldNumber = Object.create(null), docNumber = Object.create(null);
    fields.forEach(function (name, f) { fieldNumber[name] = f; });
    refs.forEach(function (ref, d) { docNumber[ref] = d; });

    // Term i's score in each field of each document holding it: [field][doc], on first use.
    var scores = new Array(n);
    function termScores(i) {
      if (scores[i]) return scores[i];
      var at = where.offsets[i], weight = idf(where.counts[i], builder.documentCount), out = [];
      for (var f = 0; f < fields.length; f++) {
        var count = flat[at++], doc = 0, field = out[f] = Object.create(null);
        for (var k = 0; k < count; k++) {
          var code = flat[at++];
          doc += Math.floor(code / 2);
          var tf = code % 2 ? flat[at++] : 1;
          // lunr's Builder: fieldLength / average drops out with b = 0 (Material's setting)
          var score = weight * ((k1 + 1) * tf) / (k1 * (1 - b + b * 0) + tf);
          score *= fieldBoosts[f];
          score *= boosts[doc];
          field[doc] = Math.round(score * 1000) / 1000;
        }
      }
      return scores[i] = out;
    }
    var whole = null;
    var lazy = {
      score: function (termNumber, f, doc) {
        var i = order[termNumber];
        return i === undefined ? undefined : termScores(i)[f][doc];
      },
      // Every field vector, as lunr's Builder makes them (elements by term number).
      vectors: function () {
        if (whole) return whole;
        whole = fields.map(function () { return refs.map(function () { return []; }); });
        for (var j = 0; j < n; j++) {
          var i = order[j], s = termScores(i);
          for (var f = 0; f < fields.length; f++)
            for (var doc in s[f]) whole[f][doc].push(j, s[f][doc]);
        }
        return whole;
      },
    };
    var suffixes = n ? data.suffixes.split("\n") : [], terms = new Array(n), term = "";
    for (i = 0; i < n; i++) terms[i] = term = term.slice(0, data.shared[i]) + suffixes[i];
    var index = lunr.Index.load({ version: data.lunr, fields: fields, fieldVectors: [], invertedIndex: [], pipeline: [] });
    // Postings on first use: a query reads a few terms'; Object.keys and hasOwnProperty see them all.
    var inverted = index.invertedIndex;
    terms.forEach(function (term, i) {
      Object.defineProperty(inverted, term, { configurable: true, enumerable: true, get: function () {
        var value = posting(data, refs, where.offsets[i], i);
        Object.defineProperty(this, term, { value: value, writable: true, enumerable: true, configurable: true });
        return value;
      } });
    });
    var vectors = Object.create(null);
    index.fieldVectors = new Proxy(vectors, {
      get: function (target, key) {
        if (typeof key !== "string") return undefined;
        if (key in target) return target[key];
        var slash = key.indexOf("/"), f = fieldNumber[key.slice(0, slash)], d = docNumber[key.slice(slash + 1)];
        return f === undefined || d === undefined ? undefined : (target[key] = new LazyVector(lazy, f, d));
      },
      has: function (target, key) { return this.get(target, key) !== undefined; },
      ownKeys: function () {
        var keys = [];
        fields.forEach(function (name) { refs.forEach(function (ref) { keys.push(name + "/" + ref); }); });
        return keys;
      },
      getOwnPropertyDescriptor: function (target, key) {
        var value = this.get(target, key);
        return value === undefined ? undefined : { value: value, writable: true, enumerable: true, configurable: true };
      },
    });
    index.tokenSet = lazyTokenSet(terms);
    index.eucjHasPrefix = function (prefix) { var r = prefixRange(terms, prefix); return r[1] > r[0]; };
    index.pipeline = builder.searchPipeline;
    index.eucjBuilder = builder;
    return index;
  }

  // The positions of each index term in one field of one document (cached).
  function termsOf(builder, entry) {
    if (!entry.terms) {
      entry.table.length = 0;
      lunr.tokenizer.table = entry.table;
      var terms = builder.pipeline.run(builder.tokenizer(entry.value, { fields: [] }));
      entry.terms = Object.create(null);
      terms.forEach(function (t) { (entry.terms[t.toString()] || (entry.terms[t.toString()] = [])).push(t.metadata.position); });
    }
    return entry.terms;
  }

  function positions(index, results) {
    var builder = index.eucjBuilder;
    if (!builder) return results;
    results.forEach(function (result) {
      var metadata = result.matchData.metadata, entries = builder.eucjLazy[result.ref] || {};
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          var marks = metadata[term][field].position || [], out = [];
          var found = entries[field] ? termsOf(builder, entries[field])[term] || [] : [];
          marks.forEach(function () { out.push.apply(out, found); });
          // a new object: lunr's MatchData may hold the index's own posting here
          metadata[term][field] = { position: out };
        });
      });
    });
    return results;
  }

  return { usable: usable, add: add, load: load, positions: positions };
})();
