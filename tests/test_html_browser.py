"""The HTML export in a real headless Chromium, offline: it renders, draws every node, and looks right.

With PROVKG_UPDATE_SCREENSHOT=1 it also saves the seed article's graph as docs/seed-graph.png
(the README shows it), so ordinary test runs leave the work tree alone.
Needs Debian's ``chromium`` (``apt-get install chromium``; .ci/run installs it).
"""
from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest

from provkg.graph.export import write
from provkg.graph.view import to_networkx

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "docs" / "seed-graph.png"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
WINDOW = (1600, 1000)
SIDEBAR = 300  # px: the legend column on the left of the page

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)")]


def chromium(url: str, *args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    """Headless Chromium with the network cut off: no DNS, a proxy to nowhere, no background traffic."""
    with tempfile.TemporaryDirectory() as profile:
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-default-apps", "--disable-extensions", f"--user-data-dir={profile}",
               "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
               f"--window-size={WINDOW[0]},{WINDOW[1]}", "--hide-scrollbars", "--virtual-time-budget=30000",
               *args, url]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes) with the standard library."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0, header
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, [bytes(r[x * bpp:x * bpp + 3]) for r in rows for x in range(width)]


@pytest.fixture(scope="module")
def seed_page(examples_db, tmp_path_factory):
    from provkg.graph.store import open_store

    with open_store(examples_db, read_only=True) as store:
        seed = store.query("MATCH (a:Article) WHERE a.path ENDS WITH 'seed-north-korea-police.txt' RETURN a.id").rows[0][0]
        graph = to_networkx(store, article=seed)
    path = write(graph, "html", tmp_path_factory.mktemp("html") / "seed.html")
    return path, graph


def test_page_renders_offline_and_draws_every_node(seed_page):
    path, graph = seed_page
    result = chromium(path.resolve().as_uri(), "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    body = re.search(r"<body([^>]*)>", result.stdout)
    assert body, result.stdout[:500]
    attrs = dict(re.findall(r'data-([\w-]+)="([^"]*)"', body.group(1)))
    assert attrs.get("rendered") == "true", f"vis-network never finished drawing: {attrs}"
    assert int(attrs["node-count"]) == graph.number_of_nodes() > 20
    assert int(attrs["drawn-nodes"]) == graph.number_of_nodes()
    assert int(attrs["drawn-edges"]) == graph.number_of_edges()
    assert int(attrs["drawn-pixels"]) > 500, "the canvas is (nearly) empty"
    assert f'<span id="node-count">{graph.number_of_nodes()}</span>' in result.stdout
    legend = re.findall(r'data-category="([^"]+)"', result.stdout)
    assert "Actor · anonymous source" in legend and "Claim" in legend


def test_screenshot_of_the_seed_graph(seed_page):
    path, graph = seed_page
    with tempfile.TemporaryDirectory() as tmp:
        shot = Path(tmp) / "seed.png"
        result = chromium(path.resolve().as_uri(), f"--screenshot={shot}")
        assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
        width, height, pixels = png_pixels(shot)
        assert (width, height) == WINDOW
        graph_area = [pixels[y * width + x] for y in range(0, height, 4) for x in range(SIDEBAR + 20, width, 4)]
        colours = {p for p in graph_area}
        background = max(colours, key=graph_area.count)
        drawn = sum(p != background for p in graph_area) / len(graph_area)
        assert len(colours) > 50, "the graph area is (nearly) uniform: nothing was drawn"
        assert drawn > 0.01, f"only {drawn:.2%} of the graph area is drawn"
        if os.environ.get("PROVKG_UPDATE_SCREENSHOT") == "1":
            SCREENSHOT.parent.mkdir(exist_ok=True)
            shutil.copyfile(shot, SCREENSHOT)


PROBE = """<script>
(function () {
  var timer = setInterval(function () {
    if (document.body.dataset.rendered !== "true") return;
    clearInterval(timer);
    var search = document.getElementById("search");
    search.value = "Radio Free Asia";
    search.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    document.body.dataset.probeSearch = document.getElementById("search-status").textContent;
    document.body.dataset.probeSelected = String(window.provkgNetwork.getSelectedNodes().length);
    var box = document.querySelector('input[data-category="Claim"]');
    box.checked = false;
    box.dispatchEvent(new Event("change"));
    document.body.dataset.probeAfterFilter = String(window.provkgNetwork.body.nodeIndices.length);
    document.body.dataset.probeDetails = document.getElementById("details").textContent;
    document.body.dataset.probeDone = "true";
  }, 50);
})();
</script>
</body>"""


def test_search_and_filters_work(seed_page, tmp_path):
    path, graph = seed_page
    probe = tmp_path / "probe.html"
    probe.write_text(path.read_text(encoding="utf-8").replace("</body>", PROBE), encoding="utf-8")
    result = chromium(probe.resolve().as_uri(), "--dump-dom")
    body = re.search(r"<body([^>]*)>", result.stdout)
    attrs = dict(re.findall(r'data-([\w-]+)="([^"]*)"', body.group(1)))
    assert attrs.get("probe-done") == "true", attrs
    assert attrs["probe-search"].endswith(("match", "matches")) and int(attrs["probe-selected"]) >= 1
    claims = sum(1 for _, d in graph.nodes(data=True) if d["label"] == "Claim")
    assert claims and int(attrs["probe-after-filter"]) == graph.number_of_nodes() - claims
    assert "Radio Free Asia" in attrs["probe-details"]
