// Network page: the strongest interactions between actors, countries or country-sectors, drawn on a canvas by
// the vendored cytoscape. The server picks the strongest N edges and gives each node a community; here each
// community is laid out on its own (a small, seeded force layout) and the communities are packed apart, so
// groups stay readable at any size. Labels are drawn only where they fit, strongest nodes first; the rest show
// on hover. Clicking a node reloads with its neighbourhood (focus=...). Text is set as data, never as markup.
"use strict";
(function () {
  var root = document.getElementById("network");
  var info = document.getElementById("network-info");
  var status = document.getElementById("network-status");
  if (!root || typeof cytoscape === "undefined") return;
  var params = new URLSearchParams(window.location.search);
  var level = params.get("level") || "actor";
  var FONT = 12, FONT_FAMILY = "Helvetica, Arial, sans-serif";
  var COMMUNITY = ["#4c6ef5", "#f08c00", "#2f9e44", "#ae3ec9", "#1098ad", "#d6336c", "#74b816", "#845ef7",
                   "#f59f00", "#0ca678", "#e8590c", "#3b5bdb", "#c2255c", "#5c940d", "#862e9c", "#495057"];
  var TONE = { coop: "#2f9e44", conflict: "#e03131", mixed: "#f08c00", neutral: "#adb5bd" };

  status.textContent = "Loading…";
  EW.getJSON(EW.api("/api/network")).then(draw).catch(function (err) {
    status.textContent = "Could not load: " + err.message;
  });

  // -- layout: communities apart ----------------------------------------------------------------------------
  function layout(nodes, edges) {
    var groups = {};
    nodes.forEach(function (d) { (groups[d.community] = groups[d.community] || []).push(d); });
    var keys = Object.keys(groups).sort(function (a, b) { return groups[b].length - groups[a].length || a - b; });
    var boxes = keys.map(function (k) { return spring(groups[k], edges); });
    var gap = 90;
    var area = boxes.reduce(function (s, b) { return s + (b.w + gap) * (b.h + gap); }, 0);
    var rowMax = Math.max(Math.sqrt(area * 1.6), boxes[0].w + gap);
    var x = 0, y = 0, rowH = 0;
    boxes.forEach(function (b) {
      if (x > 0 && x + b.w > rowMax) { x = 0; y += rowH + gap; rowH = 0; }
      b.nodes.forEach(function (d) { d.x += x - b.x0; d.y += y - b.y0; });
      x += b.w + gap;
      rowH = Math.max(rowH, b.h);
    });
  }

  // Fruchterman-Reingold for one community, from a fixed start (a spiral by strength), a bounded amount of work.
  function spring(group, edges) {
    var n = group.length, i, j, local = {};
    group.forEach(function (d, k) { local[d.id] = k; });
    var links = edges.filter(function (e) { return e.source in local && e.target in local; })
                     .map(function (e) { return [local[e.source], local[e.target]]; });
    var kk = 70, size = kk * Math.sqrt(n);
    group.forEach(function (d, k) {
      var a = k * 2.39996, r = kk * 0.6 * Math.sqrt(k);
      d.x = Math.cos(a) * r; d.y = Math.sin(a) * r;
    });
    var steps = n < 2 ? 0 : Math.max(20, Math.min(300, Math.floor(3e7 / (n * n))));
    var temp = size / 4;
    for (var step = 0; step < steps; step++) {
      var dx = new Float64Array(n), dy = new Float64Array(n);
      for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
          var vx = group[i].x - group[j].x, vy = group[i].y - group[j].y;
          var d2 = vx * vx + vy * vy + 0.01, f = kk * kk / d2;
          dx[i] += vx * f; dy[i] += vy * f; dx[j] -= vx * f; dy[j] -= vy * f;
        }
      }
      links.forEach(function (l) {
        var s = l[0], t = l[1];
        var ux = group[s].x - group[t].x, uy = group[s].y - group[t].y;
        var du = Math.sqrt(ux * ux + uy * uy) + 0.01, fa = du / kk;
        dx[s] -= ux * fa; dy[s] -= uy * fa; dx[t] += ux * fa; dy[t] += uy * fa;
      });
      for (i = 0; i < n; i++) {
        dx[i] -= group[i].x * 0.03; dy[i] -= group[i].y * 0.03;
        var len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) + 0.01;
        group[i].x += dx[i] / len * Math.min(len, temp);
        group[i].y += dy[i] / len * Math.min(len, temp);
      }
      temp = Math.max(temp * 0.97, 0.5);
    }
    var xs = group.map(function (d) { return d.x; }), ys = group.map(function (d) { return d.y; });
    var x0 = Math.min.apply(null, xs), y0 = Math.min.apply(null, ys);
    return { nodes: group, x0: x0, y0: y0, w: Math.max.apply(null, xs) - x0, h: Math.max.apply(null, ys) - y0 };
  }

  // -- labels where they fit ----------------------------------------------------------------------------------
  var measure = document.createElement("canvas").getContext("2d");
  function textWidth(s) { measure.font = FONT + "px " + FONT_FAMILY; return measure.measureText(s).width; }

  function overlaps(a, b) { return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2; }

  // Labels keep one size on screen at any zoom. Strongest node first, a label is drawn if its box (below its
  // node) lies inside the view and overlaps no label drawn and no stronger node (it may cover weaker ones).
  function placeLabels(cy) {
    var zoom = cy.zoom(), W = cy.width(), H = cy.height(), taken = [], circles = [];
    cy.style().selector("node").style({ "font-size": FONT / zoom, "text-margin-y": 2 / zoom,
                                        "text-background-padding": 1 / zoom }).update();
    var nodes = cy.nodes().sort(function (a, b) { return b.data("weight") - a.data("weight") || (a.id() < b.id() ? -1 : 1); });
    nodes.forEach(function (n, rank) {
      var p = n.renderedPosition(), r = n.renderedWidth() / 2;
      circles.push({ rank: rank, x1: p.x - r, x2: p.x + r, y1: p.y - r, y2: p.y + r });
    });
    cy.batch(function () {
      nodes.forEach(function (n, rank) {
        var p = n.renderedPosition(), r = n.renderedWidth() / 2;
        var w = n.data("textWidth") + 6, h = FONT + 6;
        var box = { x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y + r + 1, y2: p.y + r + 1 + h };
        var fits = box.x1 >= 0 && box.x2 <= W && box.y1 >= 0 && box.y2 <= H &&
          !taken.some(function (t) { return overlaps(t, box); }) &&
          !circles.some(function (c) { return c.rank < rank && overlaps(c, box); });
        n.toggleClass("labelled", fits);
        if (fits) taken.push(box);
      });
    });
  }

  function describeEdge(e) {
    var types = Object.keys(e.types).map(function (t) { return t + " ×" + e.types[t]; }).join(", ");
    var rows = [e.n_events + " event" + (e.n_events === 1 ? "" : "s") + ": " + types,
                "cooperation " + e.n_coop + " · conflict " + e.n_conflict];
    if (e.mean_goldstein !== null && e.mean_goldstein !== undefined) rows.push("mean Goldstein " + e.mean_goldstein);
    return rows;
  }

  function draw(data) {
    var nodes = data.nodes, edges = data.edges;
    status.textContent = "The strongest " + data.shown_edges + " of " + data.total_edges + " interactions · " +
      nodes.length + " of " + data.total_nodes + " " + (level === "actor" ? "actors" : level === "country" ? "countries" : "country-sectors") +
      (data.focus ? " · around " + data.focus : "");
    if (!nodes.length) { status.textContent = "No coded interactions between two " + level + "s match these filters."; sideTable(data); return; }
    layout(nodes, edges);
    var maxNode = Math.max.apply(null, nodes.map(function (d) { return d.n_events; }).concat([1]));
    var maxEdge = Math.max.apply(null, edges.map(function (e) { return e.n_events; }).concat([1]));
    var byId = {};
    var els = nodes.map(function (d) {
      byId[d.id] = d;
      return { group: "nodes", position: { x: d.x, y: d.y }, data: {
        id: d.id, label: d.label, weight: d.n_events, textWidth: textWidth(d.label),
        size: 8 + 26 * Math.sqrt(d.n_events / maxNode), colour: COMMUNITY[d.community % COMMUNITY.length] } };
    });
    edges.forEach(function (e, i) {
      els.push({ group: "edges", data: { id: "e" + i, source: e.source, target: e.target, k: i,
        width: 1 + 6 * Math.sqrt(e.n_events / maxEdge), colour: TONE[e.tone] || TONE.neutral } });
    });
    var many = edges.length > 1500;
    var cy = cytoscape({
      container: root, elements: els, layout: { name: "preset", fit: true, padding: 30 },
      minZoom: 0.05, maxZoom: 6, wheelSensitivity: 0.3, boxSelectionEnabled: false, autoungrabify: false,
      textureOnViewport: many, hideEdgesOnViewport: many, pixelRatio: 1,
      style: [
        { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
          "border-width": 1, "border-color": "#fff", label: "", "font-size": FONT, "font-family": FONT_FAMILY,
          "text-valign": "bottom", "text-halign": "center", "text-margin-y": 2, color: "#212529",
          "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1 } },
        { selector: "node.labelled, node.hover", style: { label: "data(label)" } },
        { selector: "node.hover", style: { "z-index": 20, "text-background-opacity": 1 } },
        { selector: "node.dim", style: { opacity: 0.2 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", opacity: 0.6,
          "curve-style": many ? "haystack" : "bezier", "target-arrow-shape": many ? "none" : "triangle",
          "target-arrow-color": "data(colour)", "arrow-scale": 0.8 } },
        { selector: "edge.hot", style: { opacity: 1, "z-index": 10 } },
        { selector: "edge.dim", style: { opacity: 0.08 } }
      ]
    });
    window.ewNetwork = { cy: cy, data: data, placeLabels: function () { placeLabels(cy); } };
    placeLabels(cy);
    var pending = null;
    cy.on("viewport", function () {
      if (pending) return;
      pending = window.requestAnimationFrame(function () { pending = null; placeLabels(cy); });
    });
    cy.on("dragfree", "node", function () { placeLabels(cy); });

    cy.on("mouseover", "node", function (evt) {
      var n = evt.target, d = byId[n.id()], near = n.closedNeighborhood();
      n.addClass("hover");
      cy.elements().not(near).addClass("dim");
      near.edges().addClass("hot");
      EW.tip(evt.originalEvent, d.label, [(d.country || "no country") + (d.sector ? " · " + d.sector : ""),
        d.n_events + " interaction" + (d.n_events === 1 ? "" : "s") + " · " + d.degree + " shown",
        "click: its neighbourhood"]);
    });
    cy.on("mouseout", "node", function (evt) {
      evt.target.removeClass("hover");
      cy.elements().removeClass("dim hot");
      EW.untip();
    });
    cy.on("mouseover", "edge", function (evt) {
      var e = edges[evt.target.data("k")];
      evt.target.addClass("hot");
      EW.tip(evt.originalEvent, byId[e.source].label + " → " + byId[e.target].label, describeEdge(e));
    });
    cy.on("mouseout", "edge", function (evt) { evt.target.removeClass("hot"); EW.untip(); });
    cy.on("tap", "node", function (evt) {
      var p = new URLSearchParams(window.location.search);
      p.set("focus", evt.target.id());
      window.location.search = p.toString();
    });
    sideTable(data, byId);
  }

  function nodeLink(id, label) {
    var a = document.createElement("a");
    a.className = "actor-link";
    a.textContent = label;
    a.href = level === "actor" ? "/actors/" + encodeURIComponent(id) : "/events?country=" + encodeURIComponent(id.split("-")[0]);
    return a;
  }

  function sideTable(data, byId) {
    info.textContent = "";
    if (data.focus) {
      EW.el("h2", null, "Around " + ((byId && byId[data.focus]) ? byId[data.focus].label : data.focus), info);
      var p = EW.el("p", null, null, info);
      p.appendChild(nodeLink(data.focus, level === "actor" ? "actor page" : "its events"));
      EW.el("span", null, " · ", p);
      var back = EW.el("a", null, "whole network", p);
      var q = new URLSearchParams(window.location.search);
      q.delete("focus");
      back.href = "/network" + (q.toString() ? "?" + q.toString() : "");
    }
    EW.el("h2", null, "Strongest interactions", info);
    if (!data.edges.length) { EW.el("p", "hint", "None.", info); return; }
    var table = EW.el("table", "grid compact", null, info);
    table.id = "network-edges";
    var head = EW.el("tr", null, null, EW.el("thead", null, null, table));
    ["Source → target", "events", "tone"].forEach(function (h) { EW.el("th", null, h, head); });
    var body = EW.el("tbody", null, null, table);
    data.edges.slice(0, 40).forEach(function (e) {
      var tr = EW.el("tr", null, null, body);
      var td = EW.el("td", null, null, tr);
      td.appendChild(nodeLink(e.source, byId[e.source].label));
      EW.el("span", "sub", " → ", td);
      td.appendChild(nodeLink(e.target, byId[e.target].label));
      EW.el("td", "num", e.n_events, tr);
      var t = EW.el("td", null, null, tr);
      t.title = e.tone + ": cooperation " + e.n_coop + ", conflict " + e.n_conflict;
      EW.el("span", "swatch edge-" + e.tone, null, t);
    });
  }
})();
