/*
 * EUCJ Resource Bank: the query normaliser (keyboard layout, Kazakh and Russian in Latin
 * letters, Kazakh letters folded). The JS twin of eucj_bank/search/query_normaliser.py,
 * which documents it; the tables come from there (worker_patch.py renders them in) and
 * tests/data/query_vectors.json runs against both. One entry point for every search:
 * eucjQuery.alternatives(query, lang) -> [[kind, text], ...], the typed reading first.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.eucjQuery = factory();
})(typeof self !== "undefined" ? self : this, function () {
  var T = /*TABLES*/ null;
  var LETTERS = T.latin + "а-яёәғқңөұүһі";
  var HAS_LATIN = new RegExp("[" + T.latin + "]");
  var HAS_CYRILLIC = /[а-яёәғқңөұүһі]/;
  var HAS_LETTER = new RegExp("[" + LETTERS + "]");

  function clean(query) {
    return String(query).normalize("NFC").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }

  function replaceLongest(text, table) {
    var longest = 0, key;
    for (key in table) if (key.length > longest) longest = key.length;
    var out = "", i = 0;
    while (i < text.length) {
      var size = Math.min(longest, text.length - i);
      for (; size > 0; size--) {
        var piece = text.substr(i, size);
        if (Object.prototype.hasOwnProperty.call(table, piece)) { out += table[piece]; i += size; break; }
      }
      if (!size) { out += text.charAt(i); i += 1; }
    }
    return out;
  }

  function perWord(query, table, pattern) {
    return query.split(" ").map(function (w) { return pattern.test(w) ? replaceLongest(w, table) : w; }).join(" ");
  }

  function layout(query, table) { return perWord(clean(query), table, HAS_LETTER); }

  function fold(text) { return replaceLongest(text, T.fold); }

  function alternatives(query, lang) {
    var typed = clean(query);
    var found = [["typed", typed]];
    if ((lang === "ru" || lang === "kk") && HAS_LATIN.test(typed)) {
      found.push(["layout", layout(typed, lang === "kk" ? T.enToKk : T.enToRu)]);
      found.push(["latin", perWord(typed, lang === "kk" ? T.kkLatin : T.ruLatin, HAS_LATIN)]);
    } else if (lang === "en" && HAS_CYRILLIC.test(typed)) {
      found.push(["layout", layout(typed, T.ruToEn)]);
    }
    var seen = {}, unique = [];
    found.forEach(function (pair) {
      if (pair[1] && !seen[pair[1]]) { seen[pair[1]] = true; unique.push(pair); }
    });
    return unique;
  }

  return { clean: clean, layout: layout, fold: fold, alternatives: alternatives, replaceLongest: replaceLongest };
});
