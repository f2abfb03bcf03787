/*
 * EUCJ Resource Bank: inflected queries in Material's search worker.
 *
 * Material appends "*" to every query term, so results appear while typing, and
 * lunr runs no pipeline on a wildcard term. With a stemmed index, a query typed
 * in one form ("оценки") then only matched words beginning with that form and
 * missed the others ("оценка", "оценку"). Here the typed term is stemmed with the
 * index's own search pipeline (so each language uses its own stemmer) and keeps
 * its wildcard: "оценки*" becomes "оценк*". Prefix search while typing still works,
 * because the stem of a prefix is itself a prefix of the stems it should find.
 *
 * The patch is in the query parser, which Material also uses to decide which terms
 * matched (its "Missing" marker and highlighting), so both agree with the search.
 * This file is appended to Material's worker at build time
 * (eucj_bank/search/worker_patch.py): nothing of the theme is copied or edited.
 */
(function (lunr) {
  if (!lunr || lunr.eucjStemmedQueries) return;
  lunr.eucjStemmedQueries = true;

  // The search pipeline of the index being built (Material builds one per worker).
  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    lunr.eucjSearchPipeline = this.searchPipeline;
    return build.apply(this, arguments);
  };

  // lunr's parseTerm pushes the clause (nextClause) before it returns, so the term is
  // rewritten on the lexeme, before the parser consumes it.
  var parseTerm = lunr.QueryParser.parseTerm;
  lunr.QueryParser.parseTerm = function (parser) {
    var lexeme = parser.peekLexeme();
    var pipeline = lunr.eucjSearchPipeline;
    var match = lexeme && pipeline && /^([^*]+)\*$/.exec(lexeme.str.toLowerCase());
    if (match) {
      // The first index term is the word's canonical stem; a stop word yields none
      // and keeps its typed form.
      var terms = pipeline.runString(match[1]);
      if (terms.length && terms[0]) lexeme.str = terms[0] + "*";
    }
    return parseTerm(parser);
  };
})(self.lunr);
