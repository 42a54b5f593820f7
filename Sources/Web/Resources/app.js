// Roundtable works without this file. Where it loads, it adds small helps on top of the plain forms.
// No inline script anywhere: the Content-Security-Policy allows scripts from this site only.
"use strict";

// Participant look-up: under a "one name per line" box marked data-lookup="people", a search field finds
// people by any spelling or script (through the same name folding as the filter box) and adds the chosen
// name as a new line. It follows the WAI-ARIA combobox pattern: arrows move through the suggestions, Enter
// picks the highlighted one (and never submits the form), Escape closes the list.
document.querySelectorAll("textarea[data-lookup=people]").forEach(function (box) {
  var wrapper = document.createElement("div");
  wrapper.className = "lookup";
  var label = document.createElement("label");
  var id = box.id + "-lookup";
  label.htmlFor = id;
  label.textContent = box.dataset.lookupLabel || "";
  var input = document.createElement("input");
  input.type = "text";
  input.id = id;
  input.autocomplete = "off";
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", id + "-list");
  var results = document.createElement("ul");
  results.className = "lookup-results";
  results.id = id + "-list";
  results.setAttribute("role", "listbox");
  results.setAttribute("aria-label", label.textContent);
  var status = document.createElement("p");
  status.className = "help";
  status.setAttribute("aria-live", "polite");
  wrapper.append(label, input, status, results);
  box.parentNode.insertBefore(wrapper, box.nextSibling);

  var timer = null;
  var latest = 0;
  var active = -1;
  function options() { return Array.prototype.slice.call(results.querySelectorAll("[role=option]")); }
  function close() {
    results.replaceChildren();
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function highlight(index) {
    var all = options();
    if (all.length === 0) { return; }
    active = (index + all.length) % all.length;
    all.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  }
  function pick(name) {
    var lines = box.value.split(/\r?\n/).filter(function (line) { return line.trim() !== ""; });
    lines.push(name);
    box.value = lines.join("\n") + "\n";
    input.value = "";
    close();
    status.textContent = name + " ✓";
    input.focus();
  }
  input.addEventListener("keydown", function (event) {
    var open = options().length > 0;
    if (event.key === "ArrowDown") { event.preventDefault(); if (open) { highlight(active + 1); } }
    else if (event.key === "ArrowUp") { event.preventDefault(); if (open) { highlight(active - 1); } }
    else if (event.key === "Escape") { if (open) { event.preventDefault(); close(); } }
    else if (event.key === "Enter") {
      // Enter in the look-up is never "save the engagement": it picks, or does nothing.
      event.preventDefault();
      if (open) { var all = options(); pick(all[active >= 0 ? active : 0].dataset.name); }
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 200); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) { close(); status.textContent = ""; return; }
    timer = setTimeout(function () {
      var asked = ++latest;
      fetch("/api/v1/people?perPage=8&q=" + encodeURIComponent(text), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (page) {
          if (asked !== latest) { return; }
          close();
          page.items.forEach(function (person, index) {
            var option = document.createElement("li");
            option.id = id + "-option-" + index;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.dataset.name = person.name;
            option.textContent = person.name + (person.currentRoles && person.currentRoles.length ? " — " + person.currentRoles[0] : "");
            // mousedown, not click: it comes before the field's blur closes the list.
            option.addEventListener("mousedown", function (event) { event.preventDefault(); pick(person.name); });
            results.append(option);
          });
          if (page.items.length > 0) { input.setAttribute("aria-expanded", "true"); }
          status.textContent = page.items.length === 0 ? (box.dataset.lookupNone || "") : "";
        })
        .catch(function () { status.textContent = ""; });
    }, 200);
  });
});

// The menu's groups: one open at a time, closed by Escape or a click elsewhere.
var groups = Array.prototype.slice.call(document.querySelectorAll("header.site nav details"));
groups.forEach(function (group) {
  group.addEventListener("toggle", function () {
    if (group.open) { groups.forEach(function (other) { if (other !== group) { other.open = false; } }); }
  });
});
document.addEventListener("click", function (event) {
  groups.forEach(function (group) { if (!group.contains(event.target)) { group.open = false; } });
});
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") { return; }
  groups.forEach(function (group) {
    if (group.open) { group.open = false; group.querySelector("summary").focus(); }
  });
});
