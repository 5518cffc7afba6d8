// Timeline page: events per day, stacked by type. Click a bar segment to list those events.
"use strict";
(function () {
  var root = document.getElementById("timeline");
  if (!root) return;
  var loading = EW.svg("text", { x: 20, y: 30, "class": "empty-msg" }, root);
  loading.textContent = "Loading…";
  EW.getJSON(EW.api("/api/timeline")).then(function (d) { loading.remove(); draw(d); }).catch(function (err) { EW.message(root, "Could not load: " + err.message); });

  function addDays(iso, n) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  function draw(data) {
    var note = document.getElementById("timeline-note");
    if (data.undated && note) note.textContent = data.undated + " event(s) have no date (neither their own nor the article's) and are not shown.";
    var box = root.getBoundingClientRect(), W = box.width, H = box.height;
    root.setAttribute("viewBox", "0 0 " + W + " " + H);
    if (!data.days.length) { EW.message(root, "No dated events match these filters."); return; }
    var byDay = {}, totals = {};
    data.days.forEach(function (r) {
      (byDay[r.day] = byDay[r.day] || {})[r.type] = r.n;
      totals[r.type] = (totals[r.type] || 0) + r.n;
    });
    var types = data.types.slice().sort(function (a, b) { return totals[b] - totals[a] || (a < b ? -1 : 1); });
    var colour = EW.typeColour(types);
    var first = data.days[0].day, last = data.days[data.days.length - 1].day, days = [];
    for (var d = first; d <= last && days.length < 3660; d = addDays(d, 1)) days.push(d);
    // Pad a short range so a single day still reads as a bar on a time axis.
    while (days.length < 7) { days.unshift(addDays(days[0], -1)); if (days.length < 7) days.push(addDays(days[days.length - 1], 1)); }
    var max = 1;
    days.forEach(function (day) {
      var s = 0; for (var t in byDay[day] || {}) s += byDay[day][t];
      max = Math.max(max, s);
    });
    var m = { l: 44, r: 14, t: 16, b: 46 }, pw = W - m.l - m.r, ph = H - m.t - m.b;
    var step = pw / days.length, bw = Math.max(1, step * 0.78);
    var ticks = niceTicks(max);
    var axis = EW.svg("g", { "class": "axis" }, root);
    ticks.forEach(function (v) {
      var y = m.t + ph - v / ticks[ticks.length - 1] * ph;
      EW.svg("line", { x1: m.l, x2: W - m.r, y1: y, y2: y, "class": "grid-line" }, axis);
      var t = EW.svg("text", { x: m.l - 6, y: y + 4, "text-anchor": "end" }, axis); t.textContent = v;
    });
    var top = ticks[ticks.length - 1];
    var every = Math.ceil(days.length / Math.max(1, Math.floor(pw / 80)));
    var bars = EW.svg("g", {}, root);
    days.forEach(function (day, i) {
      var x = m.l + i * step + (step - bw) / 2, y = m.t + ph;
      types.forEach(function (t) {
        var n = (byDay[day] || {})[t];
        if (!n) return;
        var h = n / top * ph;
        y -= h;
        var r = EW.svg("rect", { x: x, y: y, width: bw, height: Math.max(h - 0.5, 0.5), fill: colour[t], "class": "bar" }, bars);
        r.addEventListener("mousemove", function (evt) { EW.tip(evt, day, [t + ": " + n + " event" + (n === 1 ? "" : "s"), "click to list them"]); });
        r.addEventListener("mouseleave", EW.untip);
        r.addEventListener("click", function () {
          var q = new URLSearchParams(window.location.search);
          q.set("type", t); q.set("date_from", day); q.set("date_to", day);
          window.location.href = "/events?" + q.toString();
        });
      });
      if (i % every === 0) {
        var lbl = EW.svg("text", { x: m.l + i * step + step / 2, y: H - m.b + 16, "text-anchor": "middle" }, axis);
        lbl.textContent = day;
      }
    });
    EW.svg("line", { x1: m.l, x2: W - m.r, y1: m.t + ph, y2: m.t + ph }, axis);
    var yl = EW.svg("text", { x: 12, y: m.t + ph / 2, transform: "rotate(-90 12 " + (m.t + ph / 2) + ")", "text-anchor": "middle" }, axis);
    yl.textContent = "events per day";

    var legend = document.getElementById("timeline-legend");
    legend.textContent = "";
    EW.el("h2", null, "Event types", legend);
    types.forEach(function (t) {
      var item = EW.el("div", "item", null, legend);
      var sw = EW.el("span", "box", null, item); sw.style.background = colour[t];
      var a = EW.el("a", null, t, item);
      var q = new URLSearchParams(window.location.search); q.set("type", t);
      a.href = "/timeline?" + q.toString();
      EW.el("span", "sub", totals[t], item);
    });
    EW.el("p", "hint", first + " → " + last, legend);
  }

  function niceTicks(max) {
    var stepSize = Math.pow(10, Math.floor(Math.log10(max)));
    if (max / stepSize > 5) stepSize *= 2;
    if (max / stepSize < 2 && stepSize >= 2) stepSize /= 2;
    stepSize = Math.max(1, stepSize);
    var out = [];
    for (var v = 0; v < max + stepSize; v += stepSize) out.push(v);
    return out;
  }
})();
