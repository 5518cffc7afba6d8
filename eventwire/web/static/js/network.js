// Network page: actors as nodes, coded interactions as directed edges coloured by cooperation or conflict.
// A small force layout (repulsion, springs, gravity) runs a fixed number of steps from a fixed start, so the
// same data always gives the same picture.
"use strict";
(function () {
  var root = document.getElementById("network");
  var info = document.getElementById("network-info");
  if (!root) return;

  info.textContent = "Loading…";
  EW.getJSON(EW.api("/api/network")).then(draw).catch(function (err) { EW.message(root, "Could not load: " + err.message); });

  // Each connected group of actors is laid out on its own, then the groups are packed in rows: one
  // layout for everything would push unconnected groups to the edges and squash each group.
  function layout(nodes, edges, W, H) {
    var idx = {};
    nodes.forEach(function (d, i) { idx[d.id] = i; d.adj = []; });
    edges.forEach(function (e) {
      var s = idx[e.source], t = idx[e.target];
      nodes[s].adj.push(t); nodes[t].adj.push(s);
    });
    var seen = {}, groups = [];
    nodes.forEach(function (d, i) {
      if (seen[i]) return;
      var group = [], stack = [i];
      seen[i] = true;
      while (stack.length) {
        var k = stack.pop();
        group.push(k);
        nodes[k].adj.forEach(function (j) { if (!seen[j]) { seen[j] = true; stack.push(j); } });
      }
      groups.push(group);
    });
    groups.sort(function (a, b) { return b.length - a.length; });
    var boxes = groups.map(function (g) { return spring(g.map(function (i) { return nodes[i]; }), edges, idx); });
    // shelf packing, rows about as wide as the canvas's aspect asks for
    var area = boxes.reduce(function (s, b) { return s + (b.w + 190) * (b.h + 50); }, 0);
    var rowMax = Math.max(Math.sqrt(area * W / H), boxes[0].w + 190);
    var x = 0, y = 0, rowH = 0;
    boxes.forEach(function (b) {
      if (x > 0 && x + b.w > rowMax) { x = 0; y += rowH + 50; rowH = 0; }
      b.nodes.forEach(function (d) { d.x += x - b.x0; d.y += y - b.y0; });
      x += b.w + 190;
      rowH = Math.max(rowH, b.h);
    });
  }

  // Fruchterman-Reingold springs for one group, from a fixed start (a circle), for a fixed number of steps.
  function spring(group, edges, idx) {
    var n = group.length, i, j;
    var local = {};
    group.forEach(function (d, i) { local[d.id] = i; });
    var links = edges.filter(function (e) { return e.source in local && e.target in local; })
                     .map(function (e) { return [local[e.source], local[e.target]]; });
    var kk = 90, size = kk * Math.sqrt(n);
    group.forEach(function (d, i) {
      var a = 2 * Math.PI * i / n;
      d.x = Math.cos(a) * size / 2; d.y = Math.sin(a) * size / 2;
    });
    if (n === 2) {  // a lone pair stands vertically, so both labels can sit to the right
      group[0].x = 0; group[0].y = 0; group[1].x = 0; group[1].y = kk;
      return { nodes: group, x0: 0, y0: 0, w: 0, h: kk };
    }
    var temp = size / 4;
    for (var step = 0; step < (n > 1 ? 300 : 0); step++) {
      var dx = new Float64Array(n), dy = new Float64Array(n);
      for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
          var vx = group[i].x - group[j].x, vy = group[i].y - group[j].y;
          var d = Math.sqrt(vx * vx + vy * vy) + 0.01, f = kk * kk / d;
          dx[i] += vx / d * f; dy[i] += vy / d * f; dx[j] -= vx / d * f; dy[j] -= vy / d * f;
        }
      }
      links.forEach(function (l) {
        var s = l[0], t = l[1];
        var ux = group[s].x - group[t].x, uy = group[s].y - group[t].y;
        var du = Math.sqrt(ux * ux + uy * uy) + 0.01, fa = du * du / kk;
        dx[s] -= ux / du * fa; dy[s] -= uy / du * fa; dx[t] += ux / du * fa; dy[t] += uy / du * fa;
      });
      for (i = 0; i < n; i++) {
        dx[i] -= group[i].x * 0.05; dy[i] -= group[i].y * 0.05;
        var len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) + 0.01;
        group[i].x += dx[i] / len * Math.min(len, temp);
        group[i].y += dy[i] / len * Math.min(len, temp);
      }
      temp = Math.max(temp * 0.98, 0.5);
    }
    var xs = group.map(function (d) { return d.x; }), ys = group.map(function (d) { return d.y; });
    var x0 = Math.min.apply(null, xs), y0 = Math.min.apply(null, ys);
    return { nodes: group, x0: x0, y0: y0, w: Math.max.apply(null, xs) - x0, h: Math.max.apply(null, ys) - y0 };
  }

  // Scale the layout into the box, leaving room on the right for labels.
  function fit(nodes, W, H) {
    var m = { l: 30, r: 170, t: 30, b: 30 };
    var xs = nodes.map(function (d) { return d.x; }), ys = nodes.map(function (d) { return d.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var sx = (W - m.l - m.r) / Math.max(x1 - x0, 1), sy = (H - m.t - m.b) / Math.max(y1 - y0, 1);
    var s = Math.min(sx, sy, 1.6);
    var ox = m.l + ((W - m.l - m.r) - (x1 - x0) * s) / 2, oy = m.t + ((H - m.t - m.b) - (y1 - y0) * s) / 2;
    nodes.forEach(function (d) { d.x = ox + (d.x - x0) * s; d.y = oy + (d.y - y0) * s; });
  }

  function draw(data) {
    var box = root.getBoundingClientRect(), W = box.width, H = box.height;
    root.setAttribute("viewBox", "0 0 " + W + " " + H);
    var nodes = data.nodes, edges = data.edges;
    if (!nodes.length) { EW.message(root, "No coded interactions between two actors match these filters."); sideTable([]); return; }
    layout(nodes, edges, W, H);
    fit(nodes, W, H);
    var byId = {};
    nodes.forEach(function (d) { byId[d.id] = d; });

    var defs = EW.svg("defs", {}, root);
    ["coop", "conflict", "mixed", "neutral"].forEach(function (t) {
      var m = EW.svg("marker", { id: "arrow-" + t, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 11,
                                 markerHeight: 11, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
      EW.svg("path", { d: "M0,0 L10,5 L0,10 z", "class": "arrowhead " + t,
                       fill: { coop: "#2f9e44", conflict: "#e03131", mixed: "#f08c00", neutral: "#adb5bd" }[t] }, m);
    });
    var gEdges = EW.svg("g", {}, root), gNodes = EW.svg("g", {}, root);

    // sizes relative to the busiest node and edge, so a large store draws like a small one
    var maxNode = Math.max.apply(null, nodes.map(function (d) { return d.n_events; }).concat([1]));
    var maxEdge = Math.max.apply(null, edges.map(function (e) { return e.n_events; }).concat([1]));
    function radius(d) { return 5 + 11 * Math.sqrt(d.n_events / maxNode); }
    function width(e) { return 1.2 + 5 * Math.sqrt(e.n_events / maxEdge); }
    function edgePath(e) {
      var s = byId[e.source], t = byId[e.target];
      var mx = (s.x + t.x) / 2, my = (s.y + t.y) / 2, vx = t.x - s.x, vy = t.y - s.y;
      var len = Math.sqrt(vx * vx + vy * vy) || 1, bend = 0.15 * len;
      var cx = mx - vy / len * bend, cy = my + vx / len * bend;
      // stop the arrow at the target's circle
      var ex = t.x - cx, ey = t.y - cy, el = Math.sqrt(ex * ex + ey * ey) || 1, r = radius(t) + 2;
      return "M" + s.x + "," + s.y + " Q" + cx + "," + cy + " " + (t.x - ex / el * r) + "," + (t.y - ey / el * r);
    }
    function describe(e) {
      var types = Object.keys(e.types).map(function (t) { return t + " ×" + e.types[t]; }).join(", ");
      var rows = [e.n_events + " event" + (e.n_events === 1 ? "" : "s") + ": " + types,
                  "cooperation " + e.n_coop + " · conflict " + e.n_conflict];
      if (e.mean_goldstein !== null && e.mean_goldstein !== undefined) rows.push("mean Goldstein " + e.mean_goldstein);
      return rows;
    }
    edges.forEach(function (e) {
      e.el = EW.svg("path", { "class": "edge " + e.tone, "stroke-width": width(e),
                              "marker-end": "url(#arrow-" + e.tone + ")", d: edgePath(e) }, gEdges);
      e.el.addEventListener("mousemove", function (evt) { EW.tip(evt, e.source + " → " + e.target, describe(e)); });
      e.el.addEventListener("mouseleave", EW.untip);
      e.el.addEventListener("click", function () {
        window.location.href = "/events?actor=" + encodeURIComponent(e.source);
      });
    });
    nodes.forEach(function (d) {
      var g = EW.svg("g", { "class": "node " + (d.sector || ""), transform: "translate(" + d.x + "," + d.y + ")" }, gNodes);
      EW.svg("circle", { r: radius(d) }, g);
      var label = EW.svg("text", { x: radius(d) + 3, y: 4 }, g);
      label.textContent = d.id + (d.country ? " (" + d.country + ")" : "");
      d.el = g;
      g.addEventListener("mousemove", function (evt) {
        EW.tip(evt, d.id, [(d.country || "no country") + (d.sector ? " · " + d.sector : ""),
                           d.n_events + " interaction" + (d.n_events === 1 ? "" : "s"), "click: actor page · drag: move"]);
        focus(d.id);
      });
      g.addEventListener("mouseleave", function () { EW.untip(); focus(null); });
      drag(g, d);
    });

    function focus(id) {
      var near = {};
      if (id) { near[id] = true; edges.forEach(function (e) { if (e.source === id) near[e.target] = true; if (e.target === id) near[e.source] = true; }); }
      nodes.forEach(function (d) { d.el.classList.toggle("dim", !!id && !near[d.id]); });
      edges.forEach(function (e) { e.el.classList.toggle("hot", !!id && (e.source === id || e.target === id)); });
    }

    function drag(g, d) {
      var moved = false, start = null;
      g.addEventListener("mousedown", function (evt) { start = [evt.clientX, evt.clientY]; moved = false; evt.preventDefault(); });
      window.addEventListener("mousemove", function (evt) {
        if (!start) return;
        var r = root.getBoundingClientRect();
        d.x = evt.clientX - r.left; d.y = evt.clientY - r.top;
        if (Math.abs(evt.clientX - start[0]) + Math.abs(evt.clientY - start[1]) > 3) moved = true;
        g.setAttribute("transform", "translate(" + d.x + "," + d.y + ")");
        edges.forEach(function (e) { if (e.source === d.id || e.target === d.id) e.el.setAttribute("d", edgePath(e)); });
      });
      window.addEventListener("mouseup", function () {
        if (start && !moved) window.location.href = "/actors/" + encodeURIComponent(d.id);
        start = null;
      });
    }
    sideTable(edges);
  }

  function sideTable(edges) {
    info.textContent = "";
    EW.el("h2", null, "Strongest dyads", info);
    if (!edges.length) { EW.el("p", "hint", "None.", info); return; }
    var table = EW.el("table", "grid compact", null, info);
    var head = EW.el("tr", null, null, EW.el("thead", null, null, table));
    ["Source → target", "events", "tone"].forEach(function (h) { EW.el("th", null, h, head); });
    var body = EW.el("tbody", null, null, table);
    edges.slice().sort(function (a, b) { return b.n_events - a.n_events; }).slice(0, 40).forEach(function (e) {
      var tr = EW.el("tr", null, null, body);
      var td = EW.el("td", null, null, tr);
      var a = EW.el("a", "actor-link", e.source, td); a.href = "/actors/" + encodeURIComponent(e.source);
      EW.el("span", "sub", " → ", td);
      var b = EW.el("a", "actor-link", e.target, td); b.href = "/actors/" + encodeURIComponent(e.target);
      EW.el("td", "num", e.n_events, tr);
      var t = EW.el("td", null, null, tr);
      t.title = e.tone + ": cooperation " + e.n_coop + ", conflict " + e.n_conflict;
      EW.el("span", "swatch edge-" + e.tone, null, t);
      tr.addEventListener("mouseenter", function () { e.el.classList.add("hot"); });
      tr.addEventListener("mouseleave", function () { e.el.classList.remove("hot"); });
    });
  }
})();
