/* The live console on a poor connection.
 *
 * Every console form marked data-outbox is not posted directly: its fields (with the
 * submission key and row version the server rendered) go into an outbox kept in
 * localStorage, and the outbox is sent in order. If the connection drops, the changes
 * stay in the outbox (and survive a reload) and are sent again when it returns; the
 * server applies a key once, so a change that did arrive before the drop is not applied
 * twice. Text typed in a record but not yet saved is kept as a draft too.
 */
(function () {
  "use strict";
  var root = document.getElementById("console-live");
  if (!root) return;
  var conference = root.dataset.conference;
  var OUTBOX = "doithoai.console.outbox." + conference;
  var DRAFT = "doithoai.console.draft." + conference + ".";
  var banner = document.getElementById("outbox");
  var sending = false;

  function load() {
    try { return JSON.parse(localStorage.getItem(OUTBOX) || "[]"); } catch (e) { return []; }
  }
  function save(items) { localStorage.setItem(OUTBOX, JSON.stringify(items)); }

  function show(text, kind) {
    if (!banner) return;
    if (!text) { banner.hidden = true; banner.textContent = ""; return; }
    banner.hidden = false;
    banner.className = "outbox outbox--" + (kind || "waiting");
    banner.textContent = text;
  }
  function showWaiting() {
    var n = load().length;
    if (n) show(banner.dataset.waiting.replace("{n}", n), "waiting");
    else show("");
  }

  function swap(html) {
    root.innerHTML = html;
    if (window.htmx) window.htmx.process(root);
    restoreDrafts();
    startTimers();
  }

  function flush() {
    if (sending) return;
    var items = load();
    if (!items.length) { showWaiting(); return; }
    sending = true;
    var item = items[0];
    show(banner.dataset.sending + " (" + items.length + ")", "sending");
    fetch(item.url, {
      method: "POST",
      body: item.body,
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "HX-Request": "true",
        "X-CSRFToken": item.csrf
      }
    }).then(function (response) {
      return response.text().then(function (html) {
        sending = false;
        if (response.status >= 500) { showWaiting(); setTimeout(flush, 5000); return; }
        var rest = load().filter(function (x) { return x.id !== item.id; });
        save(rest);
        if (response.ok && item.draft) localStorage.removeItem(DRAFT + item.draft);
        if (response.status === 403 || response.status === 404) { show(banner.dataset.failed, "error"); return; }
        if (response.headers.get("Content-Type") && response.headers.get("Content-Type").indexOf("text/html") === 0) swap(html);
        if (rest.length) flush(); else showWaiting();
      });
    }).catch(function () {
      // No connection: keep the change, say so, try again.
      sending = false;
      showWaiting();
      setTimeout(flush, 5000);
    });
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function (c) {
      var r = (Math.random() * 16) | 0;
      return (c === "x" ? r : (r & 0x3) | 0x8).toString(16);
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-outbox")) return;
    event.preventDefault();
    var data = new FormData(form);
    if (!data.get("key")) data.set("key", newKey());
    var csrf = data.get("csrfmiddlewaretoken") || "";
    var textarea = form.querySelector("textarea[data-draft]");
    var items = load();
    items.push({
      id: newKey(),
      url: form.action,
      body: new URLSearchParams(data).toString(),
      csrf: csrf,
      label: form.dataset.label || "",
      draft: textarea ? textarea.dataset.draft : ""
    });
    save(items);
    // A second click on the same form sends the same key: the server applies it once.
    flush();
  }, true);

  // Drafts: what is typed in a record is kept until the server has it.
  function restoreDrafts() {
    root.querySelectorAll("form[data-outbox] textarea[name=notes]").forEach(function (area) {
      var speaker = area.form.querySelector("[name=form_speaker]");
      if (!speaker) return;
      area.dataset.draft = "speaker-" + speaker.value;
      var kept = localStorage.getItem(DRAFT + area.dataset.draft);
      if (kept !== null && kept !== area.value && !load().some(function (x) { return x.draft === area.dataset.draft; })) {
        area.value = kept;
        show(banner.dataset.restored, "waiting");
      }
    });
  }
  root.addEventListener("input", function (event) {
    var area = event.target;
    if (area.dataset && area.dataset.draft) localStorage.setItem(DRAFT + area.dataset.draft, area.value);
  });

  // The agenda item's timer runs in the page, so it keeps time without the network.
  var timerHandle = null;
  function startTimers() {
    if (timerHandle) clearInterval(timerHandle);
    timerHandle = setInterval(function () {
      document.querySelectorAll("[data-timer]").forEach(function (el) {
        var started = parseInt(el.dataset.started, 10), planned = parseInt(el.dataset.planned, 10);
        if (!started) return;
        var elapsed = Math.max(0, Math.floor(Date.now() / 1000) - started);
        var mm = String(Math.floor(elapsed / 60)).padStart(2, "0"), ss = String(elapsed % 60).padStart(2, "0");
        var out = el.querySelector("[data-elapsed]");
        if (out) out.textContent = mm + ":" + ss;
        el.classList.toggle("timer--over", planned > 0 && elapsed > planned);
      });
    }, 1000);
  }
  document.body.addEventListener("htmx:afterSwap", function () { startTimers(); });

  window.addEventListener("online", flush);
  setInterval(function () { if (load().length) flush(); }, 5000);
  restoreDrafts();
  startTimers();
  flush();
})();
