/* EUCJ Resource Bank: keep a checklist's answers in this browser (eucj_bank/site/checklists.py).
 *
 * Each item is a group of radio buttons (yes, partly, no, not applicable) that works
 * without this script; it remembers the answers in localStorage under
 * "eucj-checklist:<checklist id>" as {item id: answer}, so they survive a reload and
 * follow the reader to the page in another language. (An older entry, a list of ticked
 * item ids from when items were checkboxes, reads as "yes" to each.) It also keeps the
 * progress line, a reset and a print button working. All texts come from the page.
 */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".eucj-checklist[data-checklist]"), function (list) {
    var key = "eucj-checklist:" + list.getAttribute("data-checklist");
    var radios = Array.prototype.slice.call(list.querySelectorAll("input.eucj-check-box"));
    var items = [];
    radios.forEach(function (radio) {
      if (items.indexOf(radio.name) < 0) items.push(radio.name);
    });
    var progress = list.querySelector(".eucj-checklist__progress");
    var storage = null;
    try {
      storage = window.localStorage;
      storage.getItem(key);
    } catch (err) {
      storage = null;  // storage disabled: the answers still work, they are not kept
    }

    function stored() {
      var kept = {};
      try {
        kept = JSON.parse((storage && storage.getItem(key)) || "{}");
      } catch (err) {
        kept = {};  // damaged entry: start afresh rather than fail
      }
      if (Array.isArray(kept)) {
        var answers = {};
        kept.forEach(function (id) { answers[id] = "yes"; });
        return answers;
      }
      return kept && typeof kept === "object" ? kept : {};
    }

    function answers() {
      var chosen = {};
      radios.forEach(function (radio) { if (radio.checked) chosen[radio.name] = radio.value; });
      return chosen;
    }

    function load() {
      var kept = stored();
      radios.forEach(function (radio) { radio.checked = kept[radio.name] === radio.value; });
    }

    function show() {
      progress.textContent = progress.getAttribute("data-template")
        .replace("{checked}", String(Object.keys(answers()).length)).replace("{total}", String(items.length));
    }

    function save() {
      if (storage) {
        var chosen = answers();
        if (Object.keys(chosen).length) storage.setItem(key, JSON.stringify(chosen));
        else storage.removeItem(key);
      }
      show();
    }

    list.addEventListener("change", function (event) {
      if (radios.indexOf(event.target) >= 0) save();
    });
    list.querySelector("[data-checklist-reset]").addEventListener("click", function (event) {
      if (!window.confirm(event.currentTarget.getAttribute("data-confirm"))) return;
      radios.forEach(function (radio) { radio.checked = false; });
      save();
      if (radios.length) radios[0].focus();
    });
    list.querySelector("[data-checklist-print]").addEventListener("click", function () { window.print(); });
    // Another tab of the same checklist changed an answer.
    window.addEventListener("storage", function (event) {
      if (event.key === key) { load(); show(); }
    });

    load();
    show();
  });
})();
