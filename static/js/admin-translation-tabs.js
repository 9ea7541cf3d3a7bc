// The admin's translated fields (django-modeltranslation marks each language's control
// with the class "mt-field-<field>-<language>") get one tab per language, following the
// WAI-ARIA tabs pattern: a tab list named after the field, the arrow keys, Home and End
// move between languages, only the selected tab is in the Tab order. Buttons above the
// form show every field in one language. Without JavaScript every language simply shows.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("body.change-form #content-main form");
  var PREFIX = "mt-field-";
  var groups = [];
  var languages = [];
  var current = (document.documentElement.lang || "").replace("-", "_").toLowerCase();
  var count = 0;

  if (!form) return;

  function languageOf(control) {
    for (var i = 0; i < control.classList.length; i++) {
      var name = control.classList[i];
      if (name.indexOf(PREFIX) === 0) return name.slice(name.lastIndexOf("-") + 1);
    }
    return null;
  }

  function languageName(code) {
    try {
      var names = new Intl.DisplayNames([document.documentElement.lang || "en"], {type: "language"});
      var name = names.of(code.replace("_", "-"));
      return name.charAt(0).toUpperCase() + name.slice(1);
    } catch (error) {
      return code.toUpperCase();
    }
  }

  // What holds one language's field: its cell in a tabular inline, its box when a row
  // holds several fields, else its row.
  function containerOf(control) {
    return control.closest(".tabular td, .fieldBox, .form-row");
  }

  // The field's name without its language: "title" for "Title [en]:".
  function fieldLabel(container) {
    var label = container.querySelector("label, legend");
    var text = label ? label.textContent : "";
    return text.replace(/\s*\[[^\]]*\]/, "").replace(/:\s*$/, "").trim();
  }

  function hasErrors(container) {
    return container.querySelector(".errorlist li") !== null;
  }

  // Fields of each language, grouped by the field they translate (the control's name
  // without its language): {"title": {"en": input, "fr": input}, ...}.
  function translatedFields(root) {
    var found = new Map();
    root.querySelectorAll("input.mt, select.mt, textarea.mt").forEach(function (control) {
      var language = languageOf(control);
      if (!language || !control.name || control.name.indexOf("__prefix__") !== -1) return;
      if (control.closest(".empty-form, .translation-tabs")) return;
      var field = control.name.slice(0, -(language.length + 1));
      if (!found.has(field)) found.set(field, new Map());
      if (!found.get(field).has(language)) found.get(field).set(language, containerOf(control));
    });
    return found;
  }

  // A tabular inline's column header: the first language's names the column, the
  // others' are hidden with their cells.
  function header(cell) {
    var field = Array.from(cell.classList).find(function (name) {
      return name.indexOf("field-") === 0;
    });
    var table = cell.closest("table");
    return field && table ? table.querySelector("thead th.column-" + field.slice(6)) : null;
  }

  function show(group, language) {
    if (!group.tabs.some(function (tab) { return tab.dataset.language === language; })) return;
    group.tabs.forEach(function (tab, index) {
      var selected = tab.dataset.language === language;
      tab.setAttribute("aria-selected", selected ? "true" : "false");
      tab.tabIndex = selected ? 0 : -1;
      group.panels[index].hidden = !selected;
    });
  }

  function makeTabs(containers) {
    var entries = Array.from(containers.entries());
    var distinct = new Set(entries.map(function (entry) { return entry[1]; }));
    if (entries.length < 2 || distinct.has(null) || distinct.size < entries.length) return;
    var first = entries[0][1];
    var inCell = first.tagName === "TD";
    var id = "translation-tabs-" + (++count);
    var widget = document.createElement("div");
    var list = document.createElement("div");
    var group = {tabs: [], panels: []};
    var shown = null;
    widget.className = "translation-tabs";
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", fieldLabel(first));
    widget.append(list);
    if (!inCell) first.before(widget);

    entries.forEach(function (entry) {
      var language = entry[0];
      var container = entry[1];
      var tab = document.createElement("button");
      var panel = document.createElement("div");
      tab.type = "button";
      tab.id = id + "-" + language;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", tab.id + "-panel");
      tab.dataset.language = language;
      tab.textContent = languageName(language);
      panel.id = tab.id + "-panel";
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      if (hasErrors(container)) {
        var note = document.createElement("span");
        note.className = "visually-hidden";
        note.textContent = " " + (script.dataset.errorLabel || "(error)");
        tab.classList.add("has-errors");
        tab.append(note);
        shown = shown || language;
      }
      if (inCell) {
        panel.append.apply(panel, Array.from(container.childNodes));
        if (container !== first) {
          container.hidden = true;
          if (header(container)) header(container).hidden = true;
        }
      } else {
        panel.append(container);
      }
      if (languages.indexOf(language) === -1) languages.push(language);
      list.append(tab);
      widget.append(panel);
      group.tabs.push(tab);
      group.panels.push(panel);
    });
    if (inCell) {
      first.append(widget);
      var th = header(first);
      if (th && th.firstChild) th.firstChild.textContent = fieldLabel(first) + " ";
    }

    list.addEventListener("click", function (event) {
      var tab = event.target.closest("[role=tab]");
      if (tab) show(group, tab.dataset.language);
    });
    list.addEventListener("keydown", function (event) {
      var index = group.tabs.indexOf(event.target);
      var last = group.tabs.length - 1;
      var next = {ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last}[event.key];
      if (index === -1 || next === undefined) return;
      event.preventDefault();
      var tab = group.tabs[next > last ? 0 : next < 0 ? last : next];
      show(group, tab.dataset.language);
      tab.focus();
    });
    show(group, shown || (containers.has(current) ? current : entries[0][0]));
    groups.push(group);
  }

  function addSwitch() {
    var fieldset = form.querySelector("fieldset");
    if (!fieldset || !groups.length) return;
    var box = document.createElement("div");
    var label = document.createElement("span");
    box.className = "translation-switch";
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", "translation-switch-label");
    label.id = "translation-switch-label";
    label.textContent = script.dataset.switchLabel || "Languages:";
    box.append(label);
    languages.forEach(function (language) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      button.textContent = languageName(language);
      button.addEventListener("click", function () {
        current = language;
        groups.forEach(function (group) { show(group, language); });
      });
      box.append(button);
    });
    fieldset.before(box);
  }

  translatedFields(form).forEach(makeTabs);
  addSwitch();
  // A row added to an inline ("Add another"): its fields get tabs too, in the language
  // last chosen for the whole form.
  document.addEventListener("formset:added", function (event) {
    translatedFields(event.target).forEach(makeTabs);
  });
})();
