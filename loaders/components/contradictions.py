"""provkg_contradictions: statements in the article that cannot both be true.

* reversal — an actor admits what it had denied: "was forced to acknowledge X after denying Y"
  (a = the denial, b = the acknowledgement);
* denial — a deny/reject cue (the attribution's cue_lemma, or our own verb match) whose content
  is paired with the earlier statement it answers (the most word-overlapping earlier sentence);
* figures — a figure (a sentence with a number) disputed by a later "do not trust the figures" /
  "closer to N" statement.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from spacy.language import Language

from provkg.loaders.extraction import Contradiction, Span, state

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "contradictions.yaml"


def _span(toks):
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return Span(toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None


class ContradictionsComponent:
    def __init__(self, nlp, name: str, lexicon: str | None = None):
        self.name = name
        lex = yaml.safe_load(Path(lexicon or LEXICON).read_text(encoding="utf-8"))
        self.admit = set(lex["admit_verbs"])
        self.deny = set(lex["deny_verbs"])
        self.preps = set(lex["reversal_preps"])
        self.figure_nouns = set(lex["figure_nouns"])
        self.distrust = set(lex["distrust"])
        self.stop = set(lex["stopwords"])

    def _words(self, toks):
        return {t.lemma_.lower() for t in toks if t.is_alpha and t.lemma_.lower() not in self.stop and not t.is_stop}

    def __call__(self, doc):
        ext = state(doc)
        out: list[Contradiction] = []

        def add(a, b, basis):
            if a is None or b is None or a.overlaps(b) or ext.is_ignored(a) or ext.is_ignored(b):
                return
            for c in out:
                if (c.a.overlaps(a) and c.b.overlaps(b)) or (c.a.overlaps(b) and c.b.overlaps(a)):
                    return
            out.append(Contradiction(a=a, b=b, basis=basis))

        sents = list(doc.sents)
        denial_toks = set()
        for tok in doc:
            lemma = tok.lemma_.lower()
            # reversal: "acknowledge X after denying Y"
            if lemma in self.admit and tok.pos_ == "VERB":
                for prep in tok.children:
                    if prep.lower_ not in self.preps:
                        continue
                    den = next((t for t in prep.subtree if t.lemma_.lower() in self.deny and t.pos_ == "VERB"), None)
                    if den is None:
                        continue
                    a = _span([t for t in den.subtree])
                    b_toks = [tok] + [t for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp", "prt") for t in c.subtree]
                    add(a, _span(b_toks), "reversal")
                    denial_toks.add(den.i)
            # denial: "X denied that Y" — pair with the earlier statement it answers
            if lemma in self.deny and tok.pos_ == "VERB" and tok.i not in denial_toks:
                rel = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ in ("which", "that")), None)
                if tok.dep_ == "relcl" and rel is not None:
                    # "fears it would amount to amnesty, which the ministry rejects"
                    head = tok.head
                    b = _span([t for t in tok.subtree if t.i >= rel.i])
                    a_toks = [t for t in head.subtree if t.i < tok.left_edge.i]
                    if head.head.dep_ == "prep" or head.dep_ == "pobj":
                        a_toks = [head.head] + a_toks
                    add(_span(a_toks), b, "denial")
                    continue
                comp = [t for c in tok.children if (c.dep_ == "ccomp" or c.dep_ == "dobj" and c.lemma_.lower() in
                        ("claim", "allegation", "report", "accusation", "charge", "suggestion", "statement", "idea",
                         "notion", "account", "story", "assertion", "rumour", "rumor", "figure"))
                        for t in c.subtree]
                if len(comp) < 3:
                    continue
                b = _span(comp)
                words = self._words(comp)
                best, best_score = None, 1
                for s in sents:
                    if s.end_char >= tok.idx:
                        break
                    score = len(words & self._words(s))
                    if score > best_score:
                        best, best_score = s, score
                if best is not None and best_score >= 2:
                    add(_span(list(best)), b, "dispute" if lemma in ("dispute", "contest", "contradict") else "denial")
        # figures: "do not trust the figures" after a sentence with a number
        for i, s in enumerate(sents):
            for tok in s:
                if tok.lemma_.lower() in self.figure_nouns and tok.dep_ in ("dobj", "nsubj", "pobj"):
                    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
                    neg = any(c.dep_ == "neg" for c in verb.children)
                    if verb.lemma_.lower() in self.distrust and (neg or verb.lemma_.lower() in ("doubt", "dispute", "question", "distrust", "challenge")):
                        # the statement: the clause from the distrusting subject on
                        root = verb
                        while root.dep_ in ("conj",):
                            root = root.head
                        clause = [t for t in root.subtree]
                        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
                        start = subj.left_edge.i if subj is not None else verb.i
                        b = _span([t for t in clause if t.i >= start])
                        recent = [p for p in reversed(sents[max(0, i - 4):i]) if any(t.like_num and t.ent_type_ in ("CARDINAL", "QUANTITY", "PERCENT") for t in p)]
                        prev = next((p for p in recent if any(t.lemma_.lower() in self.figure_nouns for t in p)), recent[0] if recent else None)
                        if prev is not None:
                            add(_span(list(prev)), b, "figures")
        ext.contradictions.extend(out)
        return doc


@Language.factory("provkg_contradictions", default_config={"lexicon": None})
def make_contradictions(nlp, name: str, lexicon: str | None = None):
    return ContradictionsComponent(nlp, name, lexicon)
