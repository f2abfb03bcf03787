/* EUCJ Resource Bank: the citation style switch of a resource page (eucj_bank/site/citation.py).
 *
 * Without this script the box shows every style's citation, each under its name, and
 * the copy button copies the first. With it, the switch appears, one style is shown at
 * a time, the copy button copies the one shown, and the choice is remembered in
 * localStorage ("eucj-citation-style") for the next resource page.
 */
(function () {
  "use strict";
  var KEY = "eucj-citation-style";
  Array.prototype.forEach.call(document.querySelectorAll(".eucj-citation"), function (box) {
    var switcher = box.querySelector(".eucj-cite-switch");
    var buttons = Array.prototype.slice.call(box.querySelectorAll(".eucj-cite-style"));
    var options = Array.prototype.slice.call(box.querySelectorAll(".eucj-cite-option"));
    if (!switcher || buttons.length < 2) {
      return;
    }

    function show(style) {
      var found = options.some(function (o) { return o.getAttribute("data-style") === style; });
      if (!found) {
        return;
      }
      options.forEach(function (option) {
        var on = option.getAttribute("data-style") === style;
        option.hidden = !on;
        var text = option.querySelector(".eucj-cite-text");
        if (on) {
          text.id = "citation-text";
        } else if (text.id === "citation-text") {
          text.removeAttribute("id");
        }
      });
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-style") === style));
      });
    }

    var saved = null;
    try {
      saved = window.localStorage.getItem(KEY);
    } catch (err) {
      saved = null;  // storage disabled: the page's own style is shown
    }
    switcher.hidden = false;
    box.classList.add("eucj-citation--switch");
    show(saved || buttons[0].getAttribute("data-style"));
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var style = button.getAttribute("data-style");
        show(style);
        try {
          window.localStorage.setItem(KEY, style);
        } catch (err) {
          /* not remembered; nothing else to do */
        }
      });
    });
  });
})();
