// Roundtable works without this file. Where it loads, it adds small helps on top of the plain forms.
// No inline script anywhere: the Content-Security-Policy allows scripts from this site only.
"use strict";

// Participant look-up: under a "one name per line" box marked data-lookup="people", a search field finds
// people by any spelling or script (through the same name folding as the filter box) and adds the chosen
// name as a new line.
document.querySelectorAll("textarea[data-lookup=people]").forEach(function (box) {
  var wrapper = document.createElement("div");
  wrapper.className = "lookup";
  var label = document.createElement("label");
  var id = box.id + "-lookup";
  label.htmlFor = id;
  label.textContent = box.dataset.lookupLabel || "Find someone in the registry";
  var input = document.createElement("input");
  input.type = "search";
  input.id = id;
  input.autocomplete = "off";
  var results = document.createElement("ul");
  results.className = "lookup-results";
  var status = document.createElement("p");
  status.className = "help";
  status.setAttribute("aria-live", "polite");
  wrapper.append(label, input, status, results);
  box.parentNode.insertBefore(wrapper, box.nextSibling);

  var timer = null;
  var latest = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) { results.replaceChildren(); status.textContent = ""; return; }
    timer = setTimeout(function () {
      var asked = ++latest;
      fetch("/api/v1/people?perPage=8&q=" + encodeURIComponent(text), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (page) {
          if (asked !== latest) { return; }
          results.replaceChildren();
          page.items.forEach(function (person) {
            var item = document.createElement("li");
            var button = document.createElement("button");
            button.type = "button";
            button.className = "link";
            button.textContent = person.name + (person.currentRoles && person.currentRoles.length ? " — " + person.currentRoles[0] : "");
            button.addEventListener("click", function () {
              var lines = box.value.split(/\r?\n/).filter(function (line) { return line.trim() !== ""; });
              lines.push(person.name);
              box.value = lines.join("\n") + "\n";
              input.value = "";
              results.replaceChildren();
              status.textContent = person.name + " ✓";
              input.focus();
            });
            item.append(button);
            results.append(item);
          });
          status.textContent = page.items.length === 0 ? (box.dataset.lookupNone || "No one found.") : "";
        })
        .catch(function () { status.textContent = ""; });
    }, 200);
  });
});
