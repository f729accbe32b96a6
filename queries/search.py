"""Text search over claims and directives: ranked, tolerant of paraphrase and typos, no server.

Scores combine rapidfuzz's token-set ratio (word overlap, order-free) with partial ratio
(typo-tolerant substring match), so a half-remembered phrase finds its claim.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils


@dataclass(frozen=True)
class Hit:
    id: str
    label: str
    text: str
    score: float


def _scorer(query, choice, **kwargs):
    return 0.6 * fuzz.token_set_ratio(query, choice, **kwargs) + 0.4 * fuzz.partial_ratio(query, choice, **kwargs)


def search_claims(store, text: str, limit: int = 5, min_score: float = 55.0, labels=("Claim", "Directive")) -> list[Hit]:
    """The claims (and directives) whose words best match ``text``, best first.

    >>> import tempfile, os
    >>> from provkg.graph.store import open_store
    >>> search_claims(open_store(os.path.join(tempfile.mkdtemp(), "s.lbug")), "anything")
    []
    """
    candidates = []
    for label in labels:
        candidates += [(label, cid, ctext) for cid, ctext in
                       store.query(f"MATCH (c:{label}) RETURN c.id, c.text").rows if ctext]
    if not candidates:
        return []
    matches = process.extract(text, [c[2] for c in candidates], scorer=_scorer, processor=utils.default_process,
                              limit=limit, score_cutoff=min_score)
    return [Hit(candidates[i][1], candidates[i][0], candidates[i][2], round(score, 1)) for _, score, i in matches]
