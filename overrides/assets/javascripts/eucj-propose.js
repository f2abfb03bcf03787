/* EUCJ Resource Bank: the "Propose a resource" form (docs/<lang>/propose.md).
 *
 * The form is built from window.EUCJ_PROPOSE (propose-data.js beside the page, written
 * by eucj_bank/site/propose_form.py): the catalogue's JSON Schema, generated from the
 * model, and every label and message in the page's language; this script has no text of
 * its own. Each property of the schema's Resource becomes a control by its shape: an
 * enum a list to choose from, an array of enum a set of boxes, a Localized text one field
 * per language, an object its own group, any other string a text field.
 *
 * The entry is checked against that schema in the browser by @cfworker/json-schema
 * (vendor/cfworker-json-schema/). Not ajv: ajv compiles a schema into JavaScript source
 * and runs it with the Function constructor, which the site's Content-Security-Policy (no
 * 'unsafe-eval') refuses; its standalone mode would need Node at every build, since the
 * schema changes with the vocabularies. @cfworker/json-schema interprets the schema,
 * supports draft 2020-12 and has no eval. The few rules the schema cannot say (a real
 * date, files and availability agreeing, an unused id) are checked here, as the
 * validator (eucj_bank/catalogue/validate.py) does.
 *
 * Nothing is sent anywhere: files are read on this computer for their checksum, and the
 * result is text to copy, or a download made here (a Blob).
 */
(function () {
  "use strict";
  var data = window.EUCJ_PROPOSE;
  var root = document.getElementById("eucj-propose");
  var tools = window.EucjProposeTools;
  if (!data || !root || !window.CfworkerJsonSchema || !tools) return;

  var S = data.strings;
  var schema = data.schema;
  var resource = schema.$defs.Resource;
  var LANGS = data.languages.map(function (pair) { return pair[0]; });
  var langName = {};
  data.languages.forEach(function (pair) { langName[pair[0]] = pair[1]; });
  var validator = new window.CfworkerJsonSchema.Validator(schema, "2020-12", false);
  var fieldsByName = {};
  data.fields.forEach(function (f) { fieldsByName[f.name] = f; });

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, key) { return key in values ? values[key] : m; });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (attrs[key] === true) node.setAttribute(key, "");
      else if (attrs[key] !== false && attrs[key] != null) node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  // The schema of a property: $ref followed, `X | None` unwrapped (then optional).
  function resolve(spec) {
    var optional = false;
    if (spec.anyOf) {
      var some = spec.anyOf.filter(function (s) { return s.type !== "null"; });
      optional = some.length < spec.anyOf.length;
      spec = some[0];
    }
    if (spec.$ref) spec = schema.$defs[spec.$ref.split("/").pop()];
    return { spec: spec, optional: optional };
  }

  function choices(name) { return data.vocab[name] || []; }

  function help(id, text) { return el("p", { class: "eucj-propose__help", id: id }, [text]); }

  function labelText(text, required) {
    return required ? [text, " ", el("span", { class: "eucj-propose__required" }, ["(" + S.required + ")"])] : [text];
  }

  // One control for the property `name` (`path` is its place in the entry, e.g. holder.note).
  function control(name, path, spec, required, label, helpText) {
    var id = "eucj-p-" + path.replace(/\./g, "-");
    var helpId = id + "-help";
    var items = spec.type === "array" && spec.items ? spec.items : null;
    if (spec.properties && spec.title === "Localized") {
      var boxes = LANGS.map(function (lang) {
        var inputId = id + "-" + lang;
        var multiline = fieldsByName[name] && fieldsByName[name].multiline;
        var input = el(multiline ? "textarea" : "input", {
          id: inputId, name: path + "." + lang, lang: lang, rows: multiline ? 5 : null,
          type: multiline ? null : "text", "aria-describedby": helpId });
        return el("p", { class: "eucj-propose__lang" }, [el("label", { for: inputId }, [langName[lang]]), input]);
      });
      return el("fieldset", { class: "eucj-propose__field", "data-field": path },
                [el("legend", {}, labelText(label, required))].concat(helpText ? [help(helpId, helpText)] : [], boxes));
    }
    if (spec.properties) {  // an object: its own group of controls (holder)
      var inner = Object.keys(spec.properties).map(function (key) {
        var sub = resolve(spec.properties[key]);
        var sublabel = data.sublabels[path + "." + key];
        return control(key, path + "." + key, sub.spec, (spec.required || []).indexOf(key) >= 0,
                       sublabel, "");
      });
      return el("fieldset", { class: "eucj-propose__field", "data-field": path },
                [el("legend", {}, labelText(label, required)), help(helpId, helpText)].concat(inner));
    }
    if (items && items.enum) {
      var options = choices(name).map(function (pair) {
        return el("label", { class: "eucj-propose__option" },
                  [el("input", { type: "checkbox", name: path, value: pair[0] }), " " + pair[1]]);
      });
      return el("fieldset", { class: "eucj-propose__field eucj-propose__many", "data-field": path,
                              "aria-describedby": helpId },
                [el("legend", {}, labelText(label, required)), help(helpId, helpText),
                 el("div", { class: "eucj-propose__options" }, options)]);
    }
    var input;
    if (spec.enum) {
      var list = choices(name === "agency" ? path.split(".")[0] : name);
      var first = spec.default !== undefined ? [] :
        [el("option", { value: "" }, [required ? S.choose : S.none])];
      input = el("select", { id: id, name: path, "aria-describedby": helpId },
                 first.concat(list.map(function (pair) {
                   return el("option", { value: pair[0], selected: pair[0] === spec.default }, [pair[1]]);
                 })));
    } else if (items) {  // a list of texts (authors): one per line
      input = el("textarea", { id: id, name: path, rows: 3, "aria-describedby": helpId });
    } else {
      input = el("input", { id: id, name: path, type: "text", autocomplete: "off",
                            spellcheck: "false", "aria-describedby": helpId });
    }
    var parts = [el("label", { for: id }, labelText(label, required))];
    if (helpText) parts.push(help(helpId, helpText));
    return el("div", { class: "eucj-propose__field", "data-field": path }, parts.concat([input]));
  }

  // ---- the form ----
  var form = el("form", { class: "eucj-propose", id: "eucj-propose-form", novalidate: true });
  data.fields.forEach(function (f) {
    var r = resolve(resource.properties[f.name]);
    form.appendChild(control(f.name, f.name, r.spec, resource.required.indexOf(f.name) >= 0, f.label, f.help));
  });
  var fileInput = el("input", { type: "file", id: "eucj-p-files", multiple: true,
                                "aria-describedby": "eucj-p-files-help" });
  var fileLangs = el("div", { class: "eucj-propose__files" });
  form.appendChild(el("div", { class: "eucj-propose__field", "data-field": "files" }, [
    el("label", { for: "eucj-p-files" }, [S.files]), help("eucj-p-files-help", S.files_help), fileInput, fileLangs]));
  var problems = el("div", { class: "eucj-propose__problems", id: "eucj-propose-problems", role: "alert",
                             tabindex: "-1" });
  var status = el("p", { class: "eucj-propose__status", role: "status" });
  form.appendChild(el("p", {}, [el("button", { type: "submit", class: "md-button md-button--primary" }, [S.make])]));
  form.appendChild(status);
  form.appendChild(problems);

  var output = el("section", { class: "eucj-propose__result", id: "eucj-propose-result", hidden: true });
  root.textContent = "";
  root.appendChild(form);
  root.appendChild(output);

  function field(path) { return form.querySelector('[data-field="' + path + '"]'); }

  function value(path) {
    var node = form.elements.namedItem(path);
    return node ? node.value.trim() : "";
  }

  function checked(path) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="' + path + '"]'), function (b) {
      return b.checked;
    }).map(function (b) { return b.value; });
  }

  function localized(path) {
    var text = {};
    LANGS.forEach(function (lang) {
      var v = value(path + "." + lang);
      if (v) text[lang] = v;
    });
    return text;
  }

  // The id suggested from the English title until the editor types one.
  var idInput = form.elements.namedItem("id");
  var idTouched = false;
  idInput.addEventListener("input", function () { idTouched = idInput.value !== ""; });
  form.elements.namedItem("title.en").addEventListener("input", function () {
    if (idTouched) return;
    idInput.value = this.value.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
  });

  // The holder is asked only when the original is held by an agency.
  var availability = form.elements.namedItem("availability");
  function showHolder() { field("holder").hidden = availability.value !== "held-by-agency"; }
  availability.addEventListener("change", showHolder);
  showHolder();

  // Each chosen file with the language of its text.
  var chosen = [];
  fileInput.addEventListener("change", function () {
    chosen = Array.prototype.map.call(fileInput.files, function (file, i) {
      var id = "eucj-p-file-lang-" + i;
      var select = el("select", { id: id }, data.languages.map(function (pair) {
        return el("option", { value: pair[0], selected: pair[0] === data.lang }, [pair[1]]);
      }));
      return { file: file, select: select,
               row: el("p", {}, [el("label", { for: id }, [fill(S.file_lang, { name: file.name })]), select]) };
    });
    fileLangs.textContent = "";
    chosen.forEach(function (c) { fileLangs.appendChild(c.row); });
    if (chosen.length && !availability.value) { availability.value = "in-bank"; showHolder(); }
  });

  function extension(name) {
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(dot).toLowerCase() : "";
  }

  // files/<id>/<id>.<lang><ext>, as the guide names them; a second file of the same
  // language and kind gets -2, -3...
  function filePaths(id) {
    var used = {};
    return chosen.map(function (c) {
      var stem = id + "." + c.select.value, ext = extension(c.file.name), name = stem + ext, n = 1;
      while (used[name]) name = stem + "-" + (++n) + ext;
      used[name] = true;
      return "files/" + id + "/" + name;
    });
  }

  function collect(hashes) {
    var entry = { id: value("id"), type: value("type"), title: localized("title"), summary: localized("summary"),
                  date: value("date") };
    var d = new Date();  // today where the editor is
    entry.added = d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
    ["agencies", "topics", "audience"].forEach(function (name) { entry[name] = checked(name); });
    var authors = value("authors").split("\n").map(function (a) { return a.trim(); }).filter(Boolean);
    if (authors.length) entry.authors = authors;
    ["component", "activity", "objective"].forEach(function (name) { if (value(name)) entry[name] = value(name); });
    entry.licence = value("licence");
    if (value("access") && value("access") !== resource.properties.access.default) entry.access = value("access");
    entry.availability = value("availability");
    if (entry.availability === "held-by-agency" && value("holder.agency")) {
      entry.holder = { agency: value("holder.agency") };
      var note = localized("holder.note");
      if (Object.keys(note).length) entry.holder.note = note;
    }
    if (chosen.length) {
      var paths = filePaths(entry.id);
      entry.files = chosen.map(function (c, i) {
        return { path: paths[i], lang: c.select.value,
                 format: data.extensions[extension(c.file.name)] || extension(c.file.name).slice(1),
                 sha256: hashes[i] };
      });
    }
    Object.keys(entry).forEach(function (key) { if (entry[key] === "") delete entry[key]; });
    return entry;
  }

  function labelOf(path) {
    var top = path.split(".")[0];
    return data.sublabels[path] || (fieldsByName[top] ? fieldsByName[top].label : top);
  }

  // The schema's errors, as one message per field in the page's language.
  function schemaProblems(entry) {
    var found = {};
    validator.validate({ resources: [entry] }).errors.forEach(function (err) {
      var parts = err.instanceLocation.split("/").slice(3).filter(function (p) { return !/^\d+$/.test(p); });
      if (err.keyword === "required") parts.push((/"([^"]+)"/.exec(err.error) || [])[1]);
      var leaf = ["required", "pattern", "enum", "minLength", "minItems", "maxLength", "type", "additionalProperties"];
      if (leaf.indexOf(err.keyword) < 0 || !parts.length) return;
      var path = parts.filter(function (p) { return LANGS.indexOf(p) < 0; }).join(".");
      var spec = resolve(resource.properties[parts[0]] || {}).spec;
      var many = spec.type === "array" && spec.items && spec.items.enum;
      var key = err.keyword === "required" || err.keyword === "minItems" || err.keyword === "enum" ?
        (many ? S.err_choose : S.err_required) : S.err_form;
      if (!found[path]) found[path] = fill(key, { field: labelOf(path) });
    });
    // A wrong value inside a field also fails the field as a whole (`X | None`): name the inner one.
    Object.keys(found).forEach(function (path) {
      if (Object.keys(found).some(function (other) { return other.indexOf(path + ".") === 0; })) delete found[path];
    });
    return found;
  }

  function realDate(text) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (!m) return true;  // the schema's pattern reports the form
    var y = +m[1], mo = m[2] ? +m[2] : 1, day = m[3] ? +m[3] : 1;
    var d = new Date(Date.UTC(y, mo - 1, day));
    return y >= 1 && d.getUTCFullYear() === y && d.getUTCMonth() === mo - 1 && d.getUTCDate() === day;
  }

  // What the schema cannot say: the validator's other errors, and its warnings.
  function ruleProblems(entry, found, warnings) {
    function add(path, template, values) {
      if (!found[path]) found[path] = fill(template, Object.assign({ field: labelOf(path) }, values || {}));
    }
    ["title", "summary"].forEach(function (name) {
      var text = entry[name] || {};
      if (!Object.keys(text).length) add(name, S.err_required);
      else LANGS.forEach(function (lang) {
        if (!text[lang]) warnings.push(fill(S.warn_language, { field: labelOf(name), language: langName[lang] }));
      });
    });
    if (entry.date && !realDate(entry.date)) add("date", S.err_date);
    if (entry.id && data.ids.indexOf(entry.id) >= 0) add("id", S.err_id_taken);
    if (entry.availability === "in-bank" && !chosen.length) add("availability", S.err_no_files);
    if (entry.availability && entry.availability !== "in-bank" && chosen.length) add("availability", S.err_files_elsewhere);
    if (entry.availability === "held-by-agency" && !(entry.holder && entry.holder.agency)) add("holder", S.err_holder);
    var endings = Object.keys(data.extensions).join(", ");
    chosen.forEach(function (c) {
      if (!data.extensions[extension(c.file.name)]) add("files:" + c.file.name, S.err_extension, { name: c.file.name, endings: endings });
    });
  }

  function list(items) { return el("ul", {}, items.map(function (text) { return el("li", {}, [text]); })); }

  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name, hidden: true });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function show(entry, text, warnings) {
    output.textContent = "";
    var pre = el("pre", {}, [el("code", { id: "eucj-propose-yaml", tabindex: "0" }, [text])]);  // scrollable: reachable by keyboard
    var copy = el("button", { type: "button", class: "md-button", "data-clipboard-target": "#eucj-propose-yaml" }, [S.copy]);
    var one = el("button", { type: "button", class: "md-button", id: "eucj-propose-download-entry" }, [S.download_entry]);
    one.addEventListener("click", function () {
      download(new Blob([text], { type: "text/yaml;charset=utf-8" }), entry.id + ".yaml");
    });
    var buttons = [copy, " ", one];
    if (entry.files) {
      var all = el("button", { type: "button", class: "md-button", id: "eucj-propose-download-all" }, [S.download_all]);
      all.addEventListener("click", function () {
        Promise.all(chosen.map(function (c) { return c.file.arrayBuffer(); })).then(function (buffers) {
          var entries = [{ name: entry.id + ".yaml", bytes: new TextEncoder().encode(text) }];
          buffers.forEach(function (buffer, i) { entries.push({ name: entry.files[i].path, bytes: new Uint8Array(buffer) }); });
          download(tools.zip(entries), entry.id + ".zip");
        });
      });
      buttons.push(" ", all);
    }
    output.appendChild(el("h2", { id: "eucj-propose-entry", tabindex: "-1" }, [S.entry]));
    output.appendChild(el("p", {}, [S.done]));
    if (warnings.length) output.appendChild(el("div", { class: "admonition warning" },
      [el("p", { class: "admonition-title" }, [S.warnings]), list(warnings)]));
    output.appendChild(pre);
    output.appendChild(el("p", {}, buttons));
    if (entry.files) output.appendChild(list(entry.files.map(function (f) {
      return fill(S.file_row, { path: f.path, sha256: f.sha256 });
    })));
    output.hidden = false;
    output.querySelector("h2").focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    output.hidden = true;
    problems.textContent = "";
    status.textContent = chosen.length ? S.hashing : "";
    Promise.all(chosen.map(function (c) { return tools.sha256(c.file); })).then(function (hashes) {
      status.textContent = "";
      var entry = collect(hashes), warnings = [];
      var found = schemaProblems(entry);
      ruleProblems(entry, found, warnings);
      // In the order of the form, as the editor reads it.
      var order = data.fields.map(function (f) { return f.name; }).concat(["files"]);
      function rank(path) { var i = order.indexOf(path.split(/[.:]/)[0]); return i < 0 ? order.length : i; }
      var messages = Object.keys(found).sort(function (a, b) { return rank(a) - rank(b); })
        .map(function (k) { return found[k]; });
      if (messages.length) {
        problems.appendChild(el("p", {}, [S.errors]));
        problems.appendChild(list(messages));
        problems.focus();  // the list of what to correct is read first
        return;
      }
      show(entry, tools.entryYaml(entry, LANGS), warnings);
      root.setAttribute("data-entry-ready", entry.id);  // for the tests: the entry is shown
    }, function (err) {  // a file moved or deleted since it was chosen, or unreadable
      status.textContent = fill(S.read_failed, { error: String(err && err.message || err) });
    });
  });
}());
