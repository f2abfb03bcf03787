/* EUCJ Resource Bank: filters, counts and order for the catalogue page.
 *
 * The page holds the complete static table (all a reader without JavaScript gets) and a
 * form, in its final layout, whose every label was rendered from ui_strings.yaml and vocabularies.yaml
 * (eucj_bank/site/catalogue_filters.py): this script carries no text of its own. It reads each
 * resource's facet values from window.EUCJ_CATALOGUE (catalogue-data.js, loaded by a
 * <script> tag because file:// forbids fetch), and hides and orders the
 * table's rows. The state lives in the URL hash (#type=checklist&topic=a,b&q=risk&sort=title)
 * so that a filtered view can be bookmarked and shared, served or from disk.
 */
(function () {
  "use strict";
  var data = window.EUCJ_CATALOGUE;
  var form = document.getElementById("eucj-filters");
  var table = document.querySelector("table.eucj-catalogue");
  if (!data || !form || !table) return;

  var tbody = table.tBodies[0];
  var query = document.getElementById("eucj-filter-q");
  var sort = document.getElementById("eucj-filter-sort");
  var status = document.getElementById("eucj-filter-status");
  var none = document.getElementById("eucj-filter-none");
  var facets = data.facets;
  var collator = new Intl.Collator(data.lang, { sensitivity: "base", numeric: true });

  function boxes(facet) {
    return Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][name="' + facet + '"]'));
  }

  // Case and accents do not matter to a reader typing a word: "е" finds "ё".
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // The visible labels of the facet values count as words of the resource: typing
  // "probation" finds what is filed under the topic Probation.
  var labels = {};
  facets.forEach(function (facet) {
    labels[facet] = {};
    boxes(facet).forEach(function (box) {
      labels[facet][box.value] = box.parentNode.querySelector(".eucj-facet__label").textContent;
    });
  });

  var rows = {};
  Array.prototype.forEach.call(tbody.rows, function (row) { rows[row.getAttribute("data-id")] = row; });
  var items = data.resources.filter(function (res) { return rows[res.id]; }).map(function (res) {
    var words = [res.title, res.text];
    facets.forEach(function (facet) {
      res[facet].forEach(function (value) { words.push(labels[facet][value] || ""); });
    });
    return { res: res, row: rows[res.id], text: fold(words.join(" ")) };
  });

  function selection() {
    var chosen = {};
    facets.forEach(function (facet) {
      chosen[facet] = boxes(facet).filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    });
    return chosen;
  }

  // Within a facet the ticked values are alternatives (any of them); across facets all
  // must hold. `skip` leaves one facet out: its counts say what ticking a value would give.
  function matches(item, chosen, terms, skip) {
    for (var i = 0; i < facets.length; i++) {
      var facet = facets[i], wanted = chosen[facet];
      if (facet === skip || !wanted.length) continue;
      if (!wanted.some(function (v) { return item.res[facet].indexOf(v) >= 0; })) return false;
    }
    return terms.every(function (term) { return item.text.indexOf(term) >= 0; });
  }

  function order() {
    var byTitle = function (a, b) { return collator.compare(a.res.title, b.res.title); };
    var newest = function (a, b) {
      return a.res.date < b.res.date ? 1 : a.res.date > b.res.date ? -1 : byTitle(a, b);
    };
    var fragment = document.createDocumentFragment();
    items.slice().sort(sort.value === "title" ? byTitle : newest).forEach(function (item) {
      fragment.appendChild(item.row);
    });
    tbody.appendChild(fragment);
  }

  function update() {
    var chosen = selection();
    var terms = fold(query.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var visible = matches(item, chosen, terms, null);
      item.row.hidden = !visible;
      if (visible) shown += 1;
    });
    facets.forEach(function (facet) {
      var counts = {};
      items.forEach(function (item) {
        if (!matches(item, chosen, terms, facet)) return;
        item.res[facet].forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
      });
      boxes(facet).forEach(function (box) {
        var count = counts[box.value] || 0;
        box.parentNode.querySelector(".eucj-facet__count").textContent = "(" + count + ")";
        box.parentNode.classList.toggle("eucj-facet__option--empty", count === 0 && !box.checked);
      });
    });
    status.textContent = data.strings.filter_status
      .replace("{shown}", String(shown)).replace("{total}", String(items.length));
    none.hidden = shown > 0;
    table.hidden = shown === 0;
    writeHash(chosen);
  }

  function writeHash(chosen) {
    var params = new URLSearchParams();
    facets.forEach(function (facet) {
      if (chosen[facet].length) params.set(facet, chosen[facet].join(","));
    });
    if (query.value.trim()) params.set("q", query.value.trim());
    if (sort.value !== "newest") params.set("sort", sort.value);
    var hash = params.toString();
    carryToTranslations(hash);
    var url = location.href.split("#")[0] + (hash ? "#" + hash : "");
    if (url === location.href) return;
    // replaceState: each tick would otherwise add a step to the browser's history.
    try {
      history.replaceState(history.state, "", url);
    } catch (err) {
      location.replace(url);  // a browser refusing replaceState on file:// pages
    }
  }

  // The language switcher leads to the same catalogue in another language with the same
  // filters: facet values and sort are the same codes in every language (a typed query
  // too, as typed).
  function carryToTranslations(hash) {
    Array.prototype.forEach.call(document.querySelectorAll(".md-select__link[hreflang]"), function (link) {
      var href = link.getAttribute("href").split("#")[0];
      link.setAttribute("href", href + (hash ? "#" + hash : ""));
    });
  }

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    facets.forEach(function (facet) {
      var wanted = (params.get(facet) || "").split(",");
      boxes(facet).forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
      if (boxes(facet).some(function (b) { return b.checked; })) {
        form.querySelector('details[data-facet="' + facet + '"]').open = true;
      }
    });
    query.value = params.get("q") || "";
    sort.value = params.get("sort") === "title" ? "title" : "newest";
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("input", function (event) {
    if (event.target === query) update();
  });
  form.addEventListener("change", function (event) {
    if (event.target === sort) order();
    if (event.target !== query) update();
  });
  // "reset" fires before the form clears its fields.
  form.addEventListener("reset", function () {
    setTimeout(function () { order(); update(); }, 0);
  });
  window.addEventListener("hashchange", function () { readHash(); order(); update(); });

  readHash();
  order();
  update();
})();
