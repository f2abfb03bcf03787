/* EUCJ Resource Bank: what the "Propose a resource" form needs besides the form itself
 * (eucj-propose.js): a file's SHA-256, a zip of the entry and its files, the entry as YAML.
 * Nothing here sends anything anywhere; it all runs on the reader's own copy of the file.
 *
 * SHA-256: crypto.subtle where the browser offers it. It does only in a secure context:
 * file:// and http://localhost or 127.0.0.1 are (measured in Chromium), but an agency's
 * copy served over plain http on its own network is not, and there crypto.subtle is
 * undefined. The plain implementation below (FIPS 180-4) covers that case; the tests
 * compare both with Python's hashlib.
 *
 * Zip: the "stored" method (no compression) of the ZIP format (PKWARE APPNOTE 4.3.7),
 * names flagged UTF-8 (bit 11), a fixed date: enough for a browser to hand over a folder
 * files/<id>/ with the renamed files, and readable by every unzip tool.
 */
(function () {
  "use strict";

  var K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);

  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

  function sha256Plain(bytes) {
    var h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                             0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    var length = bytes.length;
    var padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[length] = 0x80;
    var view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));  // bit length, high word
    view.setUint32(padded.length - 4, (length << 3) >>> 0);
    var w = new Uint32Array(64);
    for (var block = 0; block < padded.length; block += 64) {
      for (var i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
      for (i = 16; i < 64; i++) {
        var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (i = 0; i < 64; i++) {
        var t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        k = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
      }
      h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
    }
    return Array.prototype.map.call(h, function (x) { return ("0000000" + x.toString(16)).slice(-8); }).join("");
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (x) {
      return ("0" + x.toString(16)).slice(-2);
    }).join("");
  }

  // The file's bytes, read here (File.arrayBuffer), and their SHA-256 in hexadecimal.
  function sha256(file) {
    return file.arrayBuffer().then(function (buffer) {
      var subtle = window.crypto && window.crypto.subtle;
      if (subtle) return subtle.digest("SHA-256", buffer).then(hex);
      return sha256Plain(new Uint8Array(buffer));
    });
  }

  var CRC_TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var j = 0; j < 8; j++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  }());

  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  // entries: [{name: "files/x/x.en.pdf", bytes: Uint8Array}] -> a Blob of the zip file.
  function zip(entries) {
    var encoder = new TextEncoder();
    var parts = [], central = [], offset = 0;
    var DOS_DATE = (0 << 9) | (1 << 5) | 1;  // 1980-01-01, the format's first day: same bytes every time
    entries.forEach(function (entry) {
      var name = encoder.encode(entry.name);
      var crc = crc32(entry.bytes), size = entry.bytes.length;
      var local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true);
      local.setUint16(4, 20, true);
      local.setUint16(6, 0x0800, true);  // UTF-8 names
      local.setUint16(8, 0, true);  // stored
      local.setUint16(10, 0, true);
      local.setUint16(12, DOS_DATE, true);
      local.setUint32(14, crc, true);
      local.setUint32(18, size, true);
      local.setUint32(22, size, true);
      local.setUint16(26, name.length, true);
      local.setUint16(28, 0, true);
      var head = new DataView(new ArrayBuffer(46));
      head.setUint32(0, 0x02014b50, true);
      head.setUint16(4, 20, true);
      head.setUint16(6, 20, true);
      head.setUint16(8, 0x0800, true);
      head.setUint16(10, 0, true);
      head.setUint16(12, 0, true);
      head.setUint16(14, DOS_DATE, true);
      head.setUint32(16, crc, true);
      head.setUint32(20, size, true);
      head.setUint32(24, size, true);
      head.setUint16(28, name.length, true);
      head.setUint32(42, offset, true);  // the other fields (extra, comment, disk, attributes) are 0
      parts.push(local, name, entry.bytes);
      central.push(head, name);
      offset += 30 + name.length + size;
    });
    var centralSize = central.reduce(function (sum, part) { return sum + part.byteLength; }, 0);
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, entries.length, true);
    end.setUint16(10, entries.length, true);
    end.setUint32(12, centralSize, true);
    end.setUint32(16, offset, true);
    return new Blob(parts.concat(central, [end]), { type: "application/zip" });
  }

  // A YAML double-quoted scalar. JSON's escapes are YAML's too. PyYAML refuses the
  // characters YAML calls non-printable and reads NEL, LS and PS as line breaks (folded
  // to spaces inside quotes), so those are escaped; a lone surrogate (not text) becomes U+FFFD.
  function quote(text) {
    var clean = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g,
                             function (m, before) { return (before || "") + "\ufffd"; });
    return JSON.stringify(clean).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  // A vocabulary term, id or path as a plain scalar when YAML reads it back as the same
  // text; otherwise quoted (a word YAML 1.1 reads as yes/no or null, a number).
  function scalar(text) {
    var plain = /^[a-z][a-z0-9._\/-]*$/.test(text) &&
      !/^(y|n|yes|no|on|off|true|false|null)$/i.test(text);
    return plain ? text : quote(text);
  }

  // The entry as YAML, shaped like the catalogue's own entries (and scaffold.py's): texts
  // double-quoted, terms plain, lists of terms in brackets; indented to follow the last
  // entry of `resources:`.
  function entryYaml(entry, langs) {
    var lines = ["  # added with the site's \"Propose a resource\" form"];
    function localizedLines(indent, name, text) {
      lines.push(indent + name + ":");
      langs.forEach(function (lang) { if (text[lang]) lines.push(indent + "  " + lang + ": " + quote(text[lang])); });
    }
    function terms(name) { return "    " + name + ": [" + entry[name].map(function (v) { return scalar(v); }).join(", ") + "]"; }
    lines.push("  - id: " + scalar(entry.id), "    type: " + scalar(entry.type));
    localizedLines("    ", "title", entry.title);
    localizedLines("    ", "summary", entry.summary);
    lines.push("    date: " + quote(entry.date), "    added: " + quote(entry.added), terms("agencies"));
    if (entry.component) lines.push("    component: " + scalar(entry.component));
    if (entry.activity) lines.push("    activity: " + quote(entry.activity));
    if (entry.objective) lines.push("    objective: " + scalar(entry.objective));
    lines.push(terms("topics"), terms("audience"));
    if (entry.authors) lines.push("    authors: [" + entry.authors.map(function (a) { return quote(a); }).join(", ") + "]");
    lines.push("    licence: " + scalar(entry.licence));
    if (entry.access) lines.push("    access: " + scalar(entry.access));
    lines.push("    availability: " + scalar(entry.availability));
    if (entry.holder) {
      lines.push("    holder:", "      agency: " + scalar(entry.holder.agency));
      if (entry.holder.note) localizedLines("      ", "note", entry.holder.note);
    }
    if (entry.files) {
      lines.push("    files:");
      entry.files.forEach(function (f) {
        lines.push("      - path: " + scalar(f.path), "        lang: " + scalar(f.lang),
                   "        format: " + scalar(f.format), "        sha256: " + quote(f.sha256));
      });
    }
    return lines.join("\n") + "\n";
  }

  window.EucjProposeTools = { sha256: sha256, sha256Plain: sha256Plain, zip: zip, quote: quote, scalar: scalar,
                              entryYaml: entryYaml };
}());
