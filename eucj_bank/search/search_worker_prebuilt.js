/*
 * EUCJ Resource Bank: the lunr index built at build time (eucj_bank/search/lunr_index.py),
 * loaded instead of built. Appended to the worker before search_worker.js, which calls it
 * from lunr's Builder when the setup message carried the index (config.eucjIndex).
 * - add(): Material's builder still "adds" every document, but only its field extractors
 *   run (they give each field the table its highlighting reads); nothing is tokenized.
 * - load(): lunr's serialised index from the compact form (front-coded terms, postings
 *   by document number in one flat list),
 *   each score computed here with lunr's idf, k1 and rounding, from the term's frequency
 *   (the same arithmetic as lunr's Builder, so the same numbers), then lunr.Index.load.
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
    return !!data && data.v === 2 && data.b === 0 && data.lunr === lunr.version && data.docs === docs.length;
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

  function load(builder, data) {
    var fields = data.fields, refs = builder.eucjRefs || [], k1 = data.k1, b = data.b, flat = data.postings;
    var n = data.index.length, where = scan(flat, n, fields.length), order = new Array(n), i, f, k;
    for (i = 0; i < n; i++) order[data.index[i]] = i;
    var vectors = fields.map(function () { return refs.map(function () { return []; }); });
    var boosts = refs.map(function (ref) { return builder._documents[ref].boost || 1; });
    var fieldBoosts = fields.map(function (name) { return builder._fields[name].boost || 1; });
    // In term number order, so that each vector's elements come sorted, as lunr's Vector keeps them.
    for (var j = 0; j < n; j++) {
      i = order[j];
      var at = where.offsets[i], weight = idf(where.counts[i], builder.documentCount);
      for (f = 0; f < fields.length; f++) {
        var count = flat[at++], doc = 0;
        for (k = 0; k < count; k++) {
          var code = flat[at++];
          doc += Math.floor(code / 2);
          var tf = code % 2 ? flat[at++] : 1;
          // lunr's Builder: fieldLength / average drops out with b = 0 (Material's setting)
          var score = weight * ((k1 + 1) * tf) / (k1 * (1 - b + b * 0) + tf);
          score *= fieldBoosts[f];
          score *= boosts[doc];
          vectors[f][doc].push(data.index[i], Math.round(score * 1000) / 1000);
        }
      }
    }
    var fieldVectors = [];
    for (f = 0; f < fields.length; f++)
      for (k = 0; k < refs.length; k++) fieldVectors.push([fields[f] + "/" + refs[k], vectors[f][k]]);
    var suffixes = n ? data.suffixes.split("\n") : [], terms = new Array(n), term = "";
    for (i = 0; i < n; i++) terms[i] = [term = term.slice(0, data.shared[i]) + suffixes[i], null];
    var index = lunr.Index.load({ version: data.lunr, fields: fields, fieldVectors: fieldVectors,
                                  invertedIndex: terms, pipeline: [] });
    // Postings on first use: a query reads a few terms' (most of the load time went to
    // making every one of them); Object.keys and hasOwnProperty see them all.
    terms.forEach(function (pair, i) {
      Object.defineProperty(index.invertedIndex, pair[0], { configurable: true, enumerable: true, get: function () {
        var value = posting(data, refs, where.offsets[i], i);
        Object.defineProperty(this, pair[0], { value: value, writable: true, enumerable: true, configurable: true });
        return value;
      } });
    });
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
