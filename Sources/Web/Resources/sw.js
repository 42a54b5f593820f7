// Roundtable's service worker, for the devices whose users chose "use offline on this device".
//
// It does two things. It keeps the few pages a field officer needs with no connection — the log form, a
// visit, their follow-ups, the waiting list — but only those the server marks `X-Roundtable-Offline: keep`
// (never a page that shows a restricted record, never the registry). And it keeps what is logged with no
// connection until the server confirms it has it: a form that cannot reach the server is stored in
// IndexedDB and sent later — when a page opens, when the device comes online, and through Background Sync
// where the browser has it. A copy on the device is deleted only after the server's answer.
//
// Every capture carries the identity its form was given when it was opened, so sending it twice makes one
// record (the server keeps the identity unique). Written to what Chromium, Firefox and Safari share:
// Service Worker, Cache Storage, IndexedDB; Background Sync is an extra. A new server version replaces the
// kept pages; the captures are in IndexedDB, which no update of this worker touches.
"use strict";

var VERSION = "__VERSION__";
var PAGES = "roundtable-pages-" + VERSION;
var STATIC = ["/static/app.css", "/static/app.js", "/static/offline.js"];
var START = ["/engagements/new", "/follow-ups", "/captures"];
// Forms that may be kept when they cannot be sent: a new engagement, a follow-up's status, a note added to
// an engagement (a follow-up or a quote).
var KEPT_FORMS = [/^\/engagements$/, /^\/follow-ups\/[0-9a-f-]{36}\/status$/,
                  /^\/engagements\/[0-9a-f-]{36}\/(follow-ups|quotes)$/];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(PAGES).then(function (cache) {
    return Promise.all(STATIC.map(function (path) {
      return fetch(path).then(function (response) { if (response.ok) { return cache.put(path, response); } }).catch(function () {});
    })).then(function () { return warm(cache, true); });
  }).then(function () { return self.skipWaiting(); }));
});

// Fetches the pages an officer needs offline. A page the server does not give now (the session ended, no
// connection) keeps the copy an earlier version of this worker had: an older form beats no form.
function warm(cache, fromEarlier) {
  return Promise.all(START.map(function (path) {
    return fetch(path, { credentials: "same-origin", redirect: "manual", cache: "no-store" }).then(function (response) {
      if (response.ok && isKeepable(response)) { return cache.put(path, response); }
      throw new Error("not kept");
    }).catch(function () {
      if (fromEarlier) { return copyFromEarlier(cache, path); }
    });
  }));
}

function copyFromEarlier(cache, path) {
  return caches.keys().then(function (names) {
    var earlier = names.filter(function (name) { return name.indexOf("roundtable-pages-") === 0 && name !== PAGES; });
    return earlier.reduce(function (found, name) {
      return found.then(function (response) {
        return response || caches.open(name).then(function (old) { return old.match(path); });
      });
    }, Promise.resolve(undefined));
  }).then(function (response) {
    if (response) { return cache.put(path, response); }
  });
}

// Sending what waits is started here but not waited for: until activation ends, the browser holds every
// page's requests for this worker, so a slow send made pages hang (a browser test saw a script wait 30 s).
// The earlier version's kept pages come along (those this version has not fetched itself): a visit or an
// engagement opened while the new version was installing was kept by the old worker, and used to be lost
// with its cache (a browser test found the page missing offline). Each is then asked for again, also not
// waited for, so that a new version still replaces the pages it can reach.
self.addEventListener("activate", function (event) {
  var carried = [];
  event.waitUntil(caches.keys().then(function (names) {
    var earlier = names.filter(function (name) { return name.indexOf("roundtable-pages-") === 0 && name !== PAGES; });
    return caches.open(PAGES).then(function (current) {
      return earlier.reduce(function (chain, name) {
        return chain.then(function () { return carryOver(name, current, carried); });
      }, Promise.resolve());
    }).then(function () {
      return Promise.all(earlier.map(function (name) { return caches.delete(name); }));
    });
  }).then(function () { return self.clients.claim(); }).then(function () { sendAll(); refresh(carried); }));
});

function carryOver(name, current, carried) {
  return caches.open(name).then(function (old) {
    return old.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return current.match(request).then(function (have) {
          if (have) { return; }
          return old.match(request).then(function (response) {
            if (response) { carried.push(request.url); return current.put(request, response); }
          });
        });
      }));
    });
  }).catch(function () {});
}

// A carried page as the server gives it now: replaced when it may still be kept, dropped when the server
// answers without keeping it or no longer shows it to this user (a record since restricted answers 404),
// left as it is when there is no answer or the session has ended (an older copy beats none; the redirect to
// sign in is not followed, see `freshToken`).
function refresh(urls) {
  return urls.reduce(function (chain, url) {
    return chain.then(function () {
      return fetchWithin(url, { credentials: "same-origin", redirect: "manual", cache: "no-store" }).then(function (response) {
        return caches.open(PAGES).then(function (cache) {
          var key = cacheKey(new URL(url));
          if (response.ok && isKeepable(response)) { return cache.put(key, response); }
          if (response.ok || response.status === 404 || response.status === 410) { return cache.delete(key); }
        });
      }).catch(function () {});
    });
  }, Promise.resolve());
}

function isKeepable(response) {
  return response.headers.get("X-Roundtable-Offline") === "keep" && !response.redirected;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf("/api/") === 0) { return; }
  if (request.method === "GET" && url.pathname.indexOf("/static/") === 0) {
    event.respondWith(fromNetworkElseCache(request, true));
  } else if (request.method === "GET" && request.mode === "navigate") {
    event.respondWith(fromNetworkElseCache(request, false));
  } else if (request.method === "POST" && KEPT_FORMS.some(function (path) { return path.test(url.pathname); })) {
    event.respondWith(sendElseKeep(request, url));
  }
});

// The network first, so a page is as current as the connection allows; what the server allows is kept,
// and a page that is no longer allowed (it now shows something restricted) is dropped from the device.
// The page is shown once its copy is kept, not before: an officer who opens it and walks out of signal
// the next moment has it (the copy used to be written after the page was shown, and could be missing).
function fromNetworkElseCache(request, isStatic) {
  var key = cacheKey(new URL(request.url));
  return fetch(request).then(function (response) {
    if (!response.ok) { return response; }
    return caches.open(PAGES).then(function (cache) {
      if (isStatic || isKeepable(response)) { return cache.put(key, response.clone()); }
      return cache.delete(key);
    }).then(function () { return response; }, function () { return response; });
  }).catch(function () {
    return keptCopy(key).then(function (kept) {
      if (kept) { return key === "/engagements/new" ? withNewCapture(kept) : kept; }
      // Not kept here: the waiting list says so, and lists what waits.
      return keptCopy("/captures").then(function (list) {
        return list || new Response("", { status: 503 });
      });
    });
  });
}

// This version's copy, else one that another version of the worker still holds (a worker replaced while
// it was answering may be reading a cache that the new one has just emptied).
function keptCopy(key) {
  return caches.match(key, { cacheName: PAGES }).then(function (kept) { return kept || caches.match(key); });
}

// One copy of the log form, whatever visit it was opened from; other pages by their address.
function cacheKey(url) {
  if (url.pathname === "/engagements/new") { return "/engagements/new"; }
  return url.pathname + url.search;
}

// A kept log form opened again is a new capture: it gets an identity of its own.
function withNewCapture(response) {
  return response.text().then(function (html) {
    var fresh = html.replace(/name="capture" value="[^"]*"/, 'name="capture" value="' + newKey() + '"');
    var headers = new Headers(response.headers);
    return new Response(fresh, { status: 200, headers: headers });
  });
}

function newKey() {
  if (self.crypto && self.crypto.randomUUID) { return self.crypto.randomUUID(); }
  var bytes = self.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
}

// A form sent while the connection is there goes through as it always did. One that cannot reach the
// server is kept on the device, and the user is shown the waiting list.
function sendElseKeep(request, url) {
  var copy = request.clone();
  function keepIt() {
    return copy.text().then(function (body) {
      return keep(url.pathname, body);
    }).then(function () {
      requestSync();
      return Response.redirect("/captures?kept=1", 303);
    });
  }
  return fetch(request).then(function (response) {
    // A form kept on the device carries the form token of the page it was kept from; refused for that, it
    // is kept and sent with this session's token instead of being lost on an error page.
    return response.status === 403 ? keepIt() : response;
  }, keepIt);
}

// ---- The device's store of captures (IndexedDB) ----

function openStore() {
  return new Promise(function (resolve, reject) {
    var opening = indexedDB.open("roundtable", 1);
    opening.onupgradeneeded = function () {
      var store = opening.result.createObjectStore("captures", { keyPath: "id", autoIncrement: true });
      store.createIndex("key", "key", { unique: false });
    };
    opening.onsuccess = function () { resolve(opening.result); };
    opening.onerror = function () { reject(opening.error); };
  });
}

function inStore(mode, work) {
  return openStore().then(function (db) {
    return new Promise(function (resolve, reject) {
      var transaction = db.transaction("captures", mode);
      var result = work(transaction.objectStore("captures"));
      transaction.oncomplete = function () { db.close(); resolve(result && result.result !== undefined ? result.result : result); };
      transaction.onerror = function () { db.close(); reject(transaction.error); };
    });
  });
}

function field(body, name) {
  return new URLSearchParams(body).get(name) || "";
}

// A capture sent again from the same form (its identity) replaces the copy kept before, never adds one.
function keep(path, body) {
  var kind = path === "/engagements" ? "engagement" : /\/status$/.test(path) ? "followup" : "note";
  var key = field(body, "capture") || newKey();
  var title = field(body, "title") || field(body, "text");
  return inStore("readwrite", function (store) {
    var lookup = store.index("key").getAll(key);
    lookup.onsuccess = function () {
      var earlier = lookup.result[0];
      var item = { key: key, kind: kind, path: path, body: body, title: title,
                   savedAt: new Date().toISOString(), status: "waiting", message: "" };
      if (earlier) { item.id = earlier.id; }
      store.put(item);
    };
  }).then(function () { tellPages({ type: "changed" }); });
}

function all() {
  return inStore("readonly", function (store) { return store.getAll(); });
}

function update(item) {
  return inStore("readwrite", function (store) { store.put(item); });
}

function remove(id) {
  return inStore("readwrite", function (store) { store.delete(id); });
}

function requestSync() {
  if (self.registration.sync) { self.registration.sync.register("roundtable-send").catch(function () {}); }
}

self.addEventListener("sync", function (event) {
  if (event.tag === "roundtable-send") { event.waitUntil(sendAll()); }
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "send") {
    event.waitUntil(sendAll());
  } else if (data.type === "warm") {
    event.waitUntil(caches.open(PAGES).then(function (cache) { return warm(cache, false); }));
  } else if (data.type === "forget") {
    event.waitUntil(forget().then(function () {
      if (event.source) { event.source.postMessage({ type: "forgotten" }); }
    }));
  }
});

function tellPages(message) {
  return self.clients.matchAll({ includeUncontrolled: true }).then(function (pages) {
    pages.forEach(function (page) { page.postMessage(message); });
  });
}

// Everything this device holds for Roundtable: kept pages and captures.
function forget() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("roundtable-") === 0; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () {
    return new Promise(function (resolve) {
      var deleting = indexedDB.deleteDatabase("roundtable");
      deleting.onsuccess = deleting.onerror = deleting.onblocked = function () { resolve(); };
    });
  });
}

// ---- Sending what waits ----

// A send that has had no answer in 30 seconds is given up as if there were no connection (the capture
// waits for the next try; the server keeps one record per capture, so a send that did arrive is not doubled),
// rather than holding every later capture behind it.
function fetchWithin(url, options) {
  if (!self.AbortController) { return fetch(url, options); }
  var controller = new AbortController();
  var timer = setTimeout(function () { controller.abort(); }, 30000);
  options.signal = controller.signal;
  return fetch(url, options).then(function (response) { clearTimeout(timer); return response; },
                                  function (error) { clearTimeout(timer); throw error; });
}

var sending = null;

// One send at a time on this device, however many pages ask: no resend storms.
function sendAll() {
  if (sending) { return sending; }
  sending = all().then(function (items) {
    var waiting = items.filter(function (item) { return item.status !== "attention"; });
    if (!waiting.length) { return; }
    return freshToken().then(function (token) {
      if (!token) { return markAll(waiting, "signin"); }
      return waiting.reduce(function (chain, item) {
        return chain.then(function (go) { return go === false ? false : sendOne(item, token); });
      }, Promise.resolve(true));
    });
  }).catch(function () {}).then(function () {
    sending = null;
    return tellPages({ type: "changed" });
  });
  return sending;
}

// The form token of this browser's session, read from the waiting list's page: a token kept with a
// capture may be older than the browser's cookie. Signed out, the server redirects to the sign-in page;
// that is not followed (here, in `warm` and in `refresh`): fetched by the worker while the user opens the
// sign-in page, it answered with a token of its own, which could replace the one the user's form carried.
function freshToken() {
  return fetchWithin("/captures", { credentials: "same-origin", redirect: "manual", cache: "no-store" }).then(function (response) {
    if (!response.ok) { return ""; }
    return response.text().then(function (html) {
      var match = html.match(/name="_csrf" value="([^"]+)"/);
      return match ? match[1] : "";
    });
  }).catch(function () { return null; }).then(function (token) {
    if (token === null) { throw new Error("offline"); }
    return token;
  });
}

function markAll(items, status) {
  return items.reduce(function (chain, item) {
    item.status = status;
    return chain.then(function () { return update(item); });
  }, Promise.resolve());
}

// Resolves false to stop sending (no connection, or the server is in trouble): the rest waits.
function sendOne(item, token) {
  var body = new URLSearchParams(item.body);
  body.set("_csrf", token);
  var target = item.kind === "engagement" ? "/captures" : item.path;
  item.status = "sending";
  return update(item).then(function () {
    return fetchWithin(target, {
      method: "POST", credentials: "same-origin", redirect: "follow",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
                 "Idempotency-Key": item.key },
      body: body.toString()
    });
  }).then(function (response) {
    var landed = new URL(response.url).pathname;
    if (landed === "/sign-in" || response.status === 401 || response.status === 403) {
      item.status = "signin";
      return update(item).then(function () { return false; });
    }
    if (response.ok || response.status === 409) {
      // Saved, kept on the server for its author to review, or sent before and deleted since: the device may
      // let go of it.
      return response.json().catch(function () { return {}; }).then(function (answer) {
        var type = response.ok ? "sent" : answer.status === "deleted" ? "deleted" : "review";
        return remove(item.id).then(function () {
          return tellPages({ type: type, title: item.title, message: answer.message || "" });
        });
      }).then(function () { return true; });
    }
    if (response.status === 422) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        item.status = "attention";
        item.message = [answer.message].concat(answer.issues || []).filter(Boolean).join(" ");
        return update(item);
      }).then(function () { return true; });
    }
    item.status = "waiting";
    return update(item).then(function () { return false; });
  }, function () {
    item.status = "waiting";
    return update(item).then(function () { return false; });
  });
}
