"""Entity resolution across the articles of a store.

Named actors resolve by exact normalised name or alias ("the U.S. State Department" and
"State Department" share the key ``state department`` only through an explicit rule below,
never by fuzzy similarity, so look-alikes such as "Korea Institute" and "Korea Institute for
National Unification" stay apart). Anonymous sources are scoped to their article and never
merged. Every decision is returned as a :class:`Decision` so the store can record it.

>>> name_keys("the U.S. State Department", ["State Dept."])
['state department', 'state dept', 'us state department']
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from provkg.loaders.extraction import short_hash

_POSSESSIVE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[^\w\s]")
_LEADING = ("the ", "a ", "an ")
# Country qualifiers that often precede an institution's name without changing its referent.
_QUALIFIERS = ("us ", "u s ", "united states ", "uk ", "british ", "american ")


def normalise(name: str) -> str:
    """Lower-case, accents folded, punctuation and leading articles dropped.

    >>> normalise("The U.S.-based Stimson Center’s")
    'us based stimson center'
    """
    text = _POSSESSIVE.sub("", name.replace("’", "'"))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"(?<=\b\w)\.(?=\w\.)|(?<=\b\w\.\w)\.", "", text)  # U.S. -> US
    text = " ".join(_NON_WORD.sub(" ", text).split())
    while text.startswith(_LEADING):
        text = text.split(" ", 1)[1] if " " in text else ""
    return text


def name_keys(name: str, aliases: list[str] | tuple = ()) -> list[str]:
    """Every key a named actor is known by: its names and aliases, with and without a country qualifier."""
    keys = set()
    for raw in [name, *aliases]:
        key = normalise(raw)
        if not key:
            continue
        keys.add(key)
        for qualifier in _QUALIFIERS:
            if key.startswith(qualifier) and len(key) > len(qualifier) + 3:
                keys.add(key[len(qualifier):])
    return sorted(keys)


def actor_id(name: str) -> str:
    """A readable, stable id for a new named actor."""
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(name)).strip("-")[:48] or "actor"
    return f"actor:{slug}:{short_hash(normalise(name), length=8)}"


@dataclass(frozen=True)
class Decision:
    """One resolution decision: an extracted entity became (or joined) a store actor."""

    entity: str        # local entity id in the extraction
    actor: str         # store actor id
    rule: str          # new | exact-name | alias | acronym | anonymous-scoped
    evidence: str      # the key or reason
    mention: str       # the entity's name in the article


def is_named(entity: dict) -> bool:
    """Only actors with a proper name resolve across articles; unnamed groups ("residents",
    "officials") and anonymous sources belong to their article.

    >>> is_named({"name": "officials", "kind": "group"}), is_named({"name": "Daily NK", "kind": "media"})
    (False, True)
    """
    return (not entity.get("anonymous") and entity["kind"] not in ("group", "place")
            and any(ch.isupper() for ch in entity["name"]))


def resolve(entities: list[dict], article_id: str, lookup) -> list[Decision]:
    """Map each extracted entity to a store actor id.

    ``lookup(keys) -> {key: actor_id}`` answers from the store's name index.
    """
    named = [e for e in entities if is_named(e)]
    known = lookup(sorted({k for e in named for k in name_keys(e["name"], e.get("aliases", []))})) if named else {}
    decisions = []
    for e in entities:
        if e["kind"] == "place":
            continue
        if e.get("anonymous"):
            decisions.append(Decision(e["id"], f"anon:{article_id}:{e['id']}", "anonymous-scoped",
                                      "anonymous sources are never merged across articles", e["name"]))
            continue
        if not is_named(e):
            decisions.append(Decision(e["id"], f"local:{article_id}:{e['id']}", "article-scoped",
                                      "unnamed actors are not merged across articles", e["name"]))
            continue
        own = normalise(e["name"])
        keys = name_keys(e["name"], e.get("aliases", []))
        hit = next(((k, known[k]) for k in [own, *keys] if k in known), None)
        if hit is None:
            decisions.append(Decision(e["id"], actor_id(e["name"]), "new", own, e["name"]))
        else:
            rule = "exact-name" if hit[0] == own else "alias"
            decisions.append(Decision(e["id"], hit[1], rule, f"name key {hit[0]!r}", e["name"]))
    return decisions
