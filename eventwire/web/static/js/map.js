// Map page: the vendored Natural Earth countries (TopoJSON) drawn as SVG in an equirectangular projection;
// countries shaded by events that happened there, places with coordinates as dots sized by events.
// Works with no internet: the map data is served by this server.
"use strict";
(function () {
  var root = document.getElementById("map");
  if (!root) return;
  var W = 960, H = 480;  // the world at 960 x 480: x = (lon + 180) * 8/3, y = (90 - lat) * 8/3
  root.setAttribute("viewBox", "0 0 " + W + " " + H);
  root.setAttribute("preserveAspectRatio", "xMidYMid meet");
  function px(lon) { return (lon + 180) * W / 360; }
  function py(lat) { return (90 - lat) * H / 180; }

  Promise.all([EW.getJSON("/static/vendor/world-countries-110m.json"), EW.getJSON(EW.api("/api/map"))])
    .then(function (res) { draw(res[0], res[1]); })
    .catch(function (err) { EW.message(root, "Could not load: " + err.message); });

  function ringPath(ring) {
    // Split a ring where it jumps across the antimeridian so no stripe crosses the map.
    var d = "", prev = null;
    ring.forEach(function (p) {
      var cmd = (prev === null || Math.abs(p[0] - prev[0]) > 180) ? "M" : "L";
      d += cmd + px(p[0]).toFixed(1) + "," + py(p[1]).toFixed(1);
      prev = p;
    });
    return d + "Z";
  }
  function geomPath(g) {
    if (!g) return "";
    if (g.type === "Polygon") return g.coordinates.map(ringPath).join("");
    if (g.type === "MultiPolygon") return g.coordinates.map(function (poly) { return poly.map(ringPath).join(""); }).join("");
    return "";
  }

  function draw(world, data) {
    var countries = topojson.feature(world, world.objects.countries).features;
    var byNum = {}, maxC = 1;
    data.countries.forEach(function (c) { if (c.numeric) { byNum[c.numeric] = c; maxC = Math.max(maxC, c.n_events); } });
    var view = EW.svg("g", {}, root);
    var grat = EW.svg("g", {}, view);
    for (var lon = -180; lon <= 180; lon += 30) EW.svg("line", { x1: px(lon), x2: px(lon), y1: 0, y2: H, "class": "graticule" }, grat);
    for (var lat = -60; lat <= 90; lat += 30) EW.svg("line", { x1: 0, x2: W, y1: py(lat), y2: py(lat), "class": "graticule" }, grat);
    var gC = EW.svg("g", {}, view);
    countries.forEach(function (f) {
      var c = byNum[f.id];
      var p = EW.svg("path", { d: geomPath(f.geometry), "class": "country" }, gC);
      if (c) p.style.fill = shade(c.n_events / maxC);
      var name = (f.properties && f.properties.name) || "";
      p.addEventListener("mousemove", function (evt) {
        EW.tip(evt, name, [c ? c.n_events + " event" + (c.n_events === 1 ? "" : "s") + " (" + c.country + ")" : "no events"]);
      });
      p.addEventListener("mouseleave", EW.untip);
      if (c) p.addEventListener("click", function () { go("/events", { country: c.country }); });
    });
    var gP = EW.svg("g", {}, view), maxP = 1;
    data.places.forEach(function (p) { maxP = Math.max(maxP, p.n_events); });
    var bounds = [];
    data.places.slice().sort(function (a, b) { return b.n_events - a.n_events; }).forEach(function (p) {
      var x = px(p.lon), y = py(p.lat), r = 2.5 + 6 * Math.sqrt(p.n_events / maxP);
      bounds.push([x, y]);
      var dot = EW.svg("circle", { cx: x, cy: y, r: r, "class": "dot", "data-r": r }, gP);
      dot.addEventListener("mousemove", function (evt) {
        EW.tip(evt, p.name, [(p.feature || "place") + (p.country ? " · " + p.country : ""),
                            p.n_events + " event(s) · " + p.n_articles + " article(s)", "click to list its events"]);
      });
      dot.addEventListener("mouseleave", EW.untip);
      dot.addEventListener("click", function () { go("/events", { place: p.name }); });
      if (p.n_events > 0) {
        var t = EW.svg("text", { x: x + r + 2, y: y + 3, "class": "dot-label" }, gP);
        t.textContent = p.name;
      }
    });
    countries.forEach(function (f) {
      if (!byNum[f.id]) return;
      var b = bbox(f.geometry);
      if (b) { bounds.push([b[0], b[1]]); bounds.push([b[2], b[3]]); }
    });
    sideTables(data);

    function setView(x0, y0, x1, y1) {
      root.setAttribute("viewBox", [x0, y0, x1 - x0, y1 - y0].map(function (v) { return v.toFixed(1); }).join(" "));
      var k = W / (x1 - x0);
      var s = 1 / Math.max(Math.sqrt(k), 1);  // dots grow a little when zoomed in, labels keep their size
      gP.querySelectorAll(".dot").forEach(function (d) { d.setAttribute("r", d.getAttribute("data-r") * s); });
      gP.querySelectorAll("text").forEach(function (t) {
        t.style.fontSize = (11 / Math.max(k, 1)) + "px";
        t.setAttribute("dx", (2 / Math.max(k, 1)) - 2);
      });
    }
    function zoomToEvents() {
      if (!bounds.length) return setView(0, 0, W, H);
      var xs = bounds.map(function (b) { return b[0]; }), ys = bounds.map(function (b) { return b[1]; });
      var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
      var w = Math.max(x1 - x0, 60) * 1.3, h = Math.max(y1 - y0, 30) * 1.3;
      if (w / h > W / H) h = w * H / W; else w = h * W / H;
      var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      setView(Math.max(0, cx - w / 2), Math.max(0, cy - h / 2), Math.min(W, cx + w / 2), Math.min(H, cy + h / 2));
    }
    document.getElementById("map-zoom").addEventListener("click", zoomToEvents);
    document.getElementById("map-world").addEventListener("click", function () { setView(0, 0, W, H); });
    zoomToEvents();
  }

  function bbox(g) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    // Use the largest polygon only, so overseas territories do not stretch the view.
    var best = null, bestN = -1;
    polys.forEach(function (p) { if (p[0].length > bestN) { best = p; bestN = p[0].length; } });
    if (!best) return null;
    best[0].forEach(function (pt) {
      x0 = Math.min(x0, px(pt[0])); x1 = Math.max(x1, px(pt[0])); y0 = Math.min(y0, py(pt[1])); y1 = Math.max(y1, py(pt[1]));
    });
    return [x0, y0, x1, y1];
  }

  function shade(t) {  // light yellow to deep orange
    var a = [255, 236, 153], b = [232, 89, 12];
    var c = a.map(function (v, i) { return Math.round(v + (b[i] - v) * (0.25 + 0.75 * t)); });
    return "rgb(" + c.join(",") + ")";
  }

  function go(path, extra) {
    var q = new URLSearchParams(window.location.search);
    for (var k in extra) q.set(k, extra[k]);
    window.location.href = path + "?" + q.toString();
  }

  function sideTables(data) {
    var pb = document.querySelector("#map-places tbody");
    pb.textContent = "";
    if (!data.places.length) { var tr0 = EW.el("tr", null, null, pb); var td0 = EW.el("td", "empty", "No places with coordinates.", tr0); td0.colSpan = 3; }
    data.places.forEach(function (p) {
      var tr = EW.el("tr", null, null, pb);
      var td = EW.el("td", null, null, tr);
      var a = EW.el("a", null, p.name, td);
      a.href = "/events?place=" + encodeURIComponent(p.name);
      if (p.country) EW.el("span", "cc", p.country, td);
      EW.el("td", "num", p.n_events, tr);
      EW.el("td", "num", p.n_articles, tr);
    });
    var cb = document.querySelector("#map-countries tbody");
    cb.textContent = "";
    data.countries.forEach(function (c) {
      var tr = EW.el("tr", null, null, cb);
      var td = EW.el("td", null, null, tr);
      var a = EW.el("a", null, c.country, td);
      a.href = "/events?country=" + encodeURIComponent(c.country);
      EW.el("td", "num", c.n_events, tr);
    });
  }
})();
