"""provkg_contradictions: statements in the article that cannot both be true.

General rules, all on the dependency parse (never on names):

* reversal — an actor admits what it had denied: "was forced to acknowledge X after denying Y"
  (a = the denial, b = the acknowledgement);
* denial — a deny/reject verb whose complement is paired with the earlier statement it answers
  (the most word-overlapping earlier sentence); "X, which the ministry rejects"; "KCNA denied the
  report" with the statement another speaker reported just before;
* denial block — "the Church denied these allegations:" followed by the rebuttal: each negated
  statement and each further assertion of the denier ("They also claimed ...") is paired with the
  claim it answers (shared predicate or noun), else with the first claim of another source;
* polarity — a negated statement ("they have not received the materials", "it's neither classified
  nor secret") opposed to an earlier positive statement with the same (or converse) predicate;
* falsity — "the claims made about him in the article were lies", "under the absurd pretext that
  X": the disputed assertion is paired with the sentence it refers to (word overlap);
* competing characterisations — "which A describes as X, but critics charge is Y";
* figures — "do not trust the figures" / "that number is closer to N" after a sentence with a number.
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import yaml
from spacy.language import Language

from provkg.loaders.extraction import Contradiction, Span, doc_text, state

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "contradictions.yaml"
_NUM_ENTS = ("CARDINAL", "QUANTITY", "PERCENT", "MONEY")
_CLAUSE_DEPS = ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "parataxis", "acl")


def _span(toks):
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ in ("cc", "mark")):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ in ("cc", "mark")):
        toks.pop(0)
    return Span(toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None


def _is_neg(head) -> bool:
    for c in head.children:
        if c.dep_ == "neg" or c.lower_ in ("never", "neither", "nor"):
            return True
        if c.dep_ in ("acomp", "attr", "dobj", "nsubj", "nsubjpass"):
            if any(g.dep_ == "preconj" and g.lower_ == "neither" or g.dep_ == "det" and g.lower_ in ("no", "neither")
                   for g in c.children):
                return True
    return False


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
        self.claim_nouns = set(lex["claim_nouns"])
        self.falsity = set(lex["falsity"])
        self.assert_verbs = set(lex["assert_verbs"])
        self.describe = set(lex["describe_verbs"])
        self.contrast = set(lex["contrast"])
        self.generic = set(lex["generic_predicates"])
        self.converse: dict[str, set[str]] = {}
        for a, b in lex["converses"]:
            self.converse.setdefault(a, set()).add(b)
            self.converse.setdefault(b, set()).add(a)

    # ----------------------------------------------------------------- helpers
    def _words(self, toks):
        return {t.lemma_.lower() for t in toks if t.is_alpha and t.lemma_.lower() not in self.stop and not t.is_stop}

    def _content(self, toks):
        """(lemma, class) pairs of the nouns and verbs: 'fire' the verb is not 'fire' the noun."""
        out = set()
        for t in toks:
            if not t.is_alpha or t.is_stop or t.lemma_.lower() in self.stop:
                continue
            cls = "N" if t.pos_ in ("NOUN", "PROPN") else "V" if t.pos_ == "VERB" else "A" if t.pos_ == "ADJ" else None
            if cls:
                out.add((t.lemma_.lower(), cls))
        return out

    @staticmethod
    def _clause(head, keep_conj=False):
        """The clause of a predicate: its subtree without coordinated clauses and attribution asides."""
        drop = set()
        for c in head.children:
            if (not keep_conj and c.dep_ in ("conj", "cc") and c.i > head.i) or c.lower_ == "according" \
                    or (c.dep_ == "prep" and c.lower_ == "according"):
                drop |= {t.i for t in c.subtree}
            if c.dep_ == "punct" and c.i > head.i and c.text in (",", ";", ":") and \
                    any(x.dep_ in ("conj", "cc") and x.i > c.i for x in head.children):
                drop.add(c.i)
        return [t for t in head.subtree if t.i not in drop]

    def _preds(self, head):
        """The predicate lemmas of a clause: the verb, or what a copula/light verb says of its subject."""
        out = set()
        lem = head.lemma_.lower()

        def cls(t):
            return "V" if t.pos_ == "VERB" else "A" if t.pos_ == "ADJ" else "N"

        if head.pos_ == "VERB" and lem not in self.generic:
            out.add((lem, "V"))
        for c in head.children:
            if c.dep_ in ("acomp", "attr", "oprd") and c.is_alpha and c.lemma_.lower() not in self.generic:
                out.add((c.lemma_.lower(), cls(c)))
                out |= {(g.lemma_.lower(), cls(g)) for g in c.children if g.dep_ == "conj" and g.is_alpha}
            if c.dep_ == "dobj" and head.lemma_.lower() in self.generic and c.pos_ == "NOUN" \
                    and c.lemma_.lower() not in self.generic:
                out.add((c.lemma_.lower(), "N"))
        return out

    # --------------------------------------------------------------------- run
    def __call__(self, doc):
        ext = state(doc)
        out: list[Contradiction] = []
        text = doc_text(doc)

        def add(a, b, basis):
            if a is None or b is None or a.overlaps(b) or ext.is_ignored(a) or ext.is_ignored(b):
                return False
            for c in out:
                if (c.a.overlaps(a) and c.b.overlaps(b)) or (c.a.overlaps(b) and c.b.overlaps(a)):
                    return False
            out.append(Contradiction(a=a, b=b, basis=basis))
            return True

        toks = list(doc)  # one pass of Token objects, shared by every rule below
        bounds = [t.i for t in toks if t.is_sent_start or t.i == 0] + [len(toks)]
        sents = [doc[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
        sent_of = [0] * len(doc)
        for k, s in enumerate(sents):
            sent_of[s.start:s.end] = [k] * (s.end - s.start)
        lemmas = [t.lemma_.lower() for t in toks]

        sent_content = [None] * len(sents)

        def best_sentence(words, exclude_k, before=None, verbs=(), forms=()):
            """The sentence sharing most content with `words` (verbs count double, exact forms break ties)."""
            best, best_score = None, 0.0
            for k, s in enumerate(sents):
                if k == exclude_k or (before is not None and s.end_char > before):
                    continue
                if ext.is_ignored(Span(s.start_char, s.end_char)):
                    continue
                cs = sent_content[k]
                if cs is None:
                    cs = sent_content[k] = self._content(s)
                shared = words & cs
                if not shared:
                    continue
                score = len(shared) + sum(1 for w in shared if w[1] == "V" and w[0] in verbs)
                score += 0.5 * sum(1 for t in s if t.lower_ in forms)
                score -= abs(k - exclude_k) * 0.01
                if score > best_score:
                    best, best_score = s, score
            return best, best_score

        def clause_in(sent, key_lemmas):
            """The clause in `sent` whose predicate carries one of `key_lemmas` (else the sentence)."""
            for t in sent:
                if t.lemma_.lower() in key_lemmas and t.pos_ == "VERB":
                    return _span(self._clause(t))
            return _span(list(sent))

        # ------------------------------------------------ reversal and direct denials
        denial_toks = set()
        cue_words = self.admit | self.deny
        for tok in toks:
            lemma = lemmas[tok.i]
            if lemma not in cue_words:
                continue
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
            if lemma in self.deny and tok.pos_ == "VERB" and tok.i not in denial_toks:
                rel = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ in ("which", "that")), None)
                if tok.dep_ == "relcl" and rel is not None:
                    # "over fears it would amount to amnesty, which the ministry rejects"
                    head = tok.head
                    b = _span([t for t in tok.subtree if t.i >= rel.i])
                    anchor = head
                    while anchor.dep_ != "ROOT" and anchor.head is not anchor and not (
                            anchor.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children)):
                        anchor = anchor.head
                    a_toks = [t for t in anchor.subtree if t.i < tok.left_edge.i]
                    if anchor.dep_ in ("acl", "ccomp") and anchor.head.pos_ == "NOUN":
                        noun = anchor.head
                        a_toks = [t for t in noun.subtree if t.i < tok.left_edge.i]
                        if noun.dep_ == "pobj":
                            a_toks = [noun.head] + a_toks
                    add(_span(a_toks), b, "denial")
                    denial_toks.add(tok.i)
                    continue
                said = self._statement_named_again(ext, text, tok, sents, sent_of)
                if said is not None:
                    # "KCNA denied the report", "the spokesman rejected that claim": the statement reported just
                    # before, against the denial with its subject ("denied the report" alone would be the same
                    # claim in every article)
                    if add(said, _span([tok] + [t for c in tok.children if c.dep_ in ("nsubj", "dobj", "xcomp", "ccomp",
                                                                                      "neg", "aux")
                                                for t in c.subtree]), "denial"):
                        denial_toks.add(tok.i)
                    continue
                comp = [t for c in tok.children if (c.dep_ == "ccomp" or c.dep_ == "dobj" and c.lemma_.lower() in
                        self.claim_nouns and c.lemma_.lower() not in ("claims", "allegations", "charges")
                        and not any(g.lower_ in ("these", "those", "the", "such") for g in c.children))
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
                    if add(_span(list(best)), b, "dispute" if lemma in ("dispute", "contest", "contradict") else "denial"):
                        denial_toks.add(tok.i)

        # ------------------------------------------------ statements: clauses with polarity
        attr_spans = [a.content for a in ext.attributions if a.content is not None]
        quoted = set()
        starts = [s.start_char for s in sents]
        ends = [s.end_char for s in sents]
        for sp in attr_spans:  # every sentence an attribution's content overlaps
            k = max(0, bisect_right(starts, sp.start) - 1)
            while k < len(sents) and starts[k] < sp.end:
                if ends[k] > sp.start:
                    quoted.add(k)
                k += 1
        for k, s in enumerate(sents):
            if k not in quoted:
                st = text[starts[k]:ends[k]]
                if '"' in st or "“" in st or "”" in st:
                    quoted.add(k)
        # denial blocks: "X denied these allegations:" + the rest of the paragraph (or the next one)
        block: dict[int, tuple[int, object]] = {}  # sentence index -> (deny sentence index, deny token)
        for tok in toks:
            if lemmas[tok.i] not in self.deny or tok.pos_ != "VERB" or tok.i in denial_toks:
                continue
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is None or obj.lemma_.lower() not in self.claim_nouns and obj.lower_ not in self.claim_nouns:
                continue
            if any(c.dep_ == "ccomp" for c in tok.children):
                continue
            k0 = sent_of[tok.i]
            colon = any(t.text == ":" and t.i > tok.i for t in sents[k0])
            k = k0 + 1
            while k < len(sents) and k - k0 <= 5:
                gap = text[sents[k - 1].end_char:sents[k].start_char] + text[sents[k].start_char:sents[k].start_char]
                sep = text[sents[k - 1].start_char:sents[k].start_char]
                if "\n" in sep.rstrip(" \t")[-3:] or "\n\n" in sep:
                    if not (colon and k == k0 + 1):
                        break
                if not sents[k].text.strip():
                    k += 1
                    continue
                block[k] = (k0, tok)
                k += 1

        # Clause lists are only needed when a quoted sentence (or a denial block) holds a negation:
        # the polarity rules pair such a negated clause with an earlier positive one.
        need_clauses = bool(block)
        if not need_clauses and quoted:
            for tok in toks:
                if (tok.dep_ == "neg" or tok.lower_ in ("never", "neither", "nor", "no")) and sent_of[tok.i] in quoted:
                    need_clauses = True
                    break
        clauses = []  # (sent index, head token, negated, preds, content)
        content_cache: dict[int, set] = {}

        class _Lazy:
            """A clause's content words, computed on first use."""
            __slots__ = ("tok",)

            def __init__(self, tok):
                self.tok = tok

        for tok in (toks if need_clauses else ()):
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in _CLAUSE_DEPS:
                continue
            if tok.dep_ != "ROOT" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
                continue
            if ext.is_ignored(Span(tok.idx, tok.idx + len(tok))):
                continue
            clauses.append((sent_of[tok.i], tok, _is_neg(tok), self._preds(tok), _Lazy(tok)))

        def content_of(lazy):
            c = content_cache.get(lazy.tok.i)
            if c is None:
                c = content_cache[lazy.tok.i] = self._content(self._clause(lazy.tok))
            return c

        def expand(preds):
            out = set(preds)
            for lem, c in preds:
                out |= {(x, c) for x in self.converse.get(lem, set())}
            return out

        def hits(keys, ha, pa, ca):
            """B's predicate in A: verbs anywhere in A's clause, nouns/adjectives as A's predicate
            (adjectives also anywhere in a copular definition: "X are ... of classified documents")."""
            for lem, c in keys:
                if c == "V" and (lem, "V") in ca:
                    return True
                if (lem, c) in pa:
                    return True
                if c == "A" and ha.lemma_.lower() == "be" and (lem, "A") in ca | {(w, "A") for w, k in ca if k == "V"}:
                    return True
            return False

        def conditional(h):
            for t in [h, *h.ancestors]:
                if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
                    return True
                if t.dep_ == "ROOT":
                    break
            return False

        cands = []
        for kb, hb, negb, pb, cb in clauses:
            if not negb or not pb or (kb not in quoted and kb not in block):
                continue
            if hb.dep_ not in ("ROOT", "ccomp", "conj", "parataxis") or conditional(hb):
                continue
            keys = expand(pb)
            for ka, ha, nega, pa, ca in clauses:
                if ka >= kb or nega or kb - ka > 40:
                    continue
                ca = content_of(ca)
                if not hits(keys, ha, pa, ca):
                    continue
                shared = len(content_of(cb) & ca)
                if kb in block and shared <= 1:
                    continue  # a bare "was not forced" in a rebuttal answers the main allegation (below)
                score = 3 + shared + (1 if keys & pa else 0) - (kb - ka) * 0.01
                cands.append((score, ka, ha, kb, hb))
        cands.sort(key=lambda c: -c[0])
        used_a, used_b = set(), set()
        for score, ka, ha, kb, hb in cands:
            if hb.i in used_b:
                continue
            a = _span(self._clause(ha))
            b = _span(self._clause(hb))
            if add(a, b, "denial" if kb in block else "dispute"):
                used_a.add(ha.i)
                used_b.add(hb.i)

        # the rest of a denial block: negations and further assertions of the denier
        if block:
            for kb, hb, negb, pb, cb in clauses:
                if kb not in block or hb.i in used_b:
                    continue
                k0, dtok = block[kb]
                main = self._main_claim(ext, dtok)
                if negb and hb.dep_ in ("ROOT",) and main is not None:
                    if add(main, _span(self._clause(hb)), "denial"):
                        used_b.add(hb.i)
                    continue
                if hb.lemma_.lower() in self.assert_verbs and hb.pos_ == "VERB":
                    comp = next((c for c in hb.children if c.dep_ == "ccomp"), None)
                    if comp is None:
                        continue
                    ctoks = self._clause(comp)
                    nouns = {w for w in self._content(ctoks) if w[1] == "N"}
                    nouns = {w for w in nouns if not any(t.lemma_.lower() == w[0] and t.pos_ == "PROPN" for t in ctoks)}
                    target = None
                    for att in ext.attributions:
                        if att.content is None or att.content.start >= dtok.idx or att.source_entity is None:
                            continue
                        cspan = doc.char_span(att.content.start, att.content.end, alignment_mode="expand")
                        if cspan is None:
                            continue
                        for t in cspan:
                            if (t.lemma_.lower(), "N") in nouns and t.pos_ == "NOUN":
                                head = t
                                while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                                    head = head.head
                                target = _span(self._clause(head))
                                break
                        if target is not None:
                            break
                    if target is None:
                        target = main
                    if target is not None:
                        add(target, _span(ctoks), "dispute")

        # ------------------------------------------------ falsity: "the claims ... were lies", "absurd pretext that"
        for tok in toks:
            low, lem = tok.lower_, lemmas[tok.i]
            if low not in self.falsity and lem not in self.falsity:
                continue
            k = sent_of[tok.i]
            if tok.dep_ == "amod" and tok.head.lemma_.lower() in self.claim_nouns:
                noun = tok.head
                comp = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
                if comp is None and noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "VERB"):
                    comp = next((c for c in noun.head.head.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i), None)
                if comp is None:
                    continue
                start = noun.head if noun.dep_ == "pobj" else noun.left_edge
                end = max(t.i for t in comp.subtree)
                b = _span(list(doc[start.i:end + 1]))
                ctoks = self._clause(comp)
                words = self._content(ctoks)
                verbs = {w for w, c in words if c == "V"}
                best, score = best_sentence(words, k, verbs=verbs, forms={comp.lower_})
                if best is not None and score >= 1.5:
                    add(clause_in(best, verbs), b, "dispute")
            elif tok.dep_ in ("attr", "acomp") and tok.head.lemma_.lower() == "be":
                claim = None
                for t in doc[max(sents[k].start, tok.i - 15):tok.i]:
                    if t.lemma_.lower() in self.claim_nouns and t.pos_ == "NOUN":
                        claim = t
                        break
                if claim is None:
                    continue
                b = _span(list(doc[claim.left_edge.i:tok.i + 1]))
                words = self._content(doc[claim.i + 1:tok.i])
                best, score = best_sentence(words, k, before=claim.idx)
                if best is not None and score >= 1.5:
                    add(_span(list(best)), b, "dispute")

        # ------------------------------------------------ competing characterisations
        for tok in toks:
            if lemmas[tok.i] not in self.describe or tok.pos_ != "VERB":
                continue
            as_ = next((c for c in tok.children if c.lower_ == "as" and c.dep_ == "prep"), None)
            if as_ is None:
                continue
            pobj = next((c for c in as_.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            a = _span(list(pobj.subtree))
            sent = sents[sent_of[tok.i]]
            j = pobj.right_edge.i + 1
            while j < sent.end and doc[j].is_punct:
                j += 1
            if j >= sent.end or doc[j].lower_ not in self.contrast:
                continue
            cue = next((t for t in doc[j + 1:min(sent.end, j + 6)] if t.lemma_.lower() in self.assert_verbs | self.describe), None)
            if cue is None:
                continue
            m = cue.i + 1
            while m < sent.end and doc[m].lower_ in ("is", "was", "are", "were", "it", "that", "as", "to", "be"):
                m += 1
            add(a, _span(list(doc[m:sent.end])), "dispute")

        # ------------------------------------------------ figures
        for i, s in enumerate(sents):
            for j in range(s.start, s.end):
                lem = lemmas[j]
                if lem not in self.figure_nouns:
                    continue
                tok = toks[j]
                if tok.dep_ in ("dobj", "nsubj", "pobj"):
                    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
                    neg = any(c.dep_ == "neg" for c in verb.children)
                    if verb.lemma_.lower() in self.distrust and (neg or verb.lemma_.lower() in ("doubt", "dispute", "question", "distrust", "challenge")):
                        root = verb
                        while root.dep_ in ("conj",):
                            root = root.head
                        clause = [t for t in root.subtree]
                        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
                        start = subj.left_edge.i if subj is not None else verb.i
                        b = _span([t for t in clause if t.i >= start])
                        recent = [p for p in reversed(sents[max(0, i - 4):i]) if any(t.like_num and t.ent_type_ in _NUM_ENTS for t in p)]
                        prev = next((p for p in recent if any(t.lemma_.lower() in self.figure_nouns for t in p)), recent[0] if recent else None)
                        if prev is not None:
                            add(_span(list(prev)), b, "figures")
                        continue
                # "that number is closer to 40,000": an anaphoric figure given a different value
                if tok.dep_ in ("nsubj", "nsubjpass") and tok.i > 0 and doc[tok.i - 1].lower_ in ("that", "this"):
                    head = tok.head
                    nums = [t for t in head.subtree if t.like_num and t.ent_type_ not in ("DATE", "TIME", "ORDINAL")]
                    if not nums:
                        continue
                    b = _span(self._clause(head))
                    for p in reversed(sents[max(0, i - 3):i]):
                        pn = [t for t in p if t.like_num and t.ent_type_ not in ("DATE", "TIME", "ORDINAL")]
                        if pn:
                            h = pn[0]
                            while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
                                h = h.head
                            add(_span(self._clause(h)), b, "figures")
                            break
        ext.contradictions.extend(out)
        return doc

    def _statement_named_again(self, ext, text, tok, sents, sent_of) -> Span | None:
        """The content of the statement a denial names again only by a noun ("denied the report", "rejected that
        claim"): the latest statement of four words or more reported in the one or two sentences before, by
        another speaker. Not "denied these allegations:", whose rebuttal follows (a denial block). A denied act or
        thing named again ("denied giving any such order", "denied that such camps exist") answers the statement
        that names it ("police had ordered stewards to ...")."""
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        act = None
        if obj is None:
            gerund = next((c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
            obj = act = next((c for c in gerund.children if c.dep_ == "dobj"), None) if gerund is not None else None
        if obj is None:
            # "denied that such camps exist": the thing named again in the denied clause
            clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            obj = act = next((t for t in clause.subtree if t.pos_ == "NOUN" and
                              any(d.lower_ == "such" for d in t.children)), None) if clause is not None else None
        if obj is None or any(c.dep_ in ("acl", "relcl", "prep", "ccomp") for c in obj.children) or \
                act is None and obj.lemma_.lower() not in self.claim_nouns or \
                not any(d.lower_ in (("such",) if act is not None else ("the", "that", "this")) for d in obj.children):
            return None
        sent = sents[sent_of[tok.i]]
        if any(t.text == ":" for t in sent if t.i > tok.i):
            return None
        k = sent_of[tok.i]
        denier = next((a.source_entity for a in ext.attributions if a.cue.start <= tok.idx < a.cue.end), None)
        doc = tok.doc
        earlier = []
        for a in ext.attributions:
            if a.content is None or a.content.end > sent.start_char or \
                    len(text[a.content.start:a.content.end].split()) < 4 or \
                    denier is not None and a.source_entity == denier:
                continue
            said = doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
            if k - 2 <= sent_of[said.start] < k and (act is None or act.lemma_.lower() in {t.lemma_.lower() for t in said}):
                earlier.append(a)
        return max(earlier, key=lambda a: a.content.end).content if earlier else None

    @staticmethod
    def _main_claim(ext, dtok):
        """The first claim of another source before a denial: what "these allegations" answers."""
        denier = None
        for att in ext.attributions:
            if att.cue is not None and att.cue.start <= dtok.idx < att.cue.end:
                denier = att.source_entity
        for att in sorted(ext.attributions, key=lambda a: a.content.start if a.content else 0):
            if att.content is None or att.content.start >= dtok.idx or att.source_entity is None:
                continue
            if att.source_entity == denier:
                continue
            return att.content
        return None


@Language.factory("provkg_contradictions", default_config={"lexicon": None})
def make_contradictions(nlp, name: str, lexicon: str | None = None):
    return ContradictionsComponent(nlp, name, lexicon)
