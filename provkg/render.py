"""Output for the CLI: JSON (for jq), CSV, rich tables and trees."""
from __future__ import annotations

import csv
import io
import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def table(columns: list[str], rows: list[list], title: str | None = None) -> Table:
    out = Table(title=title, show_lines=False)
    for column in columns:
        out.add_column(column, overflow="fold")
    for row in rows:
        out.add_row(*("" if v is None else escape(str(v)) for v in row))
    return out


def to_csv(columns: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def render(renderable, width: int = 100) -> str:
    """A rich renderable as plain text (no colour), for click.echo and exact tests."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None, highlight=False)
    console.print(renderable)
    return console.export_text()


def highlighted(sentence: dict) -> str:
    """The evidence sentence with its cue in [brackets]-free bold markers: «cue»."""
    text, start = sentence["text"], sentence["start"]
    cue = sentence.get("cue")
    if not cue or cue["start"] is None or not (start <= cue["start"] < cue["stop"] <= sentence["stop"]):
        return " ".join(text.split())
    a, b = cue["start"] - start, cue["stop"] - start
    return " ".join(f"{text[:a]}«{text[a:b]}»{text[b:]}".split())


def source_label(source: dict) -> str:
    details = [source["kind"] and source["kind"].replace("_", " ")]
    details += [source.get("affiliation"), source.get("location")]
    return f"{source['name']} ({'; '.join(d for d in details if d)})"


def provenance_tree(result: dict) -> Tree:
    """claim ← source ← told ← article (outlet) ← reprint, with the evidence sentences."""
    claim = result["claim"]
    root = Tree(escape(f"claim: “{' '.join(claim['text'].split())}”"))
    if not result["reports"]:
        root.add("no source reports this claim in the store (its attribution names no speaker)")
    for report in result["reports"]:
        node = root.add(escape(f"← {report['cue'].lower()} by {source_label(report['source'])}"))
        node.add(escape(f"“{highlighted(report['evidence'])}”"))
        for told in report["told"]:
            part = f", part of {told['part_of']}" if told.get("part_of") else ""
            node.add(escape(f"← told {told['recipient']}{part}"))
        article = report["article"]
        date = f" ({article['published']})" if article.get("published") else ""
        originals = article["reprint_of"]
        origin = " / ".join(r["original_title"] and f"“{r['original_title']}”" or r["original"] for r in originals)
        if originals:
            art = node.add(escape(f"← in {origin}'s article “{article['title'] or article['id']}” [{article['id']}]"))
            for reprint in originals:
                art.add(escape(f"evidence: “{' '.join(reprint['evidence']['text'].split())}”"))
            if article.get("outlet"):
                art.add(escape(f"← reprinted by {article['outlet']}{date}"))
        else:
            outlet = f" published by {article['outlet']}" if article.get("outlet") else ""
            node.add(escape(f"← in article “{article['title'] or article['id']}”{outlet}{date} [{article['id']}]"))
    for c in result["contradictions"]:
        root.add(escape(f"✗ contradicted ({c['basis']}) by “{' '.join(c['text'].split())}”"))
    return root


def stats_table(stats: dict) -> Table:
    rows = [["articles", "", stats["articles"]]]
    rows += [["node", label, n] for label, n in stats["nodes"].items()]
    rows += [["relationship", rel, n] for rel, n in stats["relationships"].items()]
    return table(["kind", "name", "count"], rows)


def extraction_summary(record: dict) -> Tree:
    """A readable view of one extraction record (``provkg extract --format pretty``)."""
    doc = record["document"]
    root = Tree(escape(f"{doc.get('title') or doc['path']} [{doc['id']}]"))
    names = {e["id"]: e["name"] for e in record["entities"]}
    entities = root.add(f"entities ({len(record['entities'])})")
    for e in record["entities"]:
        entities.add(escape(f"{e['id']} {e['name']} — {e['kind']}" + (" (anonymous)" if e["anonymous"] else "")))
    attributions = root.add(f"attributions ({len(record['attributions'])})")
    for a in record["attributions"]:
        source = names.get(a["source_entity"], (a["source"] or {}).get("text", "?"))
        attributions.add(escape(f"{source} —{a['cue']['text']}→ “{' '.join(a['content']['text'].split())[:120]}”"))
    directives = root.add(f"directives ({len(record['directives'])})")
    for d in record["directives"]:
        issuer = names.get(d["issuer_entity"], "unstated issuer")
        targets = ", ".join(names.get(t, t) for t in d["target_entities"]) or "no target"
        directives.add(escape(f"{issuer} → {targets}: “{' '.join(d['content']['text'].split())[:120]}”"))
    for r in record["reprints"]:
        root.add(escape(f"reprint of {r['original']}"))
    for c in record["contradictions"]:
        root.add(escape(f"contradiction ({c['basis']}): “{c['a']['text'][:60]}” ✗ “{c['b']['text'][:60]}”"))
    return root
