"""provkg_directives: orders, requirements, bans, sanctions and calls to act, with issuer,
targets, the verbatim content of what is required, the attribution that carries it, the cue and
a status.

Dependency patterns (cue words from the lexicon, never names):

* active order verb + object + to-infinitive: "ordered police to stop" (issuer = subject);
* passive order: "police are being told to be nicer", "each department is required to give ..."
  (target = passive subject, issuer = by-agent or none);
* call verbs: "the directive calls for departments to strengthen ..." / "called for restraint";
* measures: "banned X from Y", "imposed sanctions on X", "were prohibited from ...";
* ordered acts: "ordered the seizure of two apartments", "ordered an inquiry into the leak";
* modal obligation on a third party: "the form must be completed in English".

A directive-noun subject ("the directive", "the plan") is not an issuer; "the government issued
directives telling police to ..." climbs to the issuing verb's subject. First-person statements
of intent ("we will consider") are not directives.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from spacy.language import Language

from provkg.loaders.extraction import Directive, Span, doc_text, state

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "directives.yaml"
_SUBJ = ("nsubj", "nsubjpass", "csubj")


class DirectivesComponent:
    def __init__(self, nlp, name: str, lexicon: str | None = None):
        self.name = name
        lex = yaml.safe_load(Path(lexicon or LEXICON).read_text(encoding="utf-8"))
        self.order = set(lex["order_verbs"])
        self.measure = set(lex["measure_verbs"])
        self.call = set(lex["call_verbs"])
        self.nouns = set(lex["directive_nouns"])
        self.modals = [m.split() for m in lex["modals"]]
        self.status = {k: set(v or []) for k, v in lex["status"].items()}
        self.first_person = set(lex["first_person"])
        self.circumstance_verbs = set(lex.get("circumstance_verbs", []))
        self.yield_verbs = set(lex.get("yield_verbs", []))
        self.mandate_adjs = set(lex.get("mandate_adjs", []))
        self.that_verbs = set(lex.get("that_verbs", []))
        self.that_nouns = set(lex.get("that_nouns", []))
        self.that_modals = set(lex.get("that_modals", []))
        self.request_nouns = set(lex.get("request_nouns", []))
        self.ban_nouns = set(lex.get("ban_nouns", []))
        self.tax_verbs = set(lex.get("tax_verbs", []))
        self.tax_nouns = set(lex.get("tax_nouns", []))
        self.nominal_order_verbs = set(lex.get("nominal_order_verbs", []))
        self.action_nouns = set(lex.get("action_nouns", []))
        self.action_suffixes = tuple(lex.get("action_noun_suffixes", []))
        # every lemma / word form that some rule below starts from (a new rule adds its trigger words
        # here): other tokens are skipped before the costly look-ups (Token.sent, children)
        self.cue_lemmas = self.order | self.call | self.measure | self.nouns | self.that_verbs | self.that_nouns | \
            self.ban_nouns | self.tax_nouns | self.tax_verbs | {"require", "mandate"}
        self.cue_forms = self.mandate_adjs | self.that_nouns | self.request_nouns | self.ban_nouns | {"must"}

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _span(toks) -> Span:
        toks = sorted(toks, key=lambda t: t.i)
        while toks and (toks[-1].is_punct or toks[-1].dep_ in ("cc",)):
            toks.pop()
        while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark")):
            toks.pop(0)
        if not toks:
            return None
        return Span(toks[0].idx, toks[-1].idx + len(toks[-1]))

    @staticmethod
    def _subtree(tok, stop=()):
        """Contiguous subtree of tok, leaving out trailing clauses joined by stop deps."""
        out = []
        for t in tok.subtree:
            out.append(t)
        if stop:
            cut = [c for c in tok.children if c.dep_ in stop and c.i > tok.i]
            if cut:
                first = min(c.left_edge.i for c in cut)
                out = [t for t in out if t.i < first]
        return out

    def _entity_at(self, ext, tok):
        """The actor whose mention covers tok (or the head noun of tok's phrase)."""
        if tok is None:
            return None
        start, end = tok.idx, tok.idx + len(tok)
        best = None
        for ent in ext.entities:
            if ent.kind == "place":
                continue
            for m in ent.mentions:
                if m.start <= start and end <= m.end:
                    if best is None or (m.end - m.start) < best[0]:
                        best = (m.end - m.start, ent.id)
        if best:
            return best[1]
        for att in ext.attributions:  # "he"/"the source": the attribution's resolved source
            if att.source and att.source.start <= start and end <= att.source.end and att.source_entity:
                return att.source_entity
        return None

    def _addressees(self, ext, toks) -> list[str] | None:
        """The actors among the named addressees ``toks``; None when they name no actor ("fishing crews"), so
        that no other body in the order is taken for its addressee."""
        return self._entities_in(ext, toks) or None

    def _entities_in(self, ext, toks):
        ids = []
        for t in toks:
            if t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ not in ("compound", "amod", "poss"):
                e = self._entity_at(ext, t)
                if e and e not in ids:
                    ids.append(e)
        if not ids:
            for t in toks:
                e = self._entity_at(ext, t)
                if e and e not in ids:
                    ids.append(e)
        return ids

    def _issuer(self, ext, verb):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
        own = any(c.dep_ in ("nsubjpass", "csubj", "expl") for c in verb.children)
        if subj is None and not own and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ in ("acl", "relcl", "advcl") and verb.head.lemma_.lower() in self.nouns:
            # "the request of the municipality asking schools to ...": the noun's "of" owner;
            # "issued directives telling police ...": the subject of the verb that issued the noun
            noun = verb.head
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if owner is not None and self._entity_at(ext, owner):
                return self._entity_at(ext, owner), owner
            gov = noun.head
            subj = next((c for c in gov.children if c.dep_ == "nsubj"), None) if gov.pos_ in ("VERB", "AUX") else None
        if subj is None:
            agent = next((c for c in verb.subtree if c.dep_ == "agent"), None)
            if agent is None and any(c.dep_ == "auxpass" for c in verb.children):
                agent = next((c for c in verb.subtree if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i), None)
            if agent is not None:
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subj is None:
            return None, None
        if subj.lower_ in ("it", "they") and self._entity_at(ext, subj) is None:
            return self._antecedent(ext, subj), subj
        if subj.lemma_.lower() in self.nouns or subj.lower_ in ("it", "this", "that", "which"):
            return None, subj
        return self._entity_at(ext, subj) or self._set_off_name(ext, subj), subj

    @staticmethod
    def _ordered_act(xcomp) -> list:
        """The tokens of an ordered act without the subordinate clauses after it: "to remove the syrup[, after
        tests found ...]", "to be nicer [as unrest grows]" (a participle stays: "to sign, agreeing to ...")."""
        cut = [c.left_edge.i for c in xcomp.children if c.dep_ == "advcl" and c.i > xcomp.i and
               any(m.dep_ == "mark" for m in c.children)]
        return [t for t in xcomp.subtree if not cut or t.i < min(cut)]

    def _set_off_name(self, ext, subj):
        """The person a title subject names between commas: "The governor of Tarvo, Maria Lund, ordered ..."
        (the parser may join the name to the place rather than to the title)."""
        doc = subj.doc
        lo, hi = subj.left_edge.i, subj.right_edge.i + 1
        name = next((e for e in doc.ents if e.label_ == "PERSON" and lo < e.start and e.end <= hi and
                     doc[e.start - 1].text == "," and all(t.is_punct for t in doc[e.end:hi])), None)
        return self._entity_at(ext, name.root) if name is not None else None

    def _action_noun(self, noun) -> bool:
        """Does ``noun`` name an act ("the seizure", "an inquiry", "the release of ..."), not a thing one
        orders to buy ("50 jets")?"""
        low = noun.lemma_.lower()
        return noun.pos_ == "NOUN" and not noun.ent_type_ and (low in self.action_nouns or
                                                               low.endswith(self.action_suffixes))

    _AUTHORITY = ("government", "security", "organization")

    def _antecedent(self, ext, pron):
        """"It ordered ...": the subject entity of the previous sentence (or an earlier clause of this
        one), when that is an institution that can issue orders."""
        doc = pron.doc
        sent = pron.sent
        cands = [t for t in sent if t.i < pron.i and t.dep_ in ("nsubj", "nsubjpass")]
        if not cands and sent.start > 0:
            prev = doc[sent.start - 1].sent
            cands = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass")]
            roots = [t for t in cands if t.head.dep_ == "ROOT"]
            cands = roots + [t for t in cands if t not in roots]
        else:
            cands = list(reversed(cands))
        for t in cands:
            eid = self._entity_at(ext, t)
            ent = ext.entity(eid) if eid else None
            if ent is not None and ent.kind in self._AUTHORITY and (pron.lower_ == "it") == (not t.tag_.endswith("S")):
                return eid
        return None

    # ------------------------------------------------ mandative clauses, bans, levies
    def _mandative(self, clause) -> bool:
        """A subjunctive or modal clause with its own subject: "(that) all salt be iodised",
        "(that) every country should iodise ...", "(for) all salt to be iodised"."""
        if clause.pos_ not in ("VERB", "AUX"):
            return False
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return False
        auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i]
        if any(a.lower_ in self.that_modals for a in auxes):
            return True
        if any(a.tag_ in ("VBZ", "VBP", "VBD", "MD") for a in auxes):
            return False
        if any(a.lower_ == "to" for a in auxes):
            return any(c.lower_ == "for" and c.dep_ == "mark" for c in clause.children) or \
                clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].lower_ == "for"
        return clause.tag_ == "VB" or bool(auxes) and auxes[0].tag_ == "VB"

    def _clause_span(self, clause):
        toks = list(clause.subtree)
        while toks and toks[0].lower_ in ("that", "for") and toks[0].dep_ in ("mark", "dobj", "nsubj", "prep"):
            toks.pop(0)
        return self._span(toks)

    def _poss_issuer(self, ext, noun):
        """Who owns a directive noun: "President X's travel ban", "a WHO recommendation", "his calls"."""
        for c in noun.children:
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
                e = self._entity_at(ext, c)
                if e:
                    return e
                if c.dep_ == "poss" and c.lower_ in ("his", "her", "their", "its"):
                    return self._pron_owner(ext, c)
        gov = noun.head
        if noun.dep_ == "dobj" and gov.pos_ == "VERB" and gov.lemma_.lower() in ("issue", "impose", "introduce",
                                                                                 "announce", "enact", "declare",
                                                                                 "order", "make", "levy", "put"):
            s = next((c for c in gov.children if c.dep_ == "nsubj"), None)
            if s is not None and s.lower_ not in self.first_person:
                return self._entity_at(ext, s)
        return None

    def _pron_owner(self, ext, pron):
        """"his"/"her": the nearest preceding subject in the sentence that is a person (or, for
        "their"/"its", an institution or group)."""
        want = ("person",) if pron.lower_ in ("his", "her") else ("government", "organization", "security",
                                                                  "group", "country", "media")
        sent = pron.sent
        subjs = sorted((t for t in sent if t.i < pron.i and t.dep_ in ("nsubj", "nsubjpass")),
                       key=lambda t: (t.head.dep_ != "ROOT", -t.i))
        subjs = [t.head.head if t.tag_ in ("WDT", "WP") and t.head.dep_ == "relcl" else t for t in subjs]
        # then the nearest preceding mention in the sentence ("the mayor X that received ... his requests")
        subjs += [t for t in reversed(sent[:pron.i - sent.start]) if t.pos_ in ("PROPN", "NOUN")]
        for t in subjs:
            eid = self._entity_at(ext, t)
            ent = ext.entity(eid) if eid else None
            if ent is not None and ent.kind in want:
                return eid
        return None

    def _levying_authority(self, ext, tok):
        """An unstated taxing authority: the nearest government mentioned before tok in this
        sentence or the previous one (only governments levy taxes)."""
        doc = tok.doc
        start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        for t in reversed(doc[start:tok.i]):
            eid = self._entity_at(ext, t)
            ent = ext.entity(eid) if eid else None
            if ent is not None and ent.kind == "government":
                return eid
        return None

    def _extra(self, ext, tok, add):
        """Forms beyond verb + infinitive. Returns True when tok yielded a directive."""
        lemma, low = tok.lemma_.lower(), tok.lower_
        sent = tok.sent
        # "X is mandatory for Y", "X is a mandatory (religious) duty for Y"
        if low in self.mandate_adjs and tok.dep_ in ("acomp", "amod"):
            head = tok.head if tok.dep_ == "acomp" else (tok.head.head if tok.head.dep_ == "attr" else None)
            pred = tok if tok.dep_ == "acomp" else tok.head
            if head is not None and head.lemma_ == "be":
                subj = next((c for c in head.children if c.dep_ in ("nsubj", "csubj")), None)
                if subj is not None and subj.lower_ not in ("it", "this", "that", "which"):
                    toks = list(subj.subtree) + [head] + list(pred.subtree)
                    if tok.dep_ == "acomp":
                        toks += [t for c in head.children if c.dep_ == "prep" and c.i > pred.i for t in c.subtree]
                    fors = [t for t in toks if t.dep_ == "pobj" and t.head.lower_ == "for"]
                    add(self._span(toks), tok, None, self._entities_in(ext, fors), sent)
                    return True
        # "demanded that X be Y", "recommends that every country should iodise all salt"
        if lemma in self.that_verbs and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
            for clause in (c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i):
                if not self._mandative(clause):
                    continue
                csubj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.lower_ in self.first_person and csubj is not None \
                        and csubj.lower_ in self.first_person:
                    return True
                issuer, _ = self._issuer(ext, tok)
                add(self._clause_span(clause), tok, issuer, self._entities_in(ext, [csubj]), sent)
                return True
        if tok.pos_ == "NOUN":
            # "an order that the units should enter ...", "calls for all salt to be iodised"
            if low in self.that_nouns or lemma in self.that_nouns:
                clauses = [c for c in tok.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > tok.i]
                nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
                if nxt is not None and nxt.dep_ == "mark" and nxt.lower_ in ("for", "that") and nxt.head.i > tok.i:
                    clauses.append(nxt.head)  # "prompted calls for all salt to be iodised" (clause hung on the verb)
                for clause in clauses:
                    if self._mandative(clause):
                        csubj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                        add(self._clause_span(clause), tok, self._poss_issuer(ext, tok),
                            self._entities_in(ext, [csubj]), sent)
                        return True
            # "requests for payment", "urgent calls for mandatory iodised salt"
            if low in self.request_nouns:
                prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"), None)
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
                if pobj is not None:
                    toks = list(pobj.subtree) if lemma in ("call", "appeal") else [tok] + list(prep.subtree)
                    add(self._span(toks), tok, self._poss_issuer(ext, tok),
                        self._entities_in(ext, [t for t in pobj.subtree if t.dep_ in ("pobj", "dobj")]), sent)
                    return True
            # "President X's travel ban", "a ban on imports", "an embargo against Y"
            if low in self.ban_nouns or lemma in self.ban_nouns:
                prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")), None)
                comp = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
                if prep is not None or comp:
                    toks = [t for t in tok.subtree if t.i <= tok.i] + (list(prep.subtree) if prep is not None else [])
                    while toks and toks[0].dep_ == "det":
                        toks.pop(0)
                    targets = self._entities_in(ext, [c for c in prep.children if c.dep_ == "pobj"]) if prep is not None else []
                    add(self._span(toks), tok, self._poss_issuer(ext, tok), targets, sent)
                    return True
            # "a tax on foreign buyers", "a levy on landlords"
            if lemma in self.tax_nouns:
                prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"), None)
                if prep is not None and any(c.dep_ == "pobj" for c in prep.children):
                    toks = [t for t in tok.subtree if t.i <= tok.i] + list(prep.subtree)
                    targets = self._entities_in(ext, [c for c in prep.children if c.dep_ == "pobj"])
                    add(self._span(toks), tok, self._poss_issuer(ext, tok), targets, sent)
                    return True
        # "a criterion is used to tax only the schools that ...", "the council taxes second homes"
        if lemma in self.tax_verbs and tok.pos_ == "VERB":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is None:
                return False
            gov = tok.head
            if tok.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in gov.children):
                subj = next((c for c in gov.children if c.dep_ == "nsubjpass"), None)
                toks = (list(subj.subtree) if subj is not None else []) + \
                    [t for t in gov.subtree if t.i >= gov.i and (subj is None or t.i > subj.right_edge.i)]
                by = next((c for c in gov.children if c.dep_ == "agent"), None)
                agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
                issuer = self._entity_at(ext, agent) if agent is not None else None
            else:
                toks = [tok] + [t for c in tok.children if c.i > tok.i and c.dep_ in ("dobj", "prep") for t in c.subtree]
                issuer, _ = self._issuer(ext, tok)
            if issuer is None:
                issuer = self._levying_authority(ext, tok)
            add(self._span(toks), tok, issuer, self._entities_in(ext, [obj]), sent)
            return True
        # "helmets will be required", "such gatherings will be prohibited"
        if lemma in ("require", "mandate") and tok.pos_ == "VERB" and \
                any(c.dep_ == "auxpass" for c in tok.children) and \
                not any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.i > tok.i for c in tok.children):
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                toks = list(subj.subtree) + [t for t in tok.subtree if subj.right_edge.i < t.i <= tok.i]
                issuer, _ = self._issuer(ext, tok)
                add(self._span(toks), tok, issuer, [], sent)
                return True
        return False

    def _status(self, sent, cue):
        words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        for status in ("reversed", "explained", "repeated"):
            if words & self.status[status]:
                return status
        return "issued"

    # -------------------------------------------------------------------- run
    def __call__(self, doc):
        ext = state(doc)
        found: list[tuple[Span, Span, str | None, list[str], object]] = []

        def add(content, cue_tok, issuer, targets, sent):
            if content is None or content.end - content.start < 3:
                return
            if ext.is_ignored(content):
                return
            for c, *_ in found:
                if c.overlaps(content):
                    return
            cue = Span(cue_tok.idx, cue_tok.idx + len(cue_tok))
            found.append((content, cue, issuer, targets, sent))

        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
                continue
            if lemma not in self.cue_lemmas and tok.lower_ not in self.cue_forms:
                continue
            sent = tok.sent
            if ext.headline is not None and ext.headline.start <= tok.idx < ext.headline.end:
                continue  # a headline repeats the body
            if any(c.dep_ == "neg" or c.lower_ in ("never", "nowhere") for c in tok.children):
                continue
            if self._extra(ext, tok, add):
                continue
            if lemma not in self.order and lemma not in self.call and lemma not in self.measure and \
                    lemma not in self.nouns and tok.lower_ != "must":
                continue
            if ext.headline is not None and ext.headline.start <= tok.idx < ext.headline.end:
                continue  # a headline repeats the body
            if any(c.dep_ == "neg" or c.lower_ in ("never", "nowhere") for c in tok.children):
                continue  # "she was never forced to ...": no directive
            if tok.dep_ in ("csubj", "csubjpass"):
                continue  # "Forcing the cops to be nice can only do so much": hypothetical
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
            subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
            if subj is not None and subj.lower_ in self.first_person:
                continue
            xcomp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.i > tok.i and
                          any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
            if lemma == "order" and tok.i > 0 and doc[tok.i - 1].lower_ == "in":
                continue
            if lemma in self.order and tok.pos_ == "VERB":
                if xcomp is not None and lemma in self.circumstance_verbs and \
                        xcomp.lemma_.lower() in self.yield_verbs:
                    continue  # "was forced to acknowledge", "forced to resign": circumstance, not an order
                if lemma == "tell" and xcomp is not None:
                    obj0 = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
                    gap = doc[(obj0.right_edge.i if obj0 is not None else tok.i) + 1:xcomp.left_edge.i]
                    if len(gap) > 2 or any(t.is_quote or t.text in ",;:" for t in gap):
                        continue  # 'told the press, "to show ..."': a quote, not an order
                if lemma == "call":
                    pass
                elif passive and xcomp is not None:
                    # "police are being told to be nicer"; "each department is required to give ..."
                    target = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                    issuer, _ = self._issuer(ext, tok)
                    toks = self._ordered_act(xcomp)
                    to = [t for t in toks if t.lower_ == "to" and t.dep_ == "aux" and t.head == xcomp]
                    body = [t for t in toks if t not in to] if lemma == "require" else toks
                    add(self._span(body), tok, issuer, self._entities_in(ext, [target]) if target is not None else [], sent)
                    continue
                elif xcomp is not None:
                    obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
                    if obj is None:
                        obj = next((c for c in xcomp.children if c.dep_ == "nsubj"), None)
                    if obj is None and lemma not in ("require", "urge", "ask", "demand", "request"):
                        continue
                    if obj is None and any(c.dep_ == "auxpass" for c in xcomp.children):
                        continue  # "asked not to be named", "requested to be moved": about the asker itself
                    if obj is not None and obj.lower_ in self.first_person:
                        continue
                    if obj is not None and obj.tag_ == "NN" and obj.head == tok and \
                            not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in obj.children) and \
                            not any(m.start <= obj.idx and m.end == obj.idx + len(obj) for e in ext.entities
                                    for m in e.mentions):
                        continue  # "requested anonymity to speak freely": a thing asked for, not someone to act
                    issuer, _ = self._issuer(ext, tok)
                    body = [t for t in self._ordered_act(xcomp)
                            if t.i > (obj.right_edge.i if obj is not None and obj.i < xcomp.i else -1)]
                    if obj is not None and obj.head == xcomp:
                        body = [t for t in self._ordered_act(xcomp) if t.i > obj.right_edge.i]
                    add(self._span(body), tok, issuer, self._addressees(ext, [obj]) if obj is not None else [], sent)
                    continue
                elif not passive and lemma in self.nominal_order_verbs and \
                        (act := next((c for c in tok.children if c.dep_ == "dobj"), None)) is not None and \
                        self._action_noun(act):
                    # "ordered the seizure of two apartments", "ordered an inquiry into the leak": the act itself
                    issuer, _ = self._issuer(ext, tok)
                    targets = self._entities_in(ext, [t for t in act.subtree if t.dep_ == "pobj" and t.head.head == act])
                    add(self._span(list(act.subtree)), tok, issuer, targets, sent)
                    continue
                elif passive and lemma in ("force", "compel", "oblige", "task", "order", "require"):
                    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "into")), None)
                    if prep is not None:
                        target = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                        issuer, _ = self._issuer(ext, tok)
                        toks = [tok] + [t for t in prep.subtree]
                        add(self._span(toks), tok, issuer, self._entities_in(ext, [target]) if target is not None else [], sent)
                        continue
            if lemma in self.call and tok.pos_ == "VERB":
                prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "on")), None)
                obj = next((c for c in tok.children if c.dep_ in ("dobj",)), None)
                if lemma == "call" and prep is None:
                    continue
                head = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else obj
                if head is None:
                    continue
                issuer, subj_tok = self._issuer(ext, tok)
                inf = [t for t in head.subtree if t.dep_ in ("relcl", "acl", "xcomp") and
                       any(a.lower_ == "to" for a in t.children) and t.head == head]
                inf += [c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.i > head.i and
                        any(a.lower_ == "to" for a in c.children)]
                if inf:
                    v = inf[0]
                    body = [t for t in v.subtree if not (t.lower_ == "to" and t.head == v)]
                    add(self._span(body), tok, issuer, self._entities_in(ext, [head]), sent)
                else:
                    toks = [t for t in head.subtree]
                    # "calls for resolving conflicts ... and restoring ...": the whole gerund phrase
                    targets = self._entities_in(ext, [t for t in toks if t.dep_ in ("dobj", "pobj") and t.head.i == head.i])
                    add(self._span(toks), tok, issuer, targets, sent)
                continue
            if lemma in self.measure and tok.pos_ == "VERB":
                target = None
                if passive:
                    target = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                else:
                    target = next((c for c in tok.children if c.dep_ == "dobj"), None)
                    if lemma in ("impose",):
                        on = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"), None)
                        target = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
                if target is None or lemma in ("deny", "lock", "close", "shut", "block", "suspend", "crack") and not passive:
                    if lemma != "crack":
                        continue
                issuer, _ = self._issuer(ext, tok)
                if passive:
                    toks = [tok] + [t for c in tok.children if c.dep_ in ("prep", "xcomp", "advcl", "dobj") and c.i > tok.i
                                    for t in c.subtree]
                    agent = next((c for c in tok.subtree if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"), None)
                    if agent is not None:
                        toks = [t for t in toks if t.i < agent.i]
                    # ", drawing notice from critics": a trailing participle comments on the measure
                    tail = [t.i for t in toks if t.tag_ == "VBG" and t.i > tok.i and doc[t.i - 1].text == ","]
                    if tail:
                        toks = [t for t in toks if t.i < tail[0] - 1]
                else:
                    toks = [tok] + [t for c in tok.children if c.i > tok.i and c.dep_ in ("dobj", "prep", "prt", "xcomp")
                                    for t in c.subtree]
                add(self._span(toks), tok, issuer, self._addressees(ext, [target]) if target is not None else [], sent)
                continue
            if lemma in self.nouns and tok.pos_ == "NOUN" and lemma in ("ban", "order", "directive", "decree",
                                                                          "instruction", "policy", "sanction", "sanctions"):
                # "a policy of turning away boats", "an order to evacuate"
                comp = next((c for c in tok.children if (c.dep_ == "prep" and c.lower_ == "of" and
                                                         any(g.tag_ == "VBG" for g in c.children)) or
                             (c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children))), None)
                if comp is None:
                    continue
                gov = tok.head
                issuer = None
                if gov.pos_ in ("VERB", "AUX"):
                    s = next((c for c in gov.children if c.dep_ == "nsubj"), None)
                    issuer = self._entity_at(ext, s) if s is not None else None
                toks = [t for t in tok.subtree if t.i >= tok.left_edge.i]
                targets = self._entities_in(ext, [t for t in comp.subtree if t.dep_ in ("dobj", "pobj")])
                add(self._span(toks), tok, issuer, targets, sent)
                continue
            if tok.lower_ == "must" and tok.dep_ == "aux":
                verb = tok.head
                subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
                if subj is None or subj.lower_ in self.first_person:
                    continue
                toks = [tok] + [t for t in verb.subtree if t.i > tok.i]
                cut = [c for c in verb.children if c.dep_ in ("cc", "conj", "advcl") and c.i > verb.i
                       and c.dep_ != "advcl"]
                if cut:
                    toks = [t for t in toks if t.i < min(c.left_edge.i for c in cut)]
                target = self._entities_in(ext, [subj])
                add(self._span(toks), tok, None, target, sent)

        found.sort(key=lambda f: f[0].start)
        kept = []
        for f in found:
            words = [w.lower() for w in doc_text(doc)[f[0].start:f[0].end].split()]
            dup = False
            for g in kept:
                other = [w.lower() for w in doc_text(doc)[g[0].start:g[0].end].split()]
                n = min(len(words), len(other), 5)
                if n >= 2 and words[:n] == other[:n] and f[2] == g[2]:
                    dup = True  # the same directive mentioned again ("were twice denied visas to ...")
                    break
                if len(words) <= 4 and len(other) <= 4 and words[-2:] == other[-2:] and \
                        doc_text(doc)[f[1].start:f[1].end].lower() == doc_text(doc)[g[1].start:g[1].end].lower():
                    # "his travel ban" ... "President X's travel ban": one measure, keep the owned one
                    dup = True
                    if g[2] is None and f[2] is not None:
                        kept[kept.index(g)] = f
                    break
            if not dup:
                kept.append(f)
        found = kept
        for i, (content, cue, issuer, targets, sent) in enumerate(found, 1):
            att = None
            for a in ext.attributions:
                spans = [a.content] + ([a.content_2] if a.content_2 else [])
                if any(s.contains(content) or s.overlaps(content) and s.start <= content.start for s in spans):
                    att = a.id
                    break
            cue_tok = doc.char_span(cue.start, cue.end)
            status = self._status(sent, cue_tok)
            if targets is None:
                targets = []  # an addressee who is no actor: "barred fishing crews from ..."
            elif not targets:
                # no addressee named ("the plan calls for restoring the image of the police"): the
                # authorities the required action is about
                cspan = doc.char_span(content.start, content.end, alignment_mode="expand")
                for eid in self._entities_in(ext, list(cspan) if cspan is not None else []):
                    ent = ext.entity(eid)
                    if ent is not None and ent.kind in ("security", "government") and eid != issuer:
                        targets = [eid]
                        break
            ext.directives.append(Directive(id=f"D{i}", content=content, issuer_entity=issuer,
                                            target_entities=[t for t in targets if t != issuer],
                                            attribution=att, cue=cue, status=status))
        return doc


@Language.factory("provkg_directives", default_config={"lexicon": None})
def make_directives(nlp, name: str, lexicon: str | None = None):
    return DirectivesComponent(nlp, name, lexicon)
