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

  function load(builder, data) {
    var fields = data.fields, refs = builder.eucjRefs || [], k1 = data.k1, b = data.b, vectors = {};
    fields.forEach(function (f) { refs.forEach(function (ref) { vectors[f + "/" + ref] = []; }); });
    var suffixes = data.index.length ? data.suffixes.split("\n") : [], flat = data.postings, at = 0, term = "";
    var inverted = new Array(suffixes.length);
    for (var i = 0; i < suffixes.length; i++) {
      term = term.slice(0, data.shared[i]) + suffixes[i];
      var posting = { _index: data.index[i] }, found = [];
      for (var f = 0; f < fields.length; f++) {
        var field = posting[fields[f]] = {}, count = flat[at++], doc = 0;
        for (var k = 0; k < count; k++) {
          var code = flat[at++];
          doc += Math.floor(code / 2);
          field[refs[doc]] = { position: [-1] };
          found.push(f, doc, code % 2 ? flat[at++] : 1);
        }
      }
      var idf = lunr.idf(posting, builder.documentCount);
      for (k = 0; k < found.length; k += 3) {
        var name = fields[found[k]], ref = refs[found[k + 1]], tf = found[k + 2];
        // lunr's Builder: fieldLength / average drops out with b = 0 (Material's setting)
        var score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * 0) + tf);
        score *= builder._fields[name].boost || 1;
        score *= builder._documents[ref].boost || 1;
        vectors[name + "/" + ref].push([posting._index, Math.round(score * 1000) / 1000]);
      }
      inverted[i] = [term, posting];
    }
    var fieldVectors = Object.keys(vectors).map(function (key) {
      var flatVector = [];
      vectors[key].sort(function (x, y) { return x[0] - y[0]; }).forEach(function (e) { flatVector.push(e[0], e[1]); });
      return [key, flatVector];
    });
    var index = lunr.Index.load({ version: data.lunr, fields: fields, fieldVectors: fieldVectors,
                                  invertedIndex: inverted, pipeline: [] });
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
