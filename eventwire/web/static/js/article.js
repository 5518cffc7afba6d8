// Article page: clicking a highlight shows every record behind it; clicking a record shows its words.
"use strict";
(function () {
  var text = document.getElementById("article-text");
  var selection = document.getElementById("selection");
  if (!text || !selection) return;
  var cards = {};
  document.querySelectorAll(".rec[data-key]").forEach(function (c) { cards[c.getAttribute("data-key")] = c; });
  var segments = Array.prototype.slice.call(text.querySelectorAll(".m[data-recs]"));

  function keysOf(seg) { return (seg.getAttribute("data-recs") || "").split(" ").filter(Boolean); }

  function clear() {
    document.querySelectorAll(".m.active").forEach(function (s) { s.classList.remove("active"); });
    document.querySelectorAll(".rec.selected").forEach(function (c) { c.classList.remove("selected"); });
  }

  function markText(keys) {
    segments.forEach(function (s) {
      var ks = keysOf(s);
      for (var i = 0; i < keys.length; i++) if (ks.indexOf(keys[i]) >= 0) { s.classList.add("active"); return; }
    });
  }

  var LABEL = { event: "Event", quote: "Quote", actor: "Actor", place: "Place" };
  function show(keys, scrollText) {
    clear();
    selection.textContent = "";
    var shown = 0;
    keys.forEach(function (k) {
      var card = cards[k];
      if (!card) return;
      card.classList.add("selected");
      var h = document.createElement("h3");
      h.textContent = LABEL[k.split(":")[0]] || "Record";
      selection.appendChild(h);
      var copy = card.cloneNode(true);
      copy.removeAttribute("id");
      copy.classList.remove("selected");
      copy.classList.add("picked");
      selection.appendChild(copy);
      shown++;
    });
    if (!shown) {
      var p = document.createElement("div");
      p.className = "selection-empty";
      p.textContent = "No record here.";
      selection.appendChild(p);
    }
    // Events and quotes light up all their words; an actor lights up its mentions.
    markText(keys);
    if (scrollText) {
      var first = text.querySelector(".m.active");
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    }
    var aside = document.getElementById("records");
    if (aside) aside.scrollTop = 0;
  }

  text.addEventListener("click", function (evt) {
    var seg = evt.target.closest(".m[data-recs]");
    if (!seg) return;
    show(keysOf(seg), false);
  });

  document.querySelectorAll("aside.records details .rec[data-key]").forEach(function (card) {
    card.addEventListener("click", function (evt) {
      if (evt.target.closest("a")) return;  // links to actor pages still work
      show([card.getAttribute("data-key")], true);
    });
    card.addEventListener("keydown", function (evt) {
      if (evt.key === "Enter") show([card.getAttribute("data-key")], true);
    });
  });

  // /articles/ID#event:e3 opens with that record selected.
  function fromHash() {
    var key = decodeURIComponent(window.location.hash.slice(1));
    if (key && cards[key]) show([key], true);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
