// Helpers shared by the chart pages. Text from the store is only ever set with textContent.
"use strict";
var EW = (function () {
  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, parent) {
    var el = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) el.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(el);
    return el;
  }

  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }

  // The API URL for this page's filters: /network?actor=X -> /api/network?actor=X
  function api(path) {
    return path + window.location.search;
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error((body.error && body.error.message) || r.statusText);
        return body;
      });
    });
  }

  var tipEl = null;
  // A tooltip built from [label, value] rows; values are plain text.
  function tip(evt, title, rows) {
    if (!tipEl) tipEl = el("div", "tip", null, document.body);
    tipEl.textContent = "";
    el("b", null, title, tipEl);
    (rows || []).forEach(function (r) { el("div", null, r, tipEl); });
    tipEl.style.display = "block";
    var x = Math.min(evt.clientX + 14, window.innerWidth - 330);
    tipEl.style.left = x + "px";
    tipEl.style.top = (evt.clientY + 14) + "px";
  }
  function untip() { if (tipEl) tipEl.style.display = "none"; }

  function message(svgEl, text) {
    var box = svgEl.getBoundingClientRect();
    var t = svg("text", { x: box.width / 2, y: box.height / 2, "text-anchor": "middle", "class": "empty-msg" }, svgEl);
    t.textContent = text;
  }

  // Colours for event types, stable across pages.
  var PALETTE = ["#4c6ef5", "#f08c00", "#2f9e44", "#e03131", "#7048e8", "#1098ad", "#d6336c", "#74b816",
                 "#f59f00", "#495057", "#3bc9db", "#ae3ec9", "#fa5252", "#20c997", "#845ef7", "#94d82d"];
  function typeColour(types) {
    var map = {};
    types.forEach(function (t, i) { map[t] = PALETTE[i % PALETTE.length]; });
    return map;
  }

  return { svg: svg, el: el, api: api, getJSON: getJSON, tip: tip, untip: untip, message: message,
           typeColour: typeColour };
})();
