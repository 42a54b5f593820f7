// The page side of the offline capture (see sw.js for the worker). Roundtable works without it; it runs
// only on devices whose user chose "use offline on this device" on their account page. Every word it shows
// comes from the page, written there by the server from the catalogue.
"use strict";
(function () {
  var FLAG = "roundtable.offline";
  var supported = "serviceWorker" in navigator && "indexedDB" in window && "caches" in window;
  var enabled = supported && localStorage.getItem(FLAG) === "on";

  // ---- The device's store, as the worker keeps it ----
  function withStore(mode, work) {
    return new Promise(function (resolve, reject) {
      var opening = indexedDB.open("roundtable", 1);
      opening.onupgradeneeded = function () {
        var store = opening.result.createObjectStore("captures", { keyPath: "id", autoIncrement: true });
        store.createIndex("key", "key", { unique: false });
      };
      opening.onerror = function () { reject(opening.error); };
      opening.onsuccess = function () {
        var db = opening.result;
        var transaction = db.transaction("captures", mode);
        var request = work(transaction.objectStore("captures"));
        transaction.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        transaction.onerror = function () { db.close(); reject(transaction.error); };
      };
    });
  }
  function kept() { return withStore("readonly", function (store) { return store.getAll(); }); }

  function plural(element, count) {
    var lang = document.documentElement.lang || "en";
    var category = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang).select(count) : (count === 1 ? "one" : "other");
    var template = element.getAttribute("data-plural-" + category) || element.getAttribute("data-plural-other") || "{0}";
    return template.replace("{0}", count.toLocaleString(lang));
  }

  function word(element, name) { return element.getAttribute("data-word-" + name) || ""; }

  // ---- "N waiting to be sent" beside "Log an engagement" ----
  function showBadge() {
    var badge = document.querySelector(".capture-badge");
    if (!badge || !enabled) { return Promise.resolve(); }
    return kept().then(function (items) {
      badge.textContent = plural(badge, items.length);
      badge.hidden = items.length === 0;
    }).catch(function () {});
  }

  // ---- The waiting list ----
  function showWaiting() {
    var box = document.getElementById("captures");
    if (!box) { return Promise.resolve(); }
    var list = box.querySelector(".capture-list");
    var send = box.querySelector(".capture-send");
    var status = box.querySelector(".capture-status");
    if (!navigator.onLine) { status.textContent = word(box, "offline"); }
    return kept().then(function (items) {
      list.textContent = "";
      send.hidden = !enabled || items.length === 0;
      if (!items.length) {
        var none = document.createElement("li");
        none.textContent = word(box, "empty");
        list.appendChild(none);
        return;
      }
      items.forEach(function (item) {
        var row = document.createElement("li");
        row.className = "capture capture-" + item.status;
        var title = document.createElement("p");
        title.className = "record-title";
        title.textContent = item.title || word(box, "untitled");
        var meta = document.createElement("p");
        meta.className = "record-meta";
        var when = new Date(item.savedAt).toLocaleString(box.getAttribute("data-lang") || undefined,
                                                        { dateStyle: "medium", timeStyle: "short" });
        meta.textContent = [word(box, item.kind), word(box, "kept") + " " + when, word(box, item.status)].join(" · ");
        row.appendChild(title);
        row.appendChild(meta);
        if (item.message) {
          var message = document.createElement("p");
          message.className = "field-error";
          message.textContent = item.message;
          row.appendChild(message);
        }
        if (item.kind === "engagement" && item.status !== "sending") {
          var open = document.createElement("a");
          open.href = "/engagements/new#capture=" + encodeURIComponent(item.key);
          open.className = "button secondary";
          open.textContent = word(box, "open");
          row.appendChild(open);
        }
        if (item.status === "attention") {
          // What the server cannot take as it is, and is not corrected in the form, the author may let go.
          var remove = document.createElement("button");
          remove.type = "button";
          remove.className = "secondary";
          remove.textContent = word(box, "remove");
          remove.addEventListener("click", function () {
            if (!window.confirm(word(box, "removeConfirm"))) { return; }
            withStore("readwrite", function (store) { store.delete(item.id); }).then(function () { showBadge(); showWaiting(); });
          });
          row.appendChild(remove);
        }
        list.appendChild(row);
      });
    }).catch(function () {});
  }

  // ---- Asking the worker to send ----
  function askToSend() {
    if (!enabled || !navigator.serviceWorker.controller) { return; }
    navigator.serviceWorker.controller.postMessage({ type: "send" });
    // Now and then, while there is a connection, the pages kept for offline are fetched again (signed in:
    // this page was served), so that the log form kept is this session's and this server's.
    var last = Number(localStorage.getItem(FLAG + ".warmed") || 0);
    var signedIn = !!document.querySelector("form[data-sign-out]");
    if (signedIn && navigator.onLine && Date.now() - last > 10 * 60 * 1000) {
      localStorage.setItem(FLAG + ".warmed", String(Date.now()));
      navigator.serviceWorker.controller.postMessage({ type: "warm" });
    }
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.sync) { registration.sync.register("roundtable-send").catch(function () {}); }
    });
  }

  // ---- A kept log form opened again to be corrected: its fields, and the same identity ----
  function reopenCapture() {
    var form = document.querySelector("form.record-form input[name=capture]");
    var match = location.hash.match(/^#capture=(.+)$/);
    if (!form || !match) { return Promise.resolve(); }
    var key = decodeURIComponent(match[1]);
    return withStore("readonly", function (store) { return store.index("key").getAll(key); }).then(function (found) {
      if (!found || !found.length) { return; }
      var formElement = form.form;
      new URLSearchParams(found[0].body).forEach(function (value, name) {
        if (name === "_csrf") { return; }
        var target = formElement.elements.namedItem(name);
        if (!target) { return; }
        if (target.type === "checkbox") { target.checked = value !== ""; } else { target.value = value; }
      });
      form.value = key;
      // Sent from here, it is this form's to send: the device's earlier copy goes (and comes back if this
      // send cannot reach the server either).
      formElement.addEventListener("submit", function () {
        withStore("readwrite", function (store) { store.delete(found[0].id); });
      });
    });
  }

  // ---- One tab for one capture ----
  // Two tabs holding the same log form (a tab duplicated) would send two versions of one capture; the
  // second tab is told so, and can start a capture of its own.
  function lockCapture() {
    var field = document.querySelector("form.record-form input[name=capture]");
    var notice = document.querySelector(".capture-locked");
    if (!field || !notice || !navigator.locks) { return; }
    navigator.locks.request("roundtable-capture-" + field.value, { ifAvailable: true }, function (lock) {
      if (!lock) {
        notice.hidden = false;
        var submit = field.form.querySelector("button[type=submit]");
        if (submit) { submit.disabled = true; }
        notice.querySelector("button").addEventListener("click", function () {
          field.value = window.crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
          notice.hidden = true;
          if (submit) { submit.disabled = false; }
          lockCapture();
        }, { once: true });
        return null;
      }
      // Held for as long as the page is open.
      return new Promise(function () {});
    });
  }

  // ---- Forgetting: everything held on this device goes, after a warning if captures wait ----
  function forget(warningElement) {
    return kept().catch(function () { return []; }).then(function (items) {
      if (items.length && warningElement && !window.confirm(plural(warningElement, items.length))) { return false; }
      localStorage.removeItem(FLAG);
      localStorage.removeItem(FLAG + ".warmed");
      enabled = false;
      var cleared = [
        caches.keys().then(function (names) {
          return Promise.all(names.filter(function (n) { return n.indexOf("roundtable-") === 0; }).map(function (n) { return caches.delete(n); }));
        }),
        new Promise(function (resolve) {
          var deleting = indexedDB.deleteDatabase("roundtable");
          deleting.onsuccess = deleting.onerror = deleting.onblocked = function () { resolve(); };
        }),
        navigator.serviceWorker.getRegistrations().then(function (registrations) {
          return Promise.all(registrations.map(function (registration) { return registration.unregister(); }));
        })
      ];
      return Promise.all(cleared).then(function () { return true; });
    });
  }

  // ---- The account page's switch ----
  function accountSwitch() {
    var box = document.querySelector("[data-offline]");
    if (!box) { return; }
    var state = box.querySelector(".offline-state");
    var enable = box.querySelector("[data-offline-enable]");
    var forgetButton = box.querySelector("[data-offline-forget]");
    function show() {
      state.textContent = word(box, !supported ? "unsupported" : enabled ? "on" : "off");
      enable.hidden = !supported || enabled;
      forgetButton.hidden = !supported || !enabled;
    }
    show();
    enable.addEventListener("click", function () {
      localStorage.setItem(FLAG, "on");
      enabled = true;
      state.textContent = word(box, "preparing");
      enable.hidden = true;
      navigator.serviceWorker.register("/sw.js").then(function () {
        return navigator.serviceWorker.ready;
      }).then(function () {
        if (navigator.storage && navigator.storage.persist) { return navigator.storage.persist(); }
      }).then(show, function () { localStorage.removeItem(FLAG); enabled = false; show(); });
    });
    forgetButton.addEventListener("click", function () {
      forget(box).then(function (done) { if (done) { show(); } });
    });
  }

  // Signing out leaves nothing on the device; captures not yet sent are named first.
  function signOutClears() {
    document.querySelectorAll("form[data-sign-out]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!supported || form.getAttribute("data-cleared") === "1") { return; }
        event.preventDefault();
        forget(form).then(function (done) {
          if (!done) { return; }
          form.setAttribute("data-cleared", "1");
          form.submit();
        });
      });
    });
  }

  accountSwitch();
  signOutClears();
  if (!enabled) { return; }
  // Keep the registration current: a new server version brings a new worker (captures stay).
  navigator.serviceWorker.register("/sw.js").catch(function () {});
  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    var box = document.getElementById("captures");
    if (box && (data.type === "sent" || data.type === "review" || data.type === "deleted")) {
      var status = box.querySelector(".capture-status");
      // The page's words are named as the answers are ("sent", "deleted"), but for "review" ("reviewed").
      var line = word(box, data.type === "review" ? "reviewed" : data.type) + " " + (data.title || word(box, "untitled"));
      status.textContent = status.textContent && status.textContent !== word(box, "offline") ? status.textContent + " " + line : line;
    }
    showBadge();
    showWaiting();
  });
  window.addEventListener("online", function () { askToSend(); showWaiting(); });
  window.addEventListener("offline", showWaiting);
  showBadge();
  showWaiting();
  // The lock is taken on the capture's identity once a kept capture has given the form its own.
  reopenCapture().then(lockCapture, lockCapture);
  navigator.serviceWorker.ready.then(askToSend);
})();
