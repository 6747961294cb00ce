/* Quiz answers survive a failing connection (learning/, lesson pages).
 * An answer that cannot be sent is kept in this browser and sent again as soon as the
 * connection is back; the server takes each answer once, so sending twice changes nothing.
 * Without this script the forms post as plain HTML forms. */
(function () {
  "use strict";
  var KEY = "wegweiser-pending-answers";

  function pending() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function store(list) {
    try { localStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { /* private mode */ }
  }
  function send(item) {
    return fetch(item.action, {
      method: "POST", body: new URLSearchParams(item.fields), credentials: "same-origin"
    }).then(function (response) {
      if (response.status >= 500) { throw new Error("server " + response.status); }
      return response;
    });
  }
  function show(url, anchor) {
    var target = url.split("#")[0];
    if (target === location.href.split("#")[0]) {
      location.hash = anchor;
      location.reload();
    } else {
      location.assign(target + "#" + anchor);
    }
  }
  function flush() {
    var list = pending();
    if (!list.length) { return Promise.resolve(false); }
    return send(list[0]).then(function () {
      store(pending().slice(1));
      return flush().then(function () { return true; });
    }, function () { return false; });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("question")) { return; }
    event.preventDefault();
    var fields = [];
    new FormData(form).forEach(function (value, name) { fields.push([name, value]); });
    var item = { action: form.action.split("#")[0], fields: fields };
    send(item).then(function (response) { show(response.url, form.id); }, function () {
      store(pending().concat([item]));
      var note = form.querySelector("[data-offline]");
      if (note) { note.hidden = false; }
    });
  });

  function retry() {
    flush().then(function (sent) { if (sent) { location.reload(); } });
  }
  window.addEventListener("online", retry);
  if (navigator.onLine !== false) { retry(); }
})();
