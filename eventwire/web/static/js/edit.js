// Article page, with --allow-edits: correct an event or a quote's speaker, or add an event by selecting words.
// Writes go to POST /api/corrections with this page's CSRF token (the server also checks the Origin header).
"use strict";
(function () {
  var panel = document.getElementById("edit-panel");
  var dataEl = document.getElementById("edit-data");
  var text = document.getElementById("article-text");
  if (!panel || !dataEl || !text) return;
  var data = JSON.parse(dataEl.textContent);
  var tokenEl = document.querySelector('meta[name="csrf-token"]');
  var token = tokenEl ? tokenEl.getAttribute("content") : "";
  var evForm = document.getElementById("edit-event");
  var qForm = document.getElementById("edit-quote");
  var status = document.getElementById("edit-status");
  var who = document.getElementById("edit-who");
  var current = null;  // {kind: "event"|"quote", id, action, evidence}

  try { if (localStorage.getItem("eventwire-who")) who.value = localStorage.getItem("eventwire-who"); } catch (e) { /* private mode */ }
  who.addEventListener("change", function () {
    try { localStorage.setItem("eventwire-who", who.value); } catch (e) { /* private mode */ }
  });

  function say(msg, bad) {
    status.textContent = msg;
    status.className = "edit-status" + (bad ? " bad" : " ok");
  }

  function fillModes(type, mode) {
    var sel = evForm.elements.mode;
    sel.textContent = "";
    var none = document.createElement("option");
    none.value = "";
    none.textContent = "none";
    sel.appendChild(none);
    (data.types[type] || []).forEach(function (m) {
      var o = document.createElement("option");
      o.value = m;
      o.textContent = m;
      sel.appendChild(o);
    });
    sel.value = mode && (data.types[type] || []).indexOf(mode) >= 0 ? mode : "";
  }
  evForm.elements.type.addEventListener("change", function () { fillModes(evForm.elements.type.value, ""); });

  function pick(sel, values) {
    Array.prototype.forEach.call(sel.options, function (o) { o.selected = (values || []).indexOf(o.value) >= 0; });
  }
  function picked(sel) {
    return Array.prototype.filter.call(sel.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
  }

  function hideAll() { evForm.hidden = true; qForm.hidden = true; }

  function openEvent(id, evidence) {
    hideAll();
    var e = id ? data.events[id] : { type: evForm.elements.type.value, mode: null, source: [], target: [],
                                     negated: false, hypothetical: false };
    current = { kind: "event", id: id, action: id ? "edit" : "add", evidence: evidence || null, was: e };
    document.getElementById("edit-what").textContent = id ? "Event " + id + " (" + e.type + ")" : "A missed event";
    document.getElementById("edit-words").textContent = evidence ? evidence.text : "";
    document.getElementById("edit-words").hidden = !evidence;
    document.getElementById("edit-not-event").hidden = !id;
    document.getElementById("edit-save").textContent = id ? "Save correction" : "Add event";
    evForm.elements.type.value = e.type;
    fillModes(e.type, e.mode);
    pick(evForm.elements.source, e.source);
    pick(evForm.elements.target, e.target);
    evForm.elements.negated.checked = !!e.negated;
    evForm.elements.hypothetical.checked = !!e.hypothetical;
    evForm.hidden = false;
    say("");
    evForm.scrollIntoView({ block: "nearest" });
  }

  function openQuote(id) {
    hideAll();
    current = { kind: "quote", id: id, action: "speaker" };
    document.getElementById("edit-quote-what").textContent = "Quote " + id;
    qForm.elements.speaker.value = data.quotes[id].speaker || "";
    qForm.hidden = false;
    say("");
    qForm.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("click", function (evt) {
    var btn = evt.target.closest(".edit-btn");
    if (btn) {
      evt.stopPropagation();
      var key = btn.getAttribute("data-edit").split(":");
      if (key[0] === "event") openEvent(key[1]); else openQuote(key[1]);
      return;
    }
    if (evt.target.closest(".edit-cancel")) { hideAll(); current = null; say(""); }
  }, true);

  // Only what changed is sent, so the correction says what the analyst decided.
  function eventChanges() {
    var now = {
      type: evForm.elements.type.value, mode: evForm.elements.mode.value || null,
      source: picked(evForm.elements.source), target: picked(evForm.elements.target),
      negated: evForm.elements.negated.checked, hypothetical: evForm.elements.hypothetical.checked
    };
    if (current.action === "add") return now;
    var out = {};
    Object.keys(now).forEach(function (k) {
      if (JSON.stringify(now[k]) !== JSON.stringify(current.was[k] === undefined ? null : current.was[k])) out[k] = now[k];
    });
    return out;
  }

  function send(body) {
    body.article_id = data.article_id;
    body.who = who.value || null;
    say("Saving…");
    return fetch("/api/corrections", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (res) {
        if (!r.ok) throw new Error((res.error && res.error.message) || r.statusText);
        return res;
      });
    }).then(function (res) {
      say("Saved correction " + res.id + ". Reloading…");
      window.location.hash = "";
      window.location.reload();
    }).catch(function (err) { say(err.message, true); });
  }

  evForm.addEventListener("submit", function (evt) {
    evt.preventDefault();
    if (!current) return;
    var changes = eventChanges();
    if (current.action === "edit" && !Object.keys(changes).length) { say("Nothing changed.", true); return; }
    var body = { kind: "event", action: current.action, changes: changes };
    if (current.id) body.record_id = current.id;
    if (current.evidence) body.evidence = { start: current.evidence.start, end: current.evidence.end };
    send(body);
  });
  document.getElementById("edit-not-event").addEventListener("click", function () {
    if (current && current.id) send({ kind: "event", action: "not_event", record_id: current.id });
  });
  qForm.addEventListener("submit", function (evt) {
    evt.preventDefault();
    if (!current) return;
    send({ kind: "quote", action: "speaker", record_id: current.id,
           changes: { speaker: qForm.elements.speaker.value || null } });
  });

  // Selecting words in the text: their character offsets come from the data-s of the spans they are in.
  function startOf(el) { return parseInt(el.getAttribute("data-s"), 10); }
  function endOf(el) { return startOf(el) + el.textContent.length; }
  function offset(node, off) {
    if (node.nodeType === 3) {  // inside the text of a span
      var host = node.parentElement.closest("[data-s]");
      return host ? startOf(host) + off : null;
    }
    if (node.nodeType !== 1) return null;
    if (node.matches("[data-s]")) return off === 0 ? startOf(node) : endOf(node);
    var child = node.childNodes[off];  // between children of a paragraph (or of the text)
    if (child) {
      var at = child.nodeType === 1 ? (child.matches("[data-s]") ? child : child.querySelector("[data-s]")) : null;
      if (at) return startOf(at);
    }
    var before = Array.prototype.slice.call(node.querySelectorAll("[data-s]"), 0).filter(function (el) {
      return !child || (el.compareDocumentPosition(child) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    return before.length ? endOf(before[before.length - 1]) : null;
  }
  text.addEventListener("mouseup", function () {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    var r = sel.getRangeAt(0);
    if (!text.contains(r.startContainer) || !text.contains(r.endContainer)) return;
    var s = offset(r.startContainer, r.startOffset), e = offset(r.endContainer, r.endOffset);
    var words = sel.toString();
    if (s === null || e === null || e <= s || !words.trim()) return;
    openEvent(null, { start: s, end: e, text: words });
  });
})();
