"""provkg_sources: resolve each attribution's speaker (and recipient) to an entity.

In text order, for each attribution:

* a source span whose head word lies in a mention of a known entity -> that entity;
* a pronoun ("he", "they", "it", relative "who") -> the most recent salient speaker of a
  compatible kind (usually the previous attribution's source), else the latest compatible mention;
* "the source" -> the anonymous source referred to most recently; "the second source" -> the
  second distinct one (created if needed); "another source" -> a new one;
* "the official", "the ministry", "the spokesman" -> the latest entity whose name has that word;
* otherwise a new entity (ids "S1", "S2", ...): an anonymous source (descriptor, affiliation,
  location), a group ("experts", "residents"), a person, or an organisation.

Recipients ("told RFA’s Korean Service") resolve the same way, creating a media or
organisation entity when the actors component found none.  Lexicon: ``lexicons/sources.yaml``.
"""
from __future__ import annotations

import bisect
import re
from pathlib import Path

import yaml
from spacy.language import Language

from provkg.loaders.extraction import Entity, Span, doc_text, state

DEFAULT_LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "sources.yaml"
USER_KEY = "provkg_attr"
PERSONAL = {"person", "anonymous_source"}
COLLECTIVE = {"group", "anonymous_source", "government", "security", "media", "organization", "country"}
INSTITUTION = {"government", "security", "media", "organization", "country"}
AFFILIATION_PREPS = ("connected to", "close to", "familiar with", "linked to", "affiliated with", "inside", "within",
                     "with", "from", "at", "of")
MEDIA_HEADS = {"service", "news", "agency", "newspaper", "radio", "television", "outlet", "channel", "magazine",
               "daily", "times", "post", "press", "network", "reporters", "journalists"}
DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "one", "some", "two", "three", "several", "many"}


def _load(path):
    with open(path or DEFAULT_LEXICON, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


class SourcesComponent:
    def __init__(self, nlp, name: str, lexicon: str | None = None):
        self.name = name
        lex = _load(lexicon)
        pr = lex.get("pronouns") or {}
        self.person_pron = set(pr.get("person") or [])
        self.plural_pron = set(pr.get("plural") or [])
        self.thing_pron = set(pr.get("thing") or [])
        self.relative = set(pr.get("relative") or [])
        self.anon_heads = set(lex.get("anonymous_heads") or [])
        self.source_heads = set(lex.get("source_heads") or [])
        self.anon_markers = set(lex.get("anonymity_markers") or [])
        self.group_heads = set(lex.get("group_heads") or [])
        self.new_markers = set(lex.get("new_source_markers") or [])
        self.there_words = set(lex.get("there_words") or [])
        self.indefinite_people = set(lex.get("indefinite_people") or [])
        self.writing_heads = set(lex.get("writing_heads") or [])
        self.document_heads = set(lex.get("document_heads") or [])
        self.kin_heads = set(lex.get("relation_heads") or [])
        gender = lex.get("gendered_nouns") or {}
        self.female_nouns = set(gender.get("female") or [])
        self.male_nouns = set(gender.get("male") or [])
        # heads that name a source role, not a collective: "officials said" is an unnamed source
        self.role_heads = self.anon_heads - set(lex.get("group_heads") or []) - {"people", "person", "member", "members"}
        self.population = set(lex.get("population_nouns") or [])
        self.work_heads = set(lex.get("work_heads") or [])
        self.ordinals = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}

    # ------------------------------------------------------------------ index
    def _index(self, ext):
        rows = []
        for e in ext.entities:
            for m in e.mentions:
                rows.append((m.start, m.end, e.id))
        rows.sort()
        return rows

    def __call__(self, doc):
        ext = state(doc)
        if not ext.attributions:
            return doc
        # Doc.text joins every token in Python: compute it once per document and share it
        text = self._text = doc_text(doc)
        extra = doc.user_data.get(USER_KEY, {})
        self._merge_same_name(ext)
        by_id = {e.id: e for e in ext.entities}
        rows = self._index(ext)
        starts = [r[0] for r in rows]
        self._counter = 0
        self._heads: dict[str, str] = {}  # entity id -> head word, for entities created here
        self._gender: dict[str, str] = {}  # entity id -> "f" / "m", from gendered nouns and resolved pronouns
        created_anon: list[Entity] = []       # in order of introduction
        last_ref: dict[str, int] = {}          # entity id -> char offset of latest reference
        plural: set[str] = set()
        prev_speakers: list[tuple[int, str]] = []  # (offset, entity id) of attribution sources

        def new_id():
            self._counter += 1
            taken = set(by_id)
            while f"S{self._counter}" in taken:
                self._counter += 1
            return f"S{self._counter}"

        def add_entity(e: Entity):
            ext.entities.append(e)
            by_id[e.id] = e
            for m in e.mentions:
                k = bisect.bisect_left(starts, m.start)
                starts.insert(k, m.start)
                rows.insert(k, (m.start, m.end, e.id))

        def add_mention(eid: str, span: Span):
            e = by_id.get(eid)
            if e is None or span is None:
                return
            if span not in e.mentions:
                e.mentions.append(span)
                k = bisect.bisect_left(starts, span.start)
                starts.insert(k, span.start)
                rows.insert(k, (span.start, span.end, eid))

        def entity_at(a: int, b: int, head_char: int | None):
            """Entity whose mention covers the head character (or best overlaps [a, b))."""
            k = bisect.bisect_right(starts, b) - 1
            best, best_len = None, -1
            lo = max(0, k - 60)
            for i in range(k, lo - 1, -1):
                s, e, eid = rows[i]
                if e <= a and s < a - 400:
                    break
                if not (s < b and a < e):
                    continue
                ent = by_id.get(eid)
                if ent is None or ent.kind == "place":
                    continue
                if head_char is not None and not (s <= head_char < e):
                    continue
                if e - s > best_len:
                    best, best_len = eid, e - s
            return best

        def latest_entity(before: int, kinds: set[str], word: str | None = None, plural_ok=None, gender=None):
            k = bisect.bisect_left(starts, before) - 1
            lo = max(0, k - 400)
            for i in range(k, lo - 1, -1):
                s, e, eid = rows[i]
                ent = by_id.get(eid)
                if ent is None or ent.kind not in kinds:
                    continue
                if gender and self._gender.get(eid, gender) != gender:
                    continue
                if word and not (re.search(r"\b" + re.escape(word) + r"\b", " ".join(
                        ((ent.name or ""), (ent.descriptor or ""), text[s:e])).lower())):
                    continue
                if plural_ok is not None and (eid in plural or ent.kind == "group") != plural_ok and \
                        ent.kind not in INSTITUTION:
                    continue
                return eid
            return None

        def latest_place(before: int):
            k = bisect.bisect_left(starts, before) - 1
            for i in range(k, max(-1, k - 400), -1):
                s, e, eid = rows[i]
                ent = by_id.get(eid)
                if ent is not None and ent.kind in ("place", "country"):
                    return ent.name
            best = None
            for ent in doc.ents:
                if ent.start_char >= before:
                    break
                if ent.label_ in ("GPE", "LOC"):
                    best = ent.text
            return best

        for att in ext.attributions:
            info = extra.get(att.id, {})
            src = att.source
            eid = None
            if src is not None:
                eid = self._resolve(doc, att, src, info, by_id, entity_at, latest_entity, latest_place, created_anon,
                                    last_ref, plural, prev_speakers, new_id, add_entity)
            if eid is not None:
                att.source_entity = eid
                self._note_gender(doc, eid, src)
                add_mention(eid, src)
                last_ref[eid] = att.cue.start
                prev_speakers.append((att.cue.start, eid))
            rec = info.get("recipient")
            if rec is not None:
                rid = self._recipient(doc, rec, by_id, entity_at, new_id, add_entity)
                if rid is not None:
                    att.recipient_entity = rid
                    add_mention(rid, rec)
        return doc

    # ------------------------------------------------------------------ recipient
    def _recipient(self, doc, span, by_id, entity_at, new_id, add_entity):
        text = self._text
        head = self._head_token(doc, span)
        hc = head.idx if head is not None else None
        eid = entity_at(span.start, span.end, hc)
        if eid is not None:
            return eid
        if head is None or head.pos_ == "PRON" or head.lower_ in ("reporters", "journalists", "him", "her"):
            return None
        words = text[span.start:span.end]
        name = re.sub(r"^(the|a|an)\s+", "", words, flags=re.I)
        kind = "media" if head.lower_ in MEDIA_HEADS or head.pos_ == "PROPN" and len(name) <= 6 and name.isupper() \
            else ("person" if head.ent_type_ == "PERSON" else "organization")
        if head.pos_ != "PROPN" and kind != "media":
            return None
        part_of = None
        for t in doc.char_span(span.start, span.end, alignment_mode="expand") or []:
            if t.dep_ == "poss" and t.i != head.i:
                part_of = entity_at(t.idx, t.idx + len(t), t.idx)
        e = Entity(id=new_id(), kind=kind, name=name, mentions=[span], part_of=part_of)
        add_entity(e)
        return e.id

    # ------------------------------------------------------------------ source
    @staticmethod
    def _head_token(doc, span):
        sp = doc.char_span(span.start, span.end, alignment_mode="expand")
        if sp is None or len(sp) == 0:
            return None
        return sp.root

    def _resolve(self, doc, att, src, info, by_id, entity_at, latest_entity, latest_place, created_anon, last_ref,
                 plural, prev_speakers, new_id, add_entity):
        text = self._text
        span_doc = doc.char_span(src.start, src.end, alignment_mode="expand")
        if span_doc is None or len(span_doc) == 0:
            return None
        head = span_doc.root
        low = head.lower_
        words = [t.lower_ for t in span_doc]
        # relative pronoun: resolve its antecedent noun phrase
        if low in self.relative and info.get("relative_head") is not None:
            ant = doc[info["relative_head"]]
            a, b = ant.left_edge.idx, ant.idx + len(ant)
            eid = entity_at(a, b, ant.idx)
            if eid:
                return eid
            head, span_doc = ant, doc[ant.left_edge.i:ant.i + 1]
            low, words = head.lower_, [t.lower_ for t in span_doc]
        # "the post by an unknown author", "a statement by the ministry": the author speaks
        if low in self.writing_heads | {"statement", "letter", "report"}:
            by = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if pobj is not None:
                head, span_doc = pobj, doc[pobj.left_edge.i:pobj.right_edge.i + 1]
                low, words = head.lower_, [t.lower_ for t in span_doc]
                src = Span(span_doc.start_char, span_doc.end_char)
        # "Facebook co-founder Mark Zuckerberg", "the secretary general of the party, Jane Doe": the person
        # named in apposition to a title speaks
        named = self._apposed_name(doc, span_doc, head)
        if named is not None:
            head, span_doc = named.root, named
            low, words = head.lower_, [t.lower_ for t in span_doc]
            src = Span(span_doc.start_char, span_doc.end_char)
        # "the results of the study", "sites such as Example.com": the named work / example speaks
        if head.pos_ == "NOUN":
            inner = self._inner_named(doc, span_doc, head, entity_at, by_id)
            if inner is not None:
                return inner
        # 1. a known entity's mention covers the head word
        eid = entity_at(src.start, src.end, head.idx)
        if eid is not None and head.pos_ != "PRON":
            ent = by_id.get(eid)
            if ent is not None and low in self.role_heads and ent.kind in ("group", "government", "organization"):
                # "officials said", "Scientology officials have stated": unnamed people used as a source;
                # "U.S. officials" (officials of a state) stay a government body
                org = self._role_org(doc, span_doc, head)
                if org is None or org[1] not in ("GPE", "NORP"):
                    ent.kind, ent.anonymous = "anonymous_source", True
                    if org is not None and not ent.affiliation:
                        ent.affiliation = org[0]
            if ent is not None and ent.kind == "group":
                return self._population(ent, by_id, low) or eid
            return eid
        # 2. pronouns
        if head.pos_ == "PRON" or low in self.person_pron | self.plural_pron | self.thing_pron:
            return self._pronoun(low, att, by_id, prev_speakers, latest_entity, plural, doc)
        # 3. anonymous / descriptive phrases
        is_plural = head.tag_ in ("NNS", "NNPS")
        marker_new = any(w in self.new_markers for w in words)
        definite = words[0] in ("the", "this", "that", "these", "those")
        ordinal = next((self.ordinals[w] for w in words if w in self.ordinals), None)
        anon_marker = any(w in self.anon_markers for w in (t.lower_ for t in doc[span_doc.start:min(len(doc), span_doc.end + 12)]))
        if low in self.anon_heads:
            same_head = [e for e in created_anon if (e.descriptor or "").split() and
                         self._desc_head(e) == low]
            if definite and not marker_new:
                # "the source": the one referred to most recently
                cand = sorted(same_head, key=lambda e: last_ref.get(e.id, -1))
                if cand:
                    return cand[-1].id
                eid = latest_entity(src.start, COLLECTIVE | PERSONAL, low)
                if eid is not None:
                    return eid
            elif definite and ordinal is not None:
                if len(same_head) >= ordinal:
                    return same_head[ordinal - 1].id
            if low in self.source_heads or anon_marker or not definite or low in ("official", "officials"):
                if low in self.group_heads and not (low in self.source_heads or anon_marker) and is_plural:
                    return self._group(doc, span_doc, head, created_anon, by_id, new_id, add_entity, plural)
                org = self._role_org(doc, span_doc, head) if low in self.role_heads else None
                if org is not None and org[1] in ("GPE", "NORP") and not anon_marker and is_plural:
                    # "U.S. officials said": the state's officials, a government body
                    name = " ".join(t.text for t in span_doc if not (t.lower_ in DETERMINERS and t.i < head.i))
                    for e in by_id.values():
                        if e.kind == "government" and e.name.lower() == name.lower():
                            return e.id
                    e = Entity(id=new_id(), kind="government", name=name, mentions=[])
                    add_entity(e)
                    plural.add(e.id)
                    return e.id
                e = self._new_anon(doc, span_doc, head, latest_place, new_id, is_plural)
                if org is not None and not e.affiliation:
                    e.affiliation = org[0]
                add_entity(e)
                created_anon.append(e)
                if is_plural:
                    plural.add(e.id)
                return e.id
        # "someone", "a teacher", "one poster", "Thomas' sister", "posts on the message board": an unnamed
        # individual (or unknown authors) used as a source
        possessed = head.pos_ == "NOUN" and low in self.kin_heads and any(c.dep_ == "poss" for c in head.children) \
            and not any(t.pos_ == "PROPN" and t.i > head.i for t in span_doc)  # "His father Mohamed ..." is named
        if low in self.document_heads and low not in self.writing_heads:
            return None  # "a leaked letter", "a new study": a document, not an unnamed speaker
        if low in self.indefinite_people or possessed or low in self.writing_heads and not definite or \
                (head.pos_ == "NOUN" and not is_plural and words[0] in ("a", "an", "one") and low not in self.group_heads):
            e = self._new_anon(doc, span_doc, head, latest_place, new_id, is_plural)
            add_entity(e)
            created_anon.append(e)
            return e.id
        # "the ministry", "the spokesman", "the company": latest entity with that word
        if definite and head.pos_ == "NOUN":
            eid = latest_entity(src.start, INSTITUTION | PERSONAL | {"group"}, low)
            if eid is not None:
                return eid
        if head.pos_ == "NOUN" and (low in self.group_heads or is_plural):
            return self._group(doc, span_doc, head, created_anon, by_id, new_id, add_entity, plural)
        if head.pos_ == "PROPN":
            # surname of an earlier person
            for e in reversed(list(by_id.values())):
                if e.kind == "person" and e.name.split() and e.name.split()[-1].lower() == low:
                    return e.id
            name = " ".join(t.text for t in doc[span_doc.start:head.i + 1] if t.pos_ == "PROPN" or t.i == head.i)
            name = name or head.text
            for e in by_id.values():  # an entity created here earlier under the same name
                if self._heads.get(e.id) == "name:" + name.lower() or (e.kind == "person" and e.name.lower() == name.lower()):
                    return e.id
            # a speaker is a place only by mistake: a proper noun that speaks is a person unless tagged otherwise
            kind = "person" if head.ent_type_ in ("PERSON", "", "GPE", "LOC", "FAC") else \
                {"ORG": "organization", "NORP": "group"}.get(head.ent_type_, "organization")
            e = Entity(id=new_id(), kind=kind, name=name, mentions=[])
            self._heads[e.id] = "name:" + name.lower()
            add_entity(e)
            return e.id
        if head.pos_ == "NOUN":
            return self._group(doc, span_doc, head, created_anon, by_id, new_id, add_entity, plural) if is_plural \
                else None
        return None

    @staticmethod
    def _merge_same_name(ext):
        """Entities of one article with the same collective name ("Scientology officials" found twice) are one."""
        seen: dict[str, Entity] = {}
        drop = set()
        for e in ext.entities:
            if e.kind in ("place", "person") or not e.name:
                continue
            key = re.sub(r"^(the|a|an)\s+", "", e.name.lower()).strip()
            first = seen.get(key)
            if first is None:
                seen[key] = e
                continue
            if first.kind != e.kind and {first.kind, e.kind} - {"group", "government", "anonymous_source"}:
                continue
            for m in e.mentions:
                if m not in first.mentions:
                    first.mentions.append(m)
            first.mentions.sort(key=lambda m: m.start)
            drop.add(e.id)
        if drop:
            ext.entities[:] = [e for e in ext.entities if e.id not in drop]

    def _apposed_name(self, doc, span_doc, head):
        """A PERSON name in the span standing in apposition to a title head, else None."""
        if head.ent_type_ == "PERSON" or head.pos_ not in ("NOUN", "PROPN"):
            return None
        last = None
        for ent in doc.ents:
            if ent.start < span_doc.start:
                continue
            if ent.end > span_doc.end:
                break
            if ent.label_ == "PERSON" and not (ent.start <= head.i < ent.end) and ent.start > head.i - 1:
                last = ent
        if last is None:
            return None
        r = last.root
        if r.dep_ == "pobj" or r.head.dep_ in ("prep", "agent"):
            return None  # "the wife of John Smith": the wife speaks
        node = r
        while node.i != head.i and node.head.i != node.i:
            if node.dep_ in ("pobj", "prep", "agent"):
                return None  # "a trader at the Dunmore market": a name inside a place phrase is not the speaker
            node = node.head
        rest = doc[last.end:span_doc.end]
        if r.dep_ in ("appos", "compound") or r.head.i == head.i or all(t.is_punct for t in rest):
            return last
        return None

    def _inner_named(self, doc, span_doc, head, entity_at, by_id):
        """'the results of the X Study', 'sites such as Example.com': the named entity inside the phrase."""
        if head.lemma_.lower() not in self.work_heads and not any(
                t.lower_ in ("such", "including") for t in doc[head.i + 1:span_doc.end]):
            return None
        for t in doc[head.i + 1:span_doc.end]:
            if t.pos_ == "PROPN" and t.dep_ in ("pobj", "compound", "appos", "conj") or t.pos_ == "PROPN" and \
                    t.head.dep_ == "pobj":
                eid = entity_at(t.idx, t.idx + len(t), t.idx)
                ent = by_id.get(eid) if eid else None
                if ent is not None and ent.kind in INSTITUTION | {"person"}:
                    return eid
        return None

    @staticmethod
    def _role_org(doc, span_doc, head):
        """('Scientology', 'ORG') for 'Scientology officials' / 'officials of the X party'."""
        for t in span_doc:
            if t.i == head.i:
                continue
            if (t.head.i == head.i and t.dep_ in ("compound", "amod", "nmod", "poss")) or \
                    (t.dep_ == "pobj" and t.head.head.i == head.i):
                if t.pos_ == "PROPN" or t.ent_type_:
                    first = t
                    while first.i - 1 >= span_doc.start and doc[first.i - 1].dep_ == "compound" and \
                            doc[first.i - 1].pos_ == "PROPN":
                        first = doc[first.i - 1]
                    txt = doc[first.i:t.i + 1].text
                    txt = re.sub(r"(\u2019s|'s)$", "", txt)
                    return txt, t.ent_type_ or "ORG"
                if t.dep_ == "pobj":
                    toks = [x for x in doc[t.left_edge.i:t.i + 1] if x.lower_ not in DETERMINERS]
                    return " ".join(x.text for x in toks), t.ent_type_ or "ORG"
        return None

    def _population(self, ent, by_id, low):
        """'citizens', 'the people', 'residents' in one article: one population group (the first mentioned)."""
        words = (ent.name or "").lower().split()
        if not words or words[-1] not in self.population or low not in self.population:
            return None
        best, best_start = None, None
        for e in by_id.values():
            if e.kind != "group" or e is ent:
                continue
            ew = (e.name or "").lower().split()
            if not ew or ew[-1] not in self.population:
                continue
            # both names' capitalised modifiers must agree ("Mexican residents" is not "US citizens")
            caps_a = {w for w in (ent.name or "").split()[:-1] if w[:1].isupper()}
            caps_b = {w for w in (e.name or "").split()[:-1] if w[:1].isupper()}
            if caps_a and caps_b and caps_a != caps_b:
                continue
            if not e.mentions:
                continue
            key = (-len(e.mentions), min(m.start for m in e.mentions))
            if best is None or key < best_start:
                best, best_start = e.id, key
        own = (-len(ent.mentions), min((m.start for m in ent.mentions), default=10 ** 9))
        if best is not None and best_start < own:
            return best
        return None

    def _desc_head(self, e):
        return self._heads.get(e.id, "")

    def _note_gender(self, doc, eid, src):
        low = self._text[src.start:src.end].lower()
        if low in ("she", "her", "herself"):
            self._gender.setdefault(eid, "f")
        elif low in ("he", "him", "his", "himself"):
            self._gender.setdefault(eid, "m")
        else:
            words = set(re.findall(r"[a-z]+", low))
            if words & self.female_nouns:
                self._gender.setdefault(eid, "f")
            elif words & self.male_nouns:
                self._gender.setdefault(eid, "m")

    def _pronoun(self, low, att, by_id, prev_speakers, latest_entity, plural, doc=None):
        if low in self.person_pron and low not in ("we", "us", "our", "you"):
            kinds, want_plural = PERSONAL, False
        elif low in self.plural_pron:
            kinds, want_plural = COLLECTIVE | PERSONAL, True
        elif low in self.thing_pron:
            kinds, want_plural = INSTITUTION, None
        else:
            kinds, want_plural = COLLECTIVE | PERSONAL, None
        want_gender = {"he": "m", "him": "m", "his": "m", "himself": "m",
                       "she": "f", "her": "f", "hers": "f", "herself": "f"}.get(low)
        for off, eid in reversed(prev_speakers[-6:]):
            e = by_id.get(eid)
            if e is None or e.kind not in kinds:
                continue
            if want_gender and self._gender.get(eid, want_gender) != want_gender:
                continue
            is_pl = eid in plural or e.kind == "group"
            if want_plural is False and is_pl:
                continue
            if want_plural is True and not is_pl and e.kind not in INSTITUTION:
                continue
            return eid
        return latest_entity(att.cue.start, kinds, None, want_plural if kinds != INSTITUTION else None, want_gender)

    def _group(self, doc, span_doc, head, created_anon, by_id, new_id, add_entity, plural):
        lemma = head.lemma_.lower()
        for e in by_id.values():
            if e.kind == "group" and self._heads.get(e.id) == lemma:
                return e.id
        if head.lower_ in self.population and not any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE")
                                                      for t in span_doc if t.i != head.i):
            # "the people", "citizens": the article's population group, when it already has one
            for e in sorted((e for e in by_id.values() if e.kind == "group" and e.mentions),
                            key=lambda e: (-len(e.mentions), min(m.start for m in e.mentions))):
                ew = (e.name or "").lower().split()
                if ew and ew[-1] in self.population and not any(w[:1].isupper() for w in (e.name or "").split()[:-1]):
                    return e.id
        name = " ".join(t.text for t in doc[span_doc.start:span_doc.end] if t.lower_ not in DETERMINERS or t.i > head.i)
        e = Entity(id=new_id(), kind="group", name=name.strip() or head.text, mentions=[])
        self._heads[e.id] = lemma
        add_entity(e)
        plural.add(e.id)
        return e.id

    def _new_anon(self, doc, span_doc, head, latest_place, new_id, is_plural):
        text = self._text
        desc = text[span_doc.start_char:span_doc.end_char]
        affiliation = None
        location = None
        prep_phrase = None
        # affiliation: "connected to the judicial system", "close to the leadership"
        tail = doc[head.i + 1:span_doc.end]
        ttxt = tail.text
        for prep in AFFILIATION_PREPS:
            m = re.search(r"\b" + re.escape(prep) + r"\s+(?:the\s+|a\s+|an\s+)?(.+?)(?=\s+(?:in|at|there|who|which|from)\b|,|$)",
                          ttxt, flags=re.I)
            if m and prep in ("connected to", "close to", "familiar with", "linked to", "affiliated with", "inside",
                              "within", "with", "at"):
                affiliation = m.group(1).strip()
                prep_phrase = prep
                break
        # location: a place entity/GPE in the phrase, or "there"/"in the country" -> latest place before
        for ent in doc.ents:
            if ent.start >= span_doc.start and ent.end <= span_doc.end and ent.label_ in ("GPE", "LOC"):
                location = ent.text
        if location is None:
            # proper nouns after "of"/"in" inside the phrase
            props = [t for t in tail if t.pos_ == "PROPN"]
            if props and props[-1].dep_ in ("pobj", "compound") or (props and props[-1].head.dep_ == "pobj"):
                last = props[-1]
                first = last
                while first.i - 1 >= tail.start and doc[first.i - 1].pos_ == "PROPN":
                    first = doc[first.i - 1]
                location = doc[first.i:last.i + 1].text
        if location is None:
            low_tail = ttxt.lower()
            if re.search(r"\bthere\b|\bin the (country|area|region|province|city|town|county)\b", low_tail) or \
                    re.search(r"\bthere\b", text[span_doc.end_char:span_doc.end_char + 30].lower()):
                location = latest_place(span_doc.start_char)
        lead = " ".join(t.text for t in doc[span_doc.start:head.i + 1] if not (t.lower_ in DETERMINERS and t.i < head.i))
        name = lead
        if affiliation:
            name += f" {prep_phrase} {'the ' if prep_phrase in ('connected to', 'close to', 'familiar with', 'linked to', 'inside', 'within') else ''}{affiliation}"
        if location:
            name += f" in {location}"
        e = Entity(id=new_id(), kind="anonymous_source", name=name, mentions=[], anonymous=True,
                   descriptor=desc, affiliation=affiliation, location=location)
        self._heads[e.id] = head.lower_
        return e


@Language.factory("provkg_sources", default_config={"lexicon": None})
def make_sources(nlp, name: str, lexicon: str | None = None):
    return SourcesComponent(nlp, name, lexicon)
