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
    var places = data.places.slice().sort(function (a, b) { return b.n_events - a.n_events || (a.name < b.name ? -1 : 1); });
    places.forEach(function (p) { p.x = px(p.lon); p.y = py(p.lat); bounds.push([p.x, p.y]); });
    countries.forEach(function (f) {
      if (!byNum[f.id]) return;
      var b = bbox(f.geometry);
      if (b) { bounds.push([b[0], b[1]]); bounds.push([b[2], b[3]]); }
    });
    sideTables(data);
    mapNote(data);

    var current = [0, 0, W, H];
    function setView(x0, y0, x1, y1) {
      current = [x0, y0, x1, y1];
      root.setAttribute("viewBox", [x0, y0, x1 - x0, y1 - y0].map(function (v) { return v.toFixed(1); }).join(" "));
      drawPlaces();
    }

    // Places crowd where many events are (the United States, Europe): dots closer than CLUSTER screen pixels
    // merge into one circle with a count (click it to zoom in), and a label is drawn only where its box
    // overlaps no other label and no dot; the rest are named on hover. Recomputed at every zoom.
    var CLUSTER = 22, FONT = 11;
    function drawPlaces() {
      gP.textContent = "";
      var rect = root.getBoundingClientRect();
      var vw = current[2] - current[0], vh = current[3] - current[1];
      var k = Math.min(rect.width / vw, rect.height / vh) || 1;  // screen pixels per map unit
      var clusters = [];
      places.forEach(function (p) {
        var near = null;
        for (var i = 0; i < clusters.length; i++) {
          var c = clusters[i], dx = (c.x - p.x) * k, dy = (c.y - p.y) * k;
          if (dx * dx + dy * dy < CLUSTER * CLUSTER) { near = c; break; }
        }
        if (near) { near.members.push(p); near.n += p.n_events; }
        else clusters.push({ x: p.x, y: p.y, members: [p], n: p.n_events });
      });
      var dots = clusters.map(function (c) {
        var r = (c.members.length > 1 ? 7 + 5 * Math.sqrt(c.n / maxP) : 2.5 + 6 * Math.sqrt(c.n / maxP)) / k;
        return { c: c, r: r, box: { x1: c.x - r, x2: c.x + r, y1: c.y - r, y2: c.y + r } };
      });
      var taken = [];
      dots.forEach(function (d) {
        var c = d.c, lead = c.members[0];
        var circle = EW.svg("circle", { cx: c.x, cy: c.y, r: d.r, "class": c.members.length > 1 ? "dot cluster" : "dot",
                                        "data-n": c.members.length }, gP);
        if (c.members.length > 1) {
          var count = EW.svg("text", { x: c.x, y: c.y + 3.5 / k, "text-anchor": "middle", "class": "cluster-n" }, gP);
          count.textContent = c.members.length;
          count.style.fontSize = (10 / k) + "px";
        }
        circle.addEventListener("mousemove", function (evt) {
          if (c.members.length === 1) {
            EW.tip(evt, lead.name, [(lead.feature || "place") + (lead.country ? " · " + lead.country : ""),
                                    lead.n_events + " event(s) · " + lead.n_articles + " article(s)", "click to list its events"]);
          } else {
            EW.tip(evt, c.members.length + " places · " + c.n + " event(s)",
                   c.members.slice(0, 8).map(function (p) { return p.name + " (" + p.n_events + ")"; })
                     .concat(c.members.length > 8 ? ["…", "click to zoom in"] : ["click to zoom in"]));
          }
        });
        circle.addEventListener("mouseleave", EW.untip);
        circle.addEventListener("click", function () {
          if (c.members.length === 1) { go("/events", { place: lead.name }); return; }
          var xs = c.members.map(function (p) { return p.x; }), ys = c.members.map(function (p) { return p.y; });
          zoomTo(Math.min.apply(null, xs), Math.min.apply(null, ys), Math.max.apply(null, xs), Math.max.apply(null, ys));
        });
        if (!lead.n_events) return;
        // a label to the right, left, above or below the dot, the first that fits
        var text = lead.name + (c.members.length > 1 ? " +" + (c.members.length - 1) : "");
        var w = (text.length * FONT * 0.58 + 4) / k, h = (FONT + 2) / k, gap = 2 / k;
        var tries = [[c.x + d.r + gap, c.y - h / 2, "start"], [c.x - d.r - gap - w, c.y - h / 2, "end"],
                     [c.x - w / 2, c.y - d.r - gap - h, "middle"], [c.x - w / 2, c.y + d.r + gap, "middle"]];
        for (var i = 0; i < tries.length; i++) {
          var b = { x1: tries[i][0], x2: tries[i][0] + w, y1: tries[i][1], y2: tries[i][1] + h };
          var clash = b.x1 < current[0] || b.x2 > current[2] || b.y1 < current[1] || b.y2 > current[3] ||
            taken.some(function (t) { return overlaps(t, b); }) ||
            dots.some(function (o) { return o !== d && overlaps(o.box, b); });
          if (clash) continue;
          taken.push(b);
          var anchor = tries[i][2];
          var tx = anchor === "start" ? b.x1 : anchor === "end" ? b.x2 : (b.x1 + b.x2) / 2;
          var t = EW.svg("text", { x: tx, y: b.y2 - h * 0.22, "text-anchor": anchor, "class": "dot-label" }, gP);
          t.style.fontSize = (FONT / k) + "px";
          t.textContent = text;
          t.__box = b;
          break;
        }
      });
    }
    function overlaps(a, b) { return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2; }
    function zoomTo(x0, y0, x1, y1) {
      var w = Math.max(x1 - x0, 8) * 1.4, h = Math.max(y1 - y0, 4) * 1.4;
      if (w / h > W / H) h = w * H / W; else w = h * W / H;
      var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      setView(Math.max(0, cx - w / 2), Math.max(0, cy - h / 2), Math.min(W, cx + w / 2), Math.min(H, cy + h / 2));
    }
    window.addEventListener("resize", function () { drawPlaces(); });
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

  function mapNote(data) {
    var el = document.getElementById("map-note");
    if (!el || data.events_total === undefined) return;
    var left = data.events_total - data.events_placed;
    el.textContent = data.events_placed + " of " + data.events_total + " matching event(s) have a place with coordinates and are on the map" +
      (left ? "; " + left + " have no place (or one that could not be located) and are not shown." : ".");
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
