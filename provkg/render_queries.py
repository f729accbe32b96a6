"""Tables and trees for the query commands (origins, anonymous, contradictions, directives,
actor, sources, timeline, evidence). JSON output is the query functions' answers as they are.

Every renderer takes the answer dict of the matching ``provkg.queries`` function and returns a
rich renderable; :func:`provkg.render.render` turns it into plain text.
"""
from __future__ import annotations

from rich.markup import escape
from rich.tree import Tree

from provkg.render import highlighted, table


def _one(text: str | None) -> str:
    return " ".join((text or "").split())


def _q(text: str | None) -> str:
    return f"“{_one(text)}”"


def _source(s: dict) -> str:
    details = [s["kind"] and s["kind"].replace("_", " "), s.get("affiliation"), s.get("location")]
    return f"{s['name']} ({'; '.join(d for d in details if d)})"


def _where(article: dict) -> str:
    return " ".join(x for x in (article.get("published") or "undated", article.get("outlet") or "(no outlet)") if x)


def _sentence(report: dict) -> str:
    return _q(highlighted(report["evidence"]))


def _add(node: Tree, text: str) -> Tree:
    return node.add(escape(text))


def _n(count: int, word: str) -> str:
    """``1 report``, ``2 reports``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


# -- origins -------------------------------------------------------------------------------------
def origins_tree(result: dict) -> Tree:
    claim = result["claim"]
    root = Tree(escape(f"claim: {_q(claim['text'])} [{claim['id']}]"))
    n, anon = result["origin_count"], result["anonymous_origin_count"]
    _add(root, f"{_n(n, 'independent origin')} ({anon} anonymous) from {_n(result['report_count'], 'report')}")
    for o in result["origins"]:
        names = "; ".join(dict.fromkeys(_source(s) for s in o["sources"]))
        via = ", ".join(c["name"] or c["id"] for c in o["channels"])
        node = _add(root, f"origin {o['origin']}{' (anonymous)' if o['anonymous'] else ''}: {names} — through {via}")
        for r in o["reports"]:
            _add(node, f"{_where(r['article'])} [{r['via']}] {_sentence(r)} [{r['edge_id']}]")
        for r in o["relays"]:
            _add(node, f"{_where(r['article'])} [relay by {r['source']['name']}] {_sentence(r)} [{r['edge_id']}]")
    for d in result["denials"]:
        _add(root, f"✗ denied by {d['source']['name']}, {_where(d['article'])}: {_sentence(d)} [{d['edge_id']}]")
    return root


def origins_table(result: dict):
    rows = []
    for o in result["origins"]:
        for r in o["reports"] + o["relays"]:
            rows.append([o["origin"], "yes" if o["anonymous"] else "no", _source(r["source"]), r["via"],
                         r["article"]["outlet"], r["article"]["published"], r["edge_id"]])
    for d in result["denials"]:
        rows.append(["denial", "yes" if d["source"]["anonymous"] else "no", _source(d["source"]), d["cue"],
                     d["article"]["outlet"], d["article"]["published"], d["edge_id"]])
    title = (f"{_q(result['claim']['text'])}: {_n(result['origin_count'], 'independent origin')} "
             f"({result['anonymous_origin_count']} anonymous)")
    return table(["origin", "anonymous", "source", "via", "outlet", "published", "edge"], rows, title=title)


# -- anonymous -----------------------------------------------------------------------------------
def anonymous_title(result: dict) -> str:
    """'5 claims and directives rest only on anonymous sources', and how many are shown when not all."""
    title = f"{result['item_total']:,} claims and directives rest only on anonymous sources"
    if result["item_count"] < result["item_total"]:
        title += f"; the {result['item_count']:,} with the most reports (--limit 0 for all)"
    return title


def anonymous_tree(result: dict) -> Tree:
    root = Tree(escape(anonymous_title(result)))
    for group in result["outlets"]:
        outlet = _add(root, group["outlet"])
        for item in group["items"]:
            node = _add(outlet, f"{item['label'].lower()}: {_q(item['text'])}")
            for s in item["sources"]:
                src = s["source"]
                told = f", told {s['recipient']['name']}" if s.get("recipient") else ""
                who = _add(node, f"{src['descriptor'] or src['name']} — affiliation: {src['affiliation'] or '?'}; "
                                 f"location: {src['location'] or '?'}{told}")
                _add(who, f"{_where(s['article'])}: {_sentence(s)} [{s['edge_id']}]")
    return root


def anonymous_table(result: dict):
    rows = [[g["outlet"], i["label"], _one(i["text"]), s["source"]["descriptor"] or s["source"]["name"],
             s["source"]["affiliation"], s["source"]["location"], s["article"]["published"], s["edge_id"]]
            for g in result["outlets"] for i in g["items"] for s in i["sources"]]
    return table(["outlet", "item", "text", "source", "affiliation", "location", "published", "edge"], rows,
                 title=anonymous_title(result))


# -- contradictions ------------------------------------------------------------------------------
def _side(node: Tree, label: str, side: dict) -> None:
    n = side["origin_count"]
    s = _add(node, f"{label}: {_q(side['text'])} — {_n(n, 'independent origin')}")
    for r in side["reports"]:
        _add(s, f"{_where(r['article'])}: {_source(r['source'])} {_sentence(r)} [{r['edge_id']}]")
    for r in side["denials"]:
        _add(s, f"✗ {_where(r['article'])}: denied by {r['source']['name']} [{r['edge_id']}]")


DENIED_IN_PLACE = "denied in the words another article reports"


def contradictions_tree(result: dict) -> Tree:
    head = _n(result["count"], "contradiction")
    if result["denied"]:
        head += f", {_n(len(result['denied']), 'claim')} {DENIED_IN_PLACE}"
    root = Tree(escape(head))
    for c in result["contradictions"]:
        node = _add(root, f"{c['basis']}: {_where(c['article'])} {_q(c['evidence']['text'])} [{c['edge_id']}]")
        _side(node, "A", c["a"])
        _side(node, "B", c["b"])
    for side in result["denied"]:
        _side(root, DENIED_IN_PLACE, side)
    return root


def _names(reports: list[dict]) -> str:
    return ", ".join(dict.fromkeys(r["source"]["name"] for r in reports))


def contradictions_table(result: dict):
    rows = [[c["basis"], _one(c["a"]["text"]), _names(c["a"]["reports"]), _one(c["b"]["text"]), _names(c["b"]["reports"]),
             _where(c["article"]), c["edge_id"]] for c in result["contradictions"]]
    # a claim denied in its own words: the denier stands on side B of the same text
    rows += [["denial (same words)", _one(side["text"]), _names(side["reports"]), _one(side["text"]),
              "denied by " + _names(side["denials"]),
              _where(side["denials"][0]["article"]), side["denials"][0]["edge_id"]] for side in result["denied"]]
    return table(["basis", "claim A", "A reported by", "claim B", "B reported by", "where", "edge"], rows)


# -- directives ----------------------------------------------------------------------------------
def directives_tree(result: dict) -> Tree:
    head = _n(result["count"], "directive")
    for key in ("issuer", "target"):
        if result[key]:
            head += f", {key} {result[key]['name']}"
    root = Tree(escape(head))
    for d in result["directives"]:
        node = _add(root, f"{', '.join(d['issuers']) or 'unstated issuer'} → {', '.join(d['targets']) or 'no target'}: "
                          f"{_q(d['text'])} ({d['status']})")
        for app in d["appearances"]:
            _add(node, f"{_where(app['article'])}: {_q(app['evidence']['text'])} [{app['evidence']['edge_id']}]")
        for r in d["reported_by"]:
            _add(node, f"reported by {_source(r['source'])}, {_where(r['article'])}: {_sentence(r)} [{r['edge_id']}]")
    return root


def directives_table(result: dict):
    rows = [[", ".join(d["issuers"]), _one(d["text"]), ", ".join(d["targets"]),
             ", ".join(dict.fromkeys(r["source"]["name"] for r in d["reported_by"])),
             ", ".join(dict.fromkeys(a["article"]["outlet"] or "?" for a in d["appearances"])),
             d["first_reported"]] for d in result["directives"]]
    return table(["issuer", "directive", "target", "reported by", "outlets", "first reported"], rows)


# -- actor ---------------------------------------------------------------------------------------
def actor_tree(result: dict) -> Tree:
    a = result["actor"]
    root = Tree(escape(f"{a['name']} ({(a['kind'] or '?').replace('_', ' ')}) [{a['id']}]"))
    facts = [("aliases", ", ".join(a["aliases"])), ("descriptor", a["descriptor"]), ("affiliation", a["affiliation"]),
             ("location", a["location"]), ("part of", ", ".join(a["part_of"])), ("units", ", ".join(a["units"])),
             ("run by", ", ".join(a["run_by"])), ("located in", ", ".join(a["located_in"]))]
    for label, value in facts:
        if value:
            _add(root, f"{label}: {value}")
    if a["published"]:
        _add(root, f"published {_n(a['published'], 'article')}")
    said = _add(root, f"said ({len(result['said'])})")
    for s in result["said"]:
        to = f" (to {s['recipient']['name']})" if s.get("recipient") else ""
        _add(said, f"{_where(s['article'])} {s['item']['label'].lower()}{to}: {_sentence(s)} [{s['edge_id']}]")
    issued = _add(root, f"issued ({len(result['issued'])})")
    for d in result["issued"]:
        targets = ", ".join(t["name"] for t in d["targets"]) or "no target"
        _add(issued, f"{_where(d['article'])} → {targets}: {_q(d['directive']['text'])} [{d['edge_id']}]")
    targeted = _add(root, f"targeted by ({len(result['targeted_by'])})")
    for d in result["targeted_by"]:
        issuers = ", ".join(t["name"] for t in d["issuers"]) or "unstated issuer"
        _add(targeted, f"{_where(d['article'])} ← {issuers}: {_q(d['directive']['text'])} [{d['edge_id']}]")
    if result["told"]:
        told = _add(root, "told")
        for t in result["told"]:
            _add(told, f"{t['name']}: {_n(t['reports'], 'report')}")
    cited = _add(root, f"cited by ({_n(len(result['cited_by']), 'outlet')})")
    for c in result["cited_by"]:
        _add(cited, f"{c['outlet'] or '(no outlet)'}: {_n(c['reports'], 'report')} in {_n(c['articles'], 'article')}")
    return root


def actor_table(result: dict):
    rows = [[s["article"]["published"], s["article"]["outlet"], "denied" if s["cue_lemma"] == "deny" else "said",
             s["cue"] + (f" → {s['recipient']['name']}" if s.get("recipient") else ""), _one(s["item"]["text"]),
             s["edge_id"]] for s in result["said"]]
    rows += [[d["article"]["published"], d["article"]["outlet"], "issued",
              "→ " + ", ".join(t["name"] for t in d["targets"]), _one(d["directive"]["text"]), d["edge_id"]]
             for d in result["issued"]]
    rows += [[d["article"]["published"], d["article"]["outlet"], "targeted by",
              ", ".join(t["name"] for t in d["issuers"]), _one(d["directive"]["text"]), d["edge_id"]]
             for d in result["targeted_by"]]
    a = result["actor"]
    return table(["published", "outlet", "role", "cue / other side", "text", "edge"], rows,
                 title=f"{a['name']} ({(a['kind'] or '?').replace('_', ' ')})")


# -- sources -------------------------------------------------------------------------------------
def _share(x: float | None) -> str:
    return "-" if x is None else f"{x:.1%}"


def sources_tree(result: dict) -> Tree:
    root = Tree(escape(f"{result['outlet']['name']}: {_n(result['reports'], 'report')} in "
                       f"{_n(result['articles'], 'article')}"))
    _add(root, f"named: {_n(result['named_reports'], 'report')} ({_share(result['named_share'])}) "
               f"from {_n(result['named_sources'], 'source')}")
    _add(root, f"anonymous: {_n(result['anonymous_reports'], 'report')} ({_share(result['anonymous_share'])}) "
               f"from {_n(result['anonymous_sources'], 'source')}")
    top = _add(root, "top sources")
    for s in result["top_sources"]:
        node = _add(top, f"{_source(s)}: {_n(s['reports'], 'report')}, {_n(s['articles'], 'article')}")
        _add(node, f"e.g. {_q(s['example']['text'])} [{s['example']['edge_id']}]")
    return root


def sources_table(result: dict):
    rows = [[s["name"], (s["kind"] or "").replace("_", " "), "yes" if s["anonymous"] else "no", s["affiliation"],
             s["location"], s["reports"], s["articles"]] for s in result["top_sources"]]
    title = (f"{result['outlet']['name']}: {_n(result['reports'], 'report')}, named {_share(result['named_share'])}, "
             f"anonymous {_share(result['anonymous_share'])}")
    return table(["source", "kind", "anonymous", "affiliation", "location", "reports", "articles"], rows, title=title)


# -- timeline ------------------------------------------------------------------------------------
def _subject(result: dict) -> str:
    s = result["subject"]
    return f"actor {s['actor']['name']}" if s["kind"] == "actor" else f"topic {_q(s['query'])}"


def _other(e: dict) -> str:
    """Whom the event involves besides its actor: the recipient, the targets, the other claim."""
    c = e["counterpart"]
    if not c:
        return ""
    names = ", ".join(x["name"] for x in c) if isinstance(c, list) else c["name"]
    return {"issued": f"→ {names}", "targeted by": f"issued by {names}", "contradicted": f"vs {_q(names)}"}.get(
        e["event"], f"to {names}")


def timeline_table(result: dict):
    def event(e):
        return f"{e['event']} ({e['cue']})" if e["cue"] and e["cue"] != e["event"] else e["event"]

    by_actor = result["subject"]["kind"] == "actor"  # then the actor is the subject: no column for it
    rows = [[e["date"] or "undated", e["article"]["outlet"], *([] if by_actor else [e["actor"]["name"] if e["actor"] else ""]),
             event(e), _one(e["item"]["text"]), _other(e), e["evidence"]["edge_id"]] for e in result["events"]]
    columns = ["date", "outlet", *([] if by_actor else ["actor"]), "event", "what", "with", "edge"]
    return table(columns, rows, title=f"timeline of {_subject(result)}")


def timeline_tree(result: dict) -> Tree:
    root = Tree(escape(f"timeline of {_subject(result)}: {_n(len(result['events']), 'event')}"))
    days: dict[str, Tree] = {}
    for e in result["events"]:
        day = days.get(e["date"] or "undated") or _add(root, e["date"] or "undated")
        days[e["date"] or "undated"] = day
        who = f"{e['actor']['name']} " if e["actor"] else ""
        other = f" ({_other(e)})" if _other(e) else ""
        node = _add(day, f"{e['article']['outlet'] or '(no outlet)'}: {who}{e['event']} {_q(e['item']['text'])}{other}")
        _add(node, f"{_q(e['evidence']['text'])} [{e['evidence']['edge_id']}]")
    return root


# -- evidence ------------------------------------------------------------------------------------
def evidence_tree(result: dict) -> Tree:
    a = result["article"]
    edge = result["edge"]
    head = (f"{edge['type']} {edge['from']['name']} → {edge['to']['name']} [{edge['id']}]" if edge
            else f"span {result['start']}:{result['stop']}")
    root = Tree(escape(head))
    if edge:
        for key, value in edge["properties"].items():
            if value not in (None, ""):
                _add(root, f"{key}: {value}")
    _add(root, f"in “{a['title'] or a['id']}”, {_where(a)} [{a['id']}] at {result['start']}:{result['stop']}")
    _add(root, f"…{_one(result['before'] + '«' + result['text'] + '»' + result['after'])}…")
    return root


def evidence_table(result: dict):
    edge = result["edge"]
    rows = []
    if edge:
        rows += [["edge", f"{edge['type']} [{edge['id']}]"], ["from", f"{edge['from']['name']} ({edge['from']['label']})"],
                 ["to", f"{edge['to']['name']} ({edge['to']['label']})"]]
        rows += [[k, str(v)] for k, v in edge["properties"].items() if v not in (None, "")]
    a = result["article"]
    rows += [["article", f"{a['title'] or a['id']} [{a['id']}]"], ["outlet", a["outlet"]], ["published", a["published"]],
             ["span", f"{result['start']}:{result['stop']}"], ["before", _one(result["before"])],
             ["text", _one(result["text"])], ["after", _one(result["after"])]]
    return table(["field", "value"], rows)


RENDERERS = {
    "origins": (origins_table, origins_tree),
    "anonymous": (anonymous_table, anonymous_tree),
    "contradictions": (contradictions_table, contradictions_tree),
    "directives": (directives_table, directives_tree),
    "actor": (actor_table, actor_tree),
    "sources": (sources_table, sources_tree),
    "timeline": (timeline_table, timeline_tree),
    "evidence": (evidence_table, evidence_tree),
}


def renderable(name: str, fmt: str, result: dict):
    """The table or tree of command ``name`` for ``result``."""
    as_table, as_tree = RENDERERS[name]
    return as_table(result) if fmt == "table" else as_tree(result)
