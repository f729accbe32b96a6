"""A self-contained interactive HTML page of the graph (vis-network, inlined: works offline).

One file, no network access (a Content-Security-Policy forbids it): the bundled
``assets/vis-network.min.js`` (vis-network, Apache-2.0 OR MIT) is inlined with the data.
Nodes are coloured and shaped by label and actor kind; anonymous sources are grey diamonds
with a dashed border; edges are labelled with their type; hovering an edge shows its evidence
sentence and article, clicking anything shows all its properties. A search box finds nodes,
the legend doubles as filters (node kinds and edge types), and the layout settles quickly on
large graphs (stabilisation capped, Kamada-Kawai seeding off above 300 nodes, physics off once
stable).

For tests and tools the page exposes ``window.provkgGraph`` (the data), writes the counts into
``<span id="node-count">`` and ``<span id="edge-count">``, and sets
``document.body.dataset.rendered = "true"`` once vis-network has drawn the stabilised graph
(``document.body.dataset.drawnPixels`` then counts painted canvas pixels, sampled, and
``drawnNodes``/``drawnEdges`` what vis-network holds).

>>> import networkx as nx, tempfile, os
>>> g = nx.MultiDiGraph()
>>> g.add_node("actor:x", label="Actor", kind="media", name="X", caption="X")
>>> page = open(write_html(g, os.path.join(tempfile.mkdtemp(), "g.html")), encoding="utf-8").read()
>>> '<span id="node-count">1</span>' in page and "vis-network" in page
True
"""
from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from provkg import __version__
from provkg.graph.export._common import (ACTOR_KIND_COLOR, ANONYMOUS_BORDER, LABEL_STYLE, category, clean_value,
                                         node_color, output_path, text_output)
from provkg.errors import ExportError

VIS_NETWORK_VERSION = "10.1.5"
ASSET = "vis-network.min.js"
NODE_FIELDS_FIRST = ("label", "name", "text", "title", "kind", "anonymous", "descriptor", "affiliation", "location",
                     "outlet", "published", "status", "value", "unit", "aliases", "url", "path", "article")


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The bundled vis-network standalone build (without its source-map comment)."""
    try:
        text = resources.files("provkg.graph.export").joinpath("assets", ASSET).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as err:
        raise ExportError(f"the bundled {ASSET} is missing from provkg/graph/export/assets ({err}); reinstall provkg") from None
    lines = [line for line in text.splitlines() if not line.startswith("//# sourceMappingURL=")]
    return "\n".join(lines).replace("</script", "<\\/script")


def _props(data: dict, skip=()) -> list[list]:
    keys = [k for k in NODE_FIELDS_FIRST if k in data] + sorted(k for k in data if k not in NODE_FIELDS_FIRST)
    out = []
    for key in keys:
        if key in skip:
            continue
        value = clean_value(data[key])
        if value is not None and value != "":
            out.append([key, value])
    return out


def page_data(graph: nx.MultiDiGraph) -> dict:
    """The JSON the page draws: nodes, edges, legend categories and the graph's scope."""
    nodes, categories = [], {}
    for node, data in graph.nodes(data=True):
        label = data.get("label", "node")
        cat = category(data)
        style = LABEL_STYLE.get(label, {"shape": "dot"})
        anonymous = bool(data.get("anonymous"))
        shape = "diamond" if anonymous else style["shape"]
        color = node_color(data)
        categories.setdefault(cat, {"name": cat, "color": color, "shape": shape, "anonymous": anonymous, "count": 0})
        categories[cat]["count"] += 1
        nodes.append({"id": str(node), "caption": data.get("caption") or str(node), "category": cat,
                      "nodeLabel": label, "kind": data.get("kind"), "anonymous": anonymous, "shape": shape,
                      "color": color, "props": _props(data, skip=("caption",))})
    edges, types = [], {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        rel = data.get("type", "")
        types[rel] = types.get(rel, 0) + 1
        edges.append({"id": str(data.get("id") or key), "from": str(u), "to": str(v), "type": rel,
                      "evidence": data.get("evidence") or "", "article": data.get("article"),
                      "articleTitle": data.get("article_title"), "start": data.get("start"), "stop": data.get("stop"),
                      "props": _props(data, skip=("type", "evidence", "article_title"))})
    scope = {k: clean_value(v) for k, v in graph.graph.items() if clean_value(v) is not None}
    return {"nodes": nodes, "edges": edges, "scope": scope, "provkg": __version__,
            "categories": sorted(categories.values(), key=lambda c: (c["name"].split(" · ")[0] != "Actor", c["name"])),
            "edgeTypes": [{"name": t, "count": n} for t, n in sorted(types.items())],
            "anonymousBorder": ANONYMOUS_BORDER, "actorKindColors": ACTOR_KIND_COLOR}


def _json_for_script(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for a, b in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(a, b)
    return text


def _heading(graph: nx.MultiDiGraph) -> str:
    """What the page shows, in words: the claim whose provenance it is, or the scope of the export."""
    scope = graph.graph

    def caption(node_id):
        return graph.nodes[node_id].get("caption", node_id) if node_id in graph else node_id

    if scope.get("provenance_of"):
        return f"Provenance of {caption(scope['provenance_of'])}"
    parts = []
    if scope.get("around"):
        seeds = scope.get("seeds") or []
        named = caption(seeds[0]) if len(seeds) == 1 else f"“{scope['around']}”"
        parts.append(f"around {named} ({scope.get('depth')} hop{'' if scope.get('depth') == 1 else 's'})")
    if scope.get("article"):
        parts.append(f"in {caption(scope['article'])}")
    return "provkg graph" + (" " + ", ".join(parts) if parts else "")


def html_page(graph: nx.MultiDiGraph) -> str:
    """The complete HTML document for ``graph``."""
    data = page_data(graph)
    heading = _heading(graph)
    page = PAGE
    for key, value in (("@@TITLE@@", html.escape(heading)), ("@@NODES@@", str(len(data["nodes"]))),
                       ("@@EDGES@@", str(len(data["edges"]))), ("@@VERSION@@", html.escape(__version__)),
                       ("@@VIS_VERSION@@", VIS_NETWORK_VERSION)):
        page = page.replace(key, value)
    # the big pieces last, so their contents are never searched for placeholders
    head, _, tail = page.partition("@@DATA@@")
    tail_head, _, tail_tail = tail.partition("@@VIS@@")
    return head + _json_for_script(data) + tail_head + vis_network_js() + tail_tail


def write_html(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``graph`` as a self-contained interactive HTML page to ``path`` ("-" = stdout)."""
    page = html_page(graph)
    with text_output(path) as stream:
        stream.write(page)
    return output_path(path)


PAGE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<meta name="generator" content="provkg @@VERSION@@ (vis-network @@VIS_VERSION@@)">
<title>@@TITLE@@</title>
<style>
  :root { --side: 300px; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  * { box-sizing: border-box; }
  html, body { margin: 0; height: 100%; }
  body { display: flex; color: #222; background: #fff; }
  #side { width: var(--side); min-width: var(--side); height: 100vh; overflow-y: auto; padding: 10px 12px;
          border-right: 1px solid #ddd; background: #fafafa; font-size: 13px; }
  #side h1 { font-size: 15px; margin: 0 0 4px; }
  #side h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #666; margin: 14px 0 6px; }
  .counts { color: #555; margin-bottom: 8px; }
  #search { width: 100%; padding: 6px 8px; font-size: 13px; border: 1px solid #bbb; border-radius: 4px; }
  #search-status { color: #666; font-size: 12px; min-height: 16px; margin-top: 3px; }
  .legend label { display: flex; align-items: center; gap: 6px; padding: 2px 0; cursor: pointer; }
  .legend .n { margin-left: auto; color: #777; font-variant-numeric: tabular-nums; }
  .sw { width: 14px; height: 14px; display: inline-block; border: 1px solid #555; flex: none; }
  .sw.dot { border-radius: 50%; } .sw.ellipse { border-radius: 50%/35%; width: 18px; }
  .sw.diamond { transform: rotate(45deg) scale(.8); border: 2px dashed #333; }
  .sw.triangle { width: 0; height: 0; border: 7px solid transparent; border-bottom: 13px solid var(--c); background: none !important; border-top: 0; }
  .sw.box { border-radius: 2px; width: 18px; }
  .sw.line { height: 2px; border: 0; background: #888; width: 18px; }
  .buttons { display: flex; gap: 6px; margin-top: 4px; }
  .buttons button { font-size: 12px; padding: 2px 8px; }
  #details { font-size: 12px; }
  #details blockquote { margin: 6px 0; padding: 6px 8px; background: #fff8dc; border-left: 3px solid #e0b000; font-size: 13px; }
  #details table { border-collapse: collapse; width: 100%; }
  #details td { vertical-align: top; padding: 2px 4px; border-bottom: 1px solid #eee; word-break: break-word; }
  #details td:first-child { color: #666; white-space: nowrap; }
  #stage { flex: 1; height: 100vh; position: relative; }
  #graph { position: absolute; inset: 0; }
  #progress { position: absolute; top: 8px; right: 12px; color: #666; font-size: 12px; z-index: 5; }
  #empty { position: absolute; top: 40%; width: 100%; text-align: center; color: #888; display: none; }
  .tip { max-width: 420px; white-space: normal; font-size: 12px; line-height: 1.35; }
  .tip b { display: block; margin-bottom: 3px; }
  .tip q { display: block; font-style: italic; margin: 3px 0; }
  .tip small { color: #666; }
  footer { margin-top: 16px; color: #999; font-size: 11px; }
</style>
</head>
<body>
<aside id="side">
  <h1 id="heading">@@TITLE@@</h1>
  <div class="counts"><span id="node-count">@@NODES@@</span> nodes · <span id="edge-count">@@EDGES@@</span> edges</div>
  <input id="search" type="search" placeholder="Search nodes (name, words, id) and press Enter" aria-label="Search nodes">
  <div id="search-status"></div>
  <h2>Nodes (click to filter)</h2>
  <div id="legend-nodes" class="legend"></div>
  <h2>Edges</h2>
  <div id="legend-edges" class="legend"></div>
  <div class="buttons"><button id="show-all" type="button">Show all</button><button id="fit" type="button">Fit</button></div>
  <h2>Details</h2>
  <div id="details">Hover an edge to read its evidence; click a node or edge for everything about it.</div>
  <footer>provkg @@VERSION@@ · drawn with vis-network @@VIS_VERSION@@ (Apache-2.0 / MIT)</footer>
</aside>
<main id="stage"><div id="graph"></div><div id="empty">Nothing to show: the graph is empty.</div><div id="progress"></div></main>
<script id="provkg-data" type="application/json">@@DATA@@</script>
<script>@@VIS@@</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("provkg-data").textContent);
  window.provkgGraph = data;
  var n = data.nodes.length;
  document.getElementById("node-count").textContent = String(n);
  document.getElementById("edge-count").textContent = String(data.edges.length);
  document.body.dataset.nodeCount = String(n);
  var container = document.getElementById("graph");
  if (n === 0) { document.getElementById("empty").style.display = "block"; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function nodeTip(d) {
    var t = el("div", "tip");
    t.appendChild(el("b", null, d.caption));
    d.props.forEach(function (p) {
      if (["label", "kind", "descriptor", "affiliation", "location", "outlet", "published", "status"].indexOf(p[0]) >= 0)
        t.appendChild(el("div", null, p[0] + ": " + p[1]));
    });
    t.appendChild(el("small", null, d.id));
    return t;
  }
  var captions = {};
  data.nodes.forEach(function (d) { captions[d.id] = d.caption; });
  function edgeTip(d) {
    var t = el("div", "tip");
    t.appendChild(el("b", null, (captions[d.from] || d.from) + " — " + d.type + " → " + (captions[d.to] || d.to)));
    if (d.evidence) t.appendChild(el("q", null, d.evidence));
    var where = (d.articleTitle ? d.articleTitle + " " : "") + "(" + (d.article || "no article") + ", chars " + d.start + "–" + d.stop + ")";
    t.appendChild(el("small", null, where));
    return t;
  }
  var big = n > 300, huge = n > 1500;
  var nodes = new vis.DataSet(data.nodes.map(function (d) {
    var box = d.shape === "box" || d.shape === "ellipse";
    var item = {
      id: d.id, label: d.caption, shape: d.shape, title: nodeTip(d), category: d.category,
      color: { background: d.color, border: d.anonymous ? data.anonymousBorder : "#555555",
               highlight: { background: d.color, border: "#d62728" }, hover: { background: d.color, border: "#222222" } },
      borderWidth: d.anonymous ? 2.5 : 1, size: d.nodeLabel === "Article" ? 14 : 12,
      font: { size: box ? 11 : 12, color: "#222" }
    };
    if (box) item.widthConstraint = { maximum: 190 };
    if (d.anonymous) { item.shapeProperties = { borderDashes: [6, 3] }; item.size = 17; }
    return item;
  }));
  var edges = new vis.DataSet(data.edges.map(function (d) {
    return { id: d.id, from: d.from, to: d.to, label: d.type, title: edgeTip(d), type: d.type };
  }));
  var hiddenCats = {}, hiddenTypes = {};
  var nodeView = new vis.DataView(nodes, { filter: function (x) { return !hiddenCats[x.category]; } });
  var edgeView = new vis.DataView(edges, { filter: function (x) { return !hiddenTypes[x.type]; } });
  var options = {
    autoResize: true,
    layout: { improvedLayout: !big, randomSeed: 11 },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.012, springLength: 110, springConstant: 0.06, avoidOverlap: 0.6 },
      stabilization: { enabled: true, iterations: huge ? 120 : big ? 250 : 500, updateInterval: 50, fit: true },
      maxVelocity: 60, minVelocity: 1.5, timestep: 0.45
    },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: huge, keyboard: { enabled: true, bindToWindow: false }, multiselect: true },
    nodes: { font: { face: "system-ui, sans-serif" }, margin: 6 },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      font: { size: 9, color: "#555", strokeWidth: 3, align: "middle" },
      color: { color: "#9a9a9a", highlight: "#d62728", hover: "#333333" },
      smooth: huge ? false : { enabled: true, type: "continuous", roundness: 0.4 },
      selectionWidth: 2, width: 1
    }
  };
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  window.provkgNetwork = network;

  var stable = false;
  function markRendered(ctx) {
    var canvas = ctx && ctx.canvas ? ctx.canvas : container.querySelector("canvas");
    var painted = 0;
    try {
      var raw = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      for (var i = 3; i < raw.length; i += 4 * 7) { if (raw[i] !== 0) painted++; }
    } catch (e) { painted = -1; }
    document.body.dataset.drawnPixels = String(painted);
    document.body.dataset.drawnNodes = String(network.body.nodeIndices.length);
    document.body.dataset.drawnEdges = String(network.body.edgeIndices.length);
    document.body.dataset.rendered = "true";
  }
  var progress = document.getElementById("progress");
  if (n > 0) progress.textContent = "Laying out " + n + " nodes…";
  network.on("stabilizationProgress", function (p) {
    progress.textContent = "Laying out " + n + " nodes… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    stable = true;
    progress.textContent = "";
    network.setOptions({ physics: false });
    network.fit({ animation: false });
    network.redraw();
  });
  network.on("afterDrawing", function (ctx) {
    if ((stable || n === 0) && document.body.dataset.rendered !== "true") markRendered(ctx);
  });

  // legend and filters
  function swatch(shape, color) {
    var s = el("span", "sw " + shape);
    s.style.background = color; s.style.setProperty("--c", color);
    return s;
  }
  var legendNodes = document.getElementById("legend-nodes");
  data.categories.forEach(function (c) {
    var row = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.category = c.name;
    box.addEventListener("change", function () { hiddenCats[c.name] = !box.checked; nodeView.refresh(); });
    row.appendChild(box); row.appendChild(swatch(c.shape, c.color));
    row.appendChild(el("span", null, c.name)); row.appendChild(el("span", "n", c.count));
    legendNodes.appendChild(row);
  });
  var legendEdges = document.getElementById("legend-edges");
  data.edgeTypes.forEach(function (t) {
    var row = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.edgeType = t.name;
    box.addEventListener("change", function () { hiddenTypes[t.name] = !box.checked; edgeView.refresh(); });
    row.appendChild(box); row.appendChild(swatch("line", "#888"));
    row.appendChild(el("span", null, t.name)); row.appendChild(el("span", "n", t.count));
    legendEdges.appendChild(row);
  });
  document.getElementById("show-all").addEventListener("click", function () {
    hiddenCats = {}; hiddenTypes = {};
    document.querySelectorAll(".legend input").forEach(function (b) { b.checked = true; });
    nodeView.refresh(); edgeView.refresh(); network.fit();
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit(); });

  // search
  var byId = {};
  data.nodes.forEach(function (d) { byId[d.id] = d; });
  var haystack = data.nodes.map(function (d) {
    return [d.id, d.caption].concat(d.props.map(function (p) { return String(p[1]); })).join(" \u0001 ").toLowerCase();
  });
  var search = document.getElementById("search"), status = document.getElementById("search-status");
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    if (!q) { network.unselectAll(); status.textContent = ""; return; }
    var hits = [];
    haystack.forEach(function (h, i) { if (h.indexOf(q) >= 0 && !hiddenCats[data.nodes[i].category]) hits.push(data.nodes[i].id); });
    network.selectNodes(hits, true);
    status.textContent = hits.length ? hits.length + " match" + (hits.length === 1 ? "" : "es") : "no match";
    if (hits.length) { network.fit({ nodes: hits, animation: { duration: 300 } }); if (hits.length === 1) showNode(hits[0]); }
  }
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") runSearch(); });
  search.addEventListener("search", runSearch);

  // details panel
  var details = document.getElementById("details");
  function table(rows) {
    var t = el("table");
    rows.forEach(function (r) { var tr = el("tr"); tr.appendChild(el("td", null, r[0])); tr.appendChild(el("td", null, r[1])); t.appendChild(tr); });
    return t;
  }
  function showNode(id) {
    var d = byId[id]; if (!d) return;
    details.replaceChildren(el("b", null, d.caption), table([["id", d.id]].concat(d.props)));
  }
  var edgeById = {};
  data.edges.forEach(function (d) { edgeById[d.id] = d; });
  function showEdge(id) {
    var d = edgeById[id]; if (!d) return;
    var parts = [el("b", null, (captions[d.from] || d.from) + " — " + d.type + " → " + (captions[d.to] || d.to))];
    if (d.evidence) parts.push(el("blockquote", null, d.evidence));
    if (d.articleTitle) parts.push(el("div", null, "in “" + d.articleTitle + "”"));
    parts.push(table(d.props));
    details.replaceChildren.apply(details, parts);
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]); else if (p.edges.length) showEdge(p.edges[0]);
  });
  network.on("hoverEdge", function (p) { showEdge(p.edge); });
})();
</script>
</body>
</html>
"""
