/* EUCJ Resource Bank: keep a checklist's ticks in this browser (eucj_bank/site/checklists.py).
 *
 * The boxes are plain checkboxes and work without this script; it remembers them in
 * localStorage under "eucj-checklist:<checklist id>" as the list of ticked item ids, so
 * the ticks survive a reload and follow the reader to the page in another language.
 * It also shows the progress, a reset and a print button. All texts come from the page.
 */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".eucj-checklist[data-checklist]"), function (list) {
    var key = "eucj-checklist:" + list.getAttribute("data-checklist");
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input.eucj-check-box"));
    var tools = list.querySelector(".eucj-checklist__tools");
    var progress = list.querySelector(".eucj-checklist__progress");
    var storage = null;
    try {
      storage = window.localStorage;
      storage.getItem(key);
    } catch (err) {
      storage = null;  // storage disabled: the boxes still tick, they are not kept
    }

    function load() {
      var ticked = [];
      try {
        ticked = JSON.parse((storage && storage.getItem(key)) || "[]");
      } catch (err) {
        ticked = [];  // damaged entry: start afresh rather than fail
      }
      boxes.forEach(function (box) { box.checked = ticked.indexOf(box.name) >= 0; });
    }

    function ticked() {
      return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.name; });
    }

    function show() {
      progress.textContent = progress.getAttribute("data-template")
        .replace("{checked}", String(ticked().length)).replace("{total}", String(boxes.length));
    }

    function save() {
      if (storage) {
        if (ticked().length) storage.setItem(key, JSON.stringify(ticked()));
        else storage.removeItem(key);
      }
      show();
    }

    list.addEventListener("change", function (event) {
      if (boxes.indexOf(event.target) >= 0) save();
    });
    list.querySelector("[data-checklist-reset]").addEventListener("click", function (event) {
      if (!window.confirm(event.currentTarget.getAttribute("data-confirm"))) return;
      boxes.forEach(function (box) { box.checked = false; });
      save();
      if (boxes.length) boxes[0].focus();
    });
    list.querySelector("[data-checklist-print]").addEventListener("click", function () { window.print(); });
    // Another tab of the same checklist ticked a box.
    window.addEventListener("storage", function (event) {
      if (event.key === key) { load(); show(); }
    });

    load();
    show();
    tools.hidden = false;
  });
})();
