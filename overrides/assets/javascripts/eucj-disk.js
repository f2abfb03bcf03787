/* EUCJ Resource Bank: a page read from disk (file://) does not ask for sitemaps.
 *
 * Material's bundle (integrations/alternate in its source map) fetches sitemap.xml next to
 * every <link rel="alternate"> of a page as soon as the page loads, to map each page to its
 * translation. Over file:// Chromium refuses fetch, and logs each refusal as a console
 * error: three per page. Our language switcher already links each page to its translation,
 * and hreflang links only matter to search engines, which never read a copy from disk; so
 * from disk this script, loaded just before the bundle, removes those links. (Only a copy
 * with a base URL has them: eucj_bank/site/hreflang.py.)
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  Array.prototype.forEach.call(document.querySelectorAll('link[rel="alternate"]'), function (link) {
    link.parentNode.removeChild(link);
  });
})();
