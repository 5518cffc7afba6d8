// Timeline page: events per day, week or month (chosen from the range unless asked), stacked by type or by
// quad class. Click a bar segment to list those events. What is not drawn (no date, or dated far outside the
// range shown) is said under the chart.
"use strict";
(function () {
  var root = document.getElementById("timeline");
  if (!root) return;
  var QUAD = { "1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict", "4": "material conflict" };
  var QUAD_COLOUR = { "1": "#74c0fc", "2": "#2f9e44", "3": "#ffa94d", "4": "#e03131", unclassified: "#adb5bd" };
  var loading = EW.svg("text", { x: 20, y: 30, "class": "empty-msg" }, root);
  loading.textContent = "Loading…";
  EW.getJSON(EW.api("/api/timeline")).then(function (d) { loading.remove(); draw(d); }).catch(function (err) { EW.message(root, "Could not load: " + err.message); });

  function name(data, key) { return data.by === "quad" ? (QUAD[key] || key) : key; }

  function note(data) {
    var el = document.getElementById("timeline-note");
    if (!el) return;
    el.textContent = "";
    var parts = [];
    if (data.undated_no_date) parts.push(data.undated_no_date + " event(s) have no date at all (neither their own nor their article's)");
    if (data.undated_coarse) parts.push(data.undated_coarse + " event(s) are dated only to a year or month");
    if (data.before_range || data.after_range) {
      parts.push((data.before_range + data.after_range) + " event(s) are dated outside the range drawn (" +
        data.before_range + " before " + data.range[0] + ", " + data.after_range + " after " + data.range[1] +
        "; dates named in the text, such as a year long past)");
    }
    if (!parts.length) { el.textContent = "Every matching event is drawn (" + data.dated + ")."; return; }
    EW.el("span", null, "Not drawn: " + parts.join("; ") + ". ", el);
    if (data.before_range || data.after_range) {
      var a = EW.el("a", null, "Show every date", el);
      var q = new URLSearchParams(window.location.search);
      q.set("date_from", data.first); q.set("date_to", data.last);
      a.href = "/timeline?" + q.toString();
    }
  }

  function draw(data) {
    note(data);
    var box = root.getBoundingClientRect(), W = box.width, H = box.height;
    root.setAttribute("viewBox", "0 0 " + W + " " + H);
    if (!data.buckets.length) { EW.message(root, "No dated events match these filters."); legend(data, {}); return; }
    var colour = data.by === "quad" ? QUAD_COLOUR : EW.typeColour(data.series);
    var buckets = data.buckets;
    var max = Math.max.apply(null, buckets.map(function (b) { return b.n; }).concat([1]));
    var m = { l: 44, r: 14, t: 16, b: 46 }, pw = W - m.l - m.r, ph = H - m.t - m.b;
    var step = pw / buckets.length, bw = Math.max(1, step * 0.8);
    var ticks = niceTicks(max), top = ticks[ticks.length - 1];
    var axis = EW.svg("g", { "class": "axis" }, root);
    ticks.forEach(function (v) {
      var y = m.t + ph - v / top * ph;
      EW.svg("line", { x1: m.l, x2: W - m.r, y1: y, y2: y, "class": "grid-line" }, axis);
      var t = EW.svg("text", { x: m.l - 6, y: y + 4, "text-anchor": "end" }, axis); t.textContent = v;
    });
    var labelW = data.bucket === "month" ? 60 : 80;
    var every = Math.ceil(buckets.length / Math.max(1, Math.floor(pw / labelW)));
    var bars = EW.svg("g", {}, root);
    buckets.forEach(function (b, i) {
      var x = m.l + i * step + (step - bw) / 2, y = m.t + ph;
      data.series.forEach(function (s) {
        var n = b.counts[s];
        if (!n) return;
        var h = n / top * ph;
        y -= h;
        var r = EW.svg("rect", { x: x, y: y, width: bw, height: Math.max(h - 0.5, 0.5), fill: colour[s], "class": "bar" }, bars);
        var when = data.bucket === "day" ? b.start : b.start + " – " + b.end;
        r.addEventListener("mousemove", function (evt) { EW.tip(evt, when, [name(data, s) + ": " + n + " event" + (n === 1 ? "" : "s"), b.n + " in all", "click to list them"]); });
        r.addEventListener("mouseleave", EW.untip);
        r.addEventListener("click", function () {
          var q = new URLSearchParams(window.location.search);
          q.delete("bucket"); q.delete("by");
          if (data.by === "quad") { if (s !== "unclassified") q.set("quad", s); } else q.set("type", s);
          q.set("date_from", b.start); q.set("date_to", b.end);
          window.location.href = "/events?" + q.toString();
        });
      });
      if (i % every === 0) {
        var lbl = EW.svg("text", { x: m.l + i * step + step / 2, y: H - m.b + 16, "text-anchor": "middle" }, axis);
        lbl.textContent = data.bucket === "month" ? b.start.slice(0, 7) : b.start;
      }
    });
    EW.svg("line", { x1: m.l, x2: W - m.r, y1: m.t + ph, y2: m.t + ph }, axis);
    var yl = EW.svg("text", { x: 12, y: m.t + ph / 2, transform: "rotate(-90 12 " + (m.t + ph / 2) + ")", "text-anchor": "middle" }, axis);
    yl.textContent = "events per " + data.bucket;
    legend(data, colour);
  }

  function legend(data, colour) {
    var el = document.getElementById("timeline-legend");
    el.textContent = "";
    EW.el("h2", null, data.by === "quad" ? "Quad classes" : "Event types", el);
    data.series.forEach(function (s) {
      var item = EW.el("div", "item", null, el);
      var sw = EW.el("span", "box", null, item); sw.style.background = colour[s] || "#adb5bd";
      var a = EW.el("a", null, name(data, s), item);
      var q = new URLSearchParams(window.location.search);
      if (data.by === "quad") { if (s !== "unclassified") q.set("quad", s); } else q.set("type", s);
      a.href = "/timeline?" + q.toString();
      EW.el("span", "sub", data.totals[s], item);
    });
    if (data.range) EW.el("p", "hint", data.range[0] + " → " + data.range[1] + " · per " + data.bucket, el);
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
