"""Who issued which directive to whom, who reported it, and when.

A directive is one node per normalised wording, reached through every article that mentions it;
each appearance lists the issuer and targets that article names and the sentence that says so.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> directives(open_store(os.path.join(tempfile.mkdtemp(), "d.lbug")))
{'issuer': None, 'target': None, 'count': 0, 'directives': []}
"""
from __future__ import annotations

from provkg.queries import named
from provkg.queries.common import Articles, actor_ref, find_actor, order_key, reports_of, scoped_ids


def directives(store, issuer: str | None = None, target: str | None = None) -> dict:
    """Directives (optionally only those ``issuer`` issued and/or that bind ``target``), first issued first.

    ``{"issuer", "target", "count", "directives": [{"id", "text", "status", "first_reported",
    "issuers", "targets", "reported_by", "appearances": [{"article", "evidence", "issued_by", "targets"}]}]}``.
    ``issuer``/``target`` are actor names (or ids), resolved like ``provkg actor``.
    """
    filters = {}
    for key, name in (("issuer", issuer), ("target", target)):
        if name:
            actor, match = find_actor(store, name)
            filters[key] = ({**actor_ref(actor["id"], actor["name"], actor["kind"]), "match": match},
                            scoped_ids(store, actor))
    rows = named.run(store, "directives", {"issuer_ids": filters["issuer"][1] if "issuer" in filters else [],
                                           "target_ids": filters["target"][1] if "target" in filters else []}).records()
    articles = Articles(store)
    articles.fetch(r["article_id"] for r in rows)
    rows.sort(key=lambda r: (*order_key(r["published"], r["article_id"], r["start"], r["mention_id"]),
                             r["issuer_id"] or "", r["target_id"] or ""))
    found: dict[str, dict] = {}
    for row in rows:
        d = found.setdefault(row["directive_id"], {"id": row["directive_id"], "text": row["directive"],
                                                   "status": row["status"], "appearances": {}})
        app = d["appearances"].setdefault(row["article_id"], {
            "article": articles.ref(row["article_id"]),
            "evidence": articles.evidence(row["article_id"], row["start"], row["stop"], row["mention_id"]),
            "issued_by": [], "targets": []})
        for role, key, edge in (("issued_by", "issuer", "issued"), ("targets", "target", "target")):
            if row[f"{key}_id"] and row[f"{key}_id"] not in [x["id"] for x in app[role]]:
                app[role].append({**actor_ref(row[f"{key}_id"], row[key], row[f"{key}_kind"]),
                                  "evidence": articles.evidence(row["article_id"], row[f"{edge}_start"],
                                                                row[f"{edge}_stop"], row[f"{edge}_edge_id"])})
    reported = reports_of(store, list(found), articles)
    out = []
    for d in found.values():
        apps = list(d.pop("appearances").values())

        def names(role):
            seen = []
            for app in apps:
                for x in app[role]:
                    if x["name"] not in seen:
                        seen.append(x["name"])
            return seen

        out.append({**d, "first_reported": apps[0]["article"]["published"], "issuers": names("issued_by"),
                    "targets": names("targets"), "reported_by": reported[d["id"]], "appearances": apps})
    return {"issuer": filters["issuer"][0] if "issuer" in filters else None,
            "target": filters["target"][0] if "target" in filters else None,
            "count": len(out), "directives": out}
