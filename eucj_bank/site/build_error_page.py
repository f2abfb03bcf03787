"""The page `make serve` shows when the site cannot be built: the located messages, in the
editor's language, instead of a browser left waiting. It reloads itself once a later
build succeeds (it asks the preview server's live-reload address, as MkDocs' own pages do).
"""

from __future__ import annotations

from html import escape

from ..catalogue.messages import _, language

_RELOAD = """
(function poll() {
  var req = new XMLHttpRequest();
  req.onloadend = function () {
    if (parseFloat(this.responseText) > %(epoch)d) { location.reload(); }
    else { setTimeout(poll, this.status === 200 ? 0 : 3000); }
  };
  req.open("GET", "/livereload/%(epoch)d/%(epoch)d");
  req.send();
})();
"""


def render_build_error_page(message: str, epoch: int) -> str:
    """A self-contained HTML page showing `message` (the build's refusal) as plain text.

    `epoch` is the preview server's clock (milliseconds of `time.monotonic`) when the page
    was made: the page reloads when the server reports a newer successful build."""
    title = _("The site cannot be built")
    advice = _("Correct the file at the place named below and save it: this page then shows the site.")
    return f"""<!doctype html>
<html lang="{language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
pre {{ white-space: pre-wrap; background: #fff3f3; border-left: 4px solid #c62828; padding: 1rem; }}
</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p>{escape(advice)}</p>
<pre id="eucj-build-error">{escape(message)}</pre>
<script>{_RELOAD % {"epoch": epoch}}</script>
</body>
</html>
"""
