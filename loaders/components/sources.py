"""provkg_sources: resolve each attribution's speaker (and recipient) to an entity.

In text order, for each attribution:

* a source span whose head word lies in a mention of a known entity -> that entity;
* a pronoun ("he", "they", "it", relative "who") -> the most recent salient speaker of a
  compatible kind (usually the previous attribution's source), else the latest compatible mention;
* "the source" -> the anonymous source referred to most recently, whatever it was called ("a
  resident of X told RFA ... the source said"); "the second source" -> the one introduced as "a
  second source", else the second distinct one (created if needed); "another source" -> a new one;
* "the official", "the ministry", "the spokesman" -> the latest entity whose name has that word;
  "the report" -> the study or report named earlier; "the study's authors" -> the researchers;
* a pronoun subject of a clause inside a sentence -> first the subject of a governing clause
  ("officials went to the station, where they claimed"); "they" prefers plural speakers to bodies;
* "a user called 'Nemo'" -> the named one; "..., with one poster writing" -> a source affiliated
  like the group it is one of;
* otherwise a new entity (ids "S1", "S2", ...): an anonymous source (descriptor, affiliation,
  location), a group ("experts", "residents"), a person, or an organisation.

Recipients ("told RFA’s Korean Service") resolve the same way, creating a media or
organisation entity when the actors component found none.  An unnamed person who hands material
to a news outlet ("someone who gave it to the Post") is an anonymous source too, and a lone
misspelt surname ("Ms Jonhston" after "Ann Johnston") is merged into the person it names.
Lexicon: ``lexicons/sources.yaml``.
"""
from __future__ import annotations

import bisect
import re
from difflib import SequenceMatcher
from pathlib import Path

import yaml
from spacy.language import Language

from provkg.loaders.extraction import Entity, Span, doc_text, state

DEFAULT_LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "sources.yaml"
USER_KEY = "provkg_attr"
PERSONAL = {"person", "anonymous_source"}
COLLECTIVE = {"group", "anonymous_source", "government", "security", "media", "organization", "country"}
INSTITUTION = {"government", "security", "media", "organization", "country"}
# not "familiar with": its object is a topic ("familiar with the matter"), not an affiliation
AFFILIATION_PREPS = ("connected to", "close to", "linked to", "affiliated with", "inside", "within", "with", "at",
                     "for")
# prepositions that give an affiliation only right after the head noun ("a spokesman for the ministry", not "a
# resident who voted for the mayor")
HEAD_ONLY_PREPS = {"for"}
MEDIA_HEADS = {"service", "news", "agency", "newspaper", "radio", "television", "outlet", "channel", "magazine",
               "daily", "times", "post", "press", "network", "reporters", "journalists"}
# third-person pronouns: "I", "we" and "you" in a quote are its speaker or the writer, not a clause's subject
THIRD_PERSON = {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their"}
NUMERIC_ENTS = {"CARDINAL", "ORDINAL", "DATE", "TIME", "QUANTITY", "PERCENT", "MONEY"}
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
        # plural noun -> the nouns that name the same group within one article
        self.same_group = {w: frozenset(ws) for ws in [self.population] + (lex.get("interchangeable_groups") or [])
                           for w in ws}
        self.work_heads = set(lex.get("work_heads") or [])
        self.named_works = set(lex.get("named_works") or [])
        self.provider_verbs = set(lex.get("provider_verbs") or [])
        self.source_qualifiers = tuple(lex.get("source_qualifiers") or ())
        self.body_kinds = {w: kind for kind, ws in (lex.get("body_kinds") or {}).items() for w in ws}
        # "the city" may be named "Municipality of X" or "X City Council"
        self.body_words = {w: (w, *ws) for w, ws in (lex.get("body_synonyms") or {}).items()}
        self.residence_verbs = set(lex.get("residence_verbs") or [])
        self.residence_heads = set(lex.get("residence_heads") or [])
        self.naming_verbs = set(lex.get("naming_verbs") or [])
        self.body_heads = set(lex.get("body_heads") or [])
        self.whole_state = set(lex.get("whole_state_words") or [])
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
        # Doc.text joins every token in Python: compute it once per document and share it
        text = self._text = doc_text(doc)
        extra = doc.user_data.get(USER_KEY, {})
        self._merge_same_name(ext)
        self._merge_misspelt_surnames(ext)
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

        def entity_at(a: int, b: int, head_char: int | None, within: bool = False):
            """Entity whose mention covers the head character (or best overlaps [a, b); lies inside it if within)."""
            k = bisect.bisect_right(starts, b) - 1
            best, best_len = None, -1
            lo = max(0, k - 60)
            for i in range(k, lo - 1, -1):
                s, e, eid = rows[i]
                if e <= a and s < a - 400:
                    break
                if not (s < b and a < e) or within and not (a <= s and e <= b):
                    continue
                ent = by_id.get(eid)
                if ent is None or ent.kind == "place":
                    continue
                if head_char is not None and not (s <= head_char < e):
                    continue
                if e - s > best_len:
                    best, best_len = eid, e - s
            return best

        def latest_entity(before: int, kinds: set[str], word: str | None = None, plural_ok=None, gender=None,
                          name_heads: set[str] | None = None):
            k = bisect.bisect_left(starts, before) - 1
            lo = max(0, k - 400)
            # the word, or a name for the same body ("the city" -> "Municipality of X")
            named = re.compile(r"\b(?:" + "|".join(map(re.escape, self.body_words.get(word, (word,)))) + r")\b") \
                if word else None
            for i in range(k, lo - 1, -1):
                s, e, eid = rows[i]
                ent = by_id.get(eid)
                if ent is None or ent.kind not in kinds:
                    continue
                if name_heads is not None and self._name_head(ent.name)[1] not in name_heads:
                    continue
                if gender and self._gender.get(eid, gender) != gender:
                    continue
                if named and not named.search(" ".join((ent.name or "", ent.descriptor or "", text[s:e])).lower()):
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
            if att.source is None:
                att.source = self._unparsed_speaker(doc, att, info)
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
        # a body this component made from a bare description ("The ministry said ...") is that description
        # wherever else the article uses it and no actor stands there: "The ministry ordered police to ...", so that
        # what it ordered has an issuer
        for e in [e for e in ext.entities if e.id.startswith("S") and e.kind in INSTITUTION and e.name.islower()
                  and " " not in e.name]:
            for t in doc:
                if t.lower_ == e.name and t.i > 0 and doc[t.i - 1].lower_ == "the" and doc[t.i - 1].head.i == t.i and \
                        not any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in t.children) and \
                        entity_at(doc[t.i - 1].idx, t.idx + len(t), t.idx) is None:
                    add_mention(e.id, Span(doc[t.i - 1].idx, t.idx + len(t)))
            e.mentions.sort(key=lambda m: m.start)
        # news outlets: media entities, and bodies with a name like "CBC News"
        outlets = [e for e in ext.entities if e.kind == "media" or e.kind == "organization" and any(
            text[m.start:m.end].rsplit(" ", 1)[-1].lower() in MEDIA_HEADS for m in e.mentions)]
        for e in outlets:
            for m in list(e.mentions):
                self._provider(doc, m, entity_at, latest_place, new_id, add_entity)
        return doc

    def _provider(self, doc, mention, entity_at, latest_place, new_id, add_entity):
        """An unnamed person who hands material to a news outlet is an anonymous source (made here if no entity):
        'the file was found by someone who gave it to the Post', 'papers leaked to the Post by an insider'."""
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "to":
            return
        verb = span.root.head.head
        if verb.lemma_.lower() not in self.provider_verbs:
            return
        giver = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if giver is not None and giver.lower_ in self.relative and verb.dep_ == "relcl":
            giver = verb.head  # "someone who gave it to the Post"
        elif giver is None or giver.dep_ == "nsubjpass":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            giver = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if giver is None or not (giver.lower_ in self.indefinite_people or giver.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in giver.children)):
            return
        if entity_at(giver.idx, giver.idx + len(giver), giver.idx) is not None:
            return
        # the descriptor runs to the outlet's name: "someone who gave it to the Post" (not "... today")
        end = span.end if giver.i < span.start <= giver.right_edge.i else giver.right_edge.i + 1
        phrase = doc[giver.left_edge.i:end]
        e = self._new_anon(doc, doc[giver.left_edge.i:giver.i + 1], giver, latest_place, new_id, False)
        e.mentions.append(Span(phrase.start_char, phrase.end_char))
        add_entity(e)

    @staticmethod
    def _unparsed_speaker(doc, att, info):
        """The speaker of a cue whose subject the parse missed: '"...", added KCNA' (the name after the cue,
        parsed as the head the cue modifies), 'Speaking in his defence, Tom Reyes, QC, said' (a name just before
        the cue, with only an apposition between)."""
        cue = doc[info["cue_tok"]] if info.get("cue_tok") is not None else None
        if cue is None or cue.pos_ != "VERB":
            return None
        taken = [s for s in (att.content, att.content_2) if s is not None]
        sent = cue.sent

        def np(tok):
            lo = tok.left_edge.i if tok.left_edge.i > cue.i or tok.i < cue.i else cue.i + 1
            first = next((t for t in doc[lo:tok.i + 1] if t.pos_ in ("PROPN", "NOUN", "DET", "ADJ")), tok)
            sp = Span(first.idx, tok.idx + len(tok))
            return None if any(sp.start < c.end and c.start < sp.end for c in taken) else sp

        # '"...", added KCNA.': after a quote, the name right after the cue (parsed as its object or as the head
        # the cue modifies)
        nxt = doc[cue.i + 1] if cue.i + 1 < sent.end else None
        if nxt is not None and cue.i > sent.start and doc[cue.i - 1].is_punct and nxt.pos_ == "PROPN":
            name = nxt.head if nxt.dep_ == "compound" else nxt
            if name.head.i == cue.i or cue.head.i == name.i:
                return np(name)
        # 'Tom Reyes, QC, said': a named person or body ending just before the cue, apposition and commas between
        for ent in reversed([e for e in doc.ents if sent.start <= e.start and e.end <= cue.i]):
            between = doc[ent.end:cue.i]
            if len(between) > 6 or not all(t.is_punct or t.dep_ == "appos" or t.head.dep_ == "appos" for t in between):
                break
            if ent.root.dep_ == "appos":
                continue  # "SC" in "Tom Reyes, SC, said"
            if ent.label_ in ("PERSON", "ORG", "NORP") and ent.root.dep_ not in ("pobj", "dobj", "poss"):
                return np(ent.root)
            break
        return None

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
    def _outlet_named(by_id, name: str) -> str | None:
        """The id of the news outlet called ``name`` (or with it as an alias), else None."""
        low = name.lower()
        return next((e.id for e in by_id.values() if e.kind == "media" and
                     low in (n.lower() for n in (e.name, *e.aliases))), None)

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
        # "the post by an unknown author", "a statement by the ministry", "its statement", "the ministry's
        # report", "the Home Office letter": the author speaks
        document = low in self.document_heads or head.lemma_.lower() in self.document_heads  # "reports", "polls"
        if low in self.writing_heads or document:
            by = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "by"), None) or next(
                (g for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" for g in c.children
                 if g.dep_ == "agent"), None)  # "figures published by the commission"
            names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            author = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else \
                next((c for c in head.children if c.dep_ == "poss"), None) or (names[-1] if names else None)
            if author is not None:
                head, span_doc = author, doc[min(author.left_edge.i, names[0].i if names else author.i):author.i + 1]
                low, words = head.lower_, [t.lower_ for t in span_doc]
                src = Span(span_doc.start_char, span_doc.end_char)
                document = False
        # "one of the sources, a factory employee": the description in apposition says who
        gloss = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None) \
            if low == "one" else None
        if gloss is not None:
            head, span_doc = gloss, doc[gloss.left_edge.i:gloss.i + 1]
            low, words = head.lower_, [t.lower_ for t in span_doc]
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
        # 'a user called "Nemo"', 'a group known as X': the named one speaks
        called = self._called(head) if head.pos_ == "NOUN" else None
        if called is not None:
            eid = entity_at(called.start_char, called.end_char, called.root.idx)
            if eid is not None:
                return eid
            kind = "organization" if low in self.body_heads else "person"
            e = Entity(id=new_id(), kind=kind, name=called.text, mentions=[Span(called.start_char, called.end_char)])
            self._heads[e.id] = "name:" + called.text.lower()
            add_entity(e)
            return e.id
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
            if ent is not None and ent.kind in ("group", "anonymous_source") and head.tag_ in ("NNS", "NNPS"):
                plural.add(eid)  # "officials said": later "they" may refer to them
            if ent is not None and ent.kind == "group":
                return self._same_group(ent, by_id, low) or eid
            return eid
        # "One supporter said ... Another said ...": one more unnamed source like the one quoted last
        if low == "another" and len(span_doc) == 1 and created_anon:
            like = max(created_anon, key=lambda e: last_ref.get(e.id, -1))
            e = Entity(id=new_id(), kind="anonymous_source", name=f"another {self._heads[like.id]}", mentions=[],
                       anonymous=True, descriptor=span_doc.text)
            self._heads[e.id] = self._heads[like.id]
            add_entity(e)
            created_anon.append(e)
            return e.id
        # 2. pronouns
        if head.pos_ == "PRON" or low in self.person_pron | self.plural_pron | self.thing_pron:
            return self._pronoun(low, att, by_id, prev_speakers, latest_entity, plural, entity_at, head)
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
                if low in self.source_heads and not is_plural:
                    # "a resident of Hyesan told RFA ... the source said": the unnamed person quoted last
                    cand = sorted((e for e in created_anon if e.id not in plural), key=lambda e: last_ref.get(e.id, -1))
                    if cand:
                        return cand[-1].id
            elif definite and ordinal is not None:
                # "the second source": the one introduced as "a second source", else the second one quoted
                word = next(w for w in words if w in self.ordinals)
                named = [e for e in same_head if word in (e.descriptor or "").lower().split()]
                if named:
                    return named[-1].id
                if len(same_head) >= ordinal:
                    return same_head[ordinal - 1].id
            if low in self.source_heads or anon_marker or not definite or low in ("official", "officials"):
                # "people familiar with the talks", "residents close to the site": qualified as sources, not a group
                qualified = any(q in span_doc.text.lower() for q in self.source_qualifiers)
                if low in self.group_heads and not (low in self.source_heads or anon_marker or qualified) and is_plural:
                    return self._group(doc, span_doc, head, created_anon, by_id, new_id, add_entity, plural)
                org = self._role_org(doc, span_doc, head) if low in self.role_heads else None
                in_front = org is not None and low in self.source_heads and \
                    org[0] in text[span_doc.start_char:head.idx]
                outlet = self._outlet_named(by_id, org[0]) if in_front else None
                if outlet is not None:
                    # "a Daily NK source": the outlet the source talks to, not the body the source belongs to
                    org = None
                    att.recipient_entity = att.recipient_entity or outlet
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
                named_again = re.search(r"\bthe (\w+)$", span_doc.text.lower())  # "an official at the ministry"
                body = latest_entity(src.start, INSTITUTION, named_again.group(1)) if named_again else None
                # "a resident of Hyesan": a place, not a body (whatever NER called it, for a resident or a native)
                org_place = org is not None and (org[1] in ("GPE", "LOC") or low in self.residence_heads)
                e = self._new_anon(doc, span_doc, head, latest_place, new_id, is_plural,
                                   org_name=org[0] if org is not None and not org_place else None,
                                   body_name=by_id[body].name if body is not None else None)
                if org_place and e.location is None:
                    e.location = org[0]
                add_entity(e)
                created_anon.append(e)
                if is_plural:
                    plural.add(e.id)
                return e.id
        # "someone", "a teacher", "one poster", "Thomas' sister", "posts on the message board": an unnamed
        # individual (or unknown authors) used as a source
        possessed = head.pos_ == "NOUN" and low in self.kin_heads and any(c.dep_ == "poss" for c in head.children) \
            and not any(t.pos_ == "PROPN" and t.i > head.i for t in span_doc)  # "His father Mohamed ..." is named
        # "the report says": the study or report named earlier ("the National Diet Study")
        if definite and low in self.named_works:
            eid = latest_entity(src.start, INSTITUTION, name_heads=self.named_works)
            if eid is not None:
                return eid
        if document and low not in self.writing_heads:
            return None  # "a leaked letter", "a new study": a document, not an unnamed speaker
        if low in self.indefinite_people or possessed or low in self.writing_heads and not definite or \
                (head.pos_ == "NOUN" and not is_plural and words[0] in ("a", "an", "one") and low not in self.group_heads):
            e = self._new_anon(doc, span_doc, head, latest_place, new_id, is_plural)
            add_entity(e)
            created_anon.append(e)
            return e.id
        # "the man", "the woman": the unnamed source last quoted who may be one (a named person is called by name;
        # "the man" after "Jeb Bush" is someone new)
        if definite and head.pos_ == "NOUN" and not is_plural and low in self.male_nouns | self.female_nouns:
            eid = latest_entity(src.start, {"anonymous_source"}, gender="f" if low in self.female_nouns else "m",
                                plural_ok=False)
            if eid is not None:
                return eid
        # "the ministry", "the spokesman", "the company": latest entity with that word
        owned_body = low in self.body_kinds and any(c.dep_ == "poss" for c in head.children)  # "Sand's party"
        if (definite or owned_body) and head.pos_ == "NOUN":
            eid = latest_entity(src.start, INSTITUTION | PERSONAL | {"group"}, low)
            if eid is not None:
                return eid
            # "the company" after "Acme Corp": the latest body of that kind; none yet ("the army said"): a new one
            kind = self.body_kinds.get(low)
            if kind is not None:
                # (but "the meteorological office" is a body of its own, not the latest office)
                described = any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in head.children)
                # (the state as a whole is none of its ministries: "The government denied ..." after "the Ministry of
                # State Security")
                eid = latest_entity(src.start, {kind}) if not described and low not in self.whole_state else None
                if eid is not None:
                    return eid
                lead = next(t for t in span_doc if t.lower_ not in DETERMINERS)
                e = Entity(id=new_id(), kind=kind, name=text[lead.idx:head.idx + len(head)], mentions=[])
                add_entity(e)
                return e.id
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

    @staticmethod
    def _merge_misspelt_surnames(ext):
        """A lone surname that matches no full name but is a near-spelling of exactly one earlier person's
        surname ("Ms Jonhston" after "Ann Johnston") is that person, misspelt."""
        full = [e for e in ext.entities if e.kind == "person" and len((e.name or "").split()) > 1 and e.mentions]
        surnames = {e.name.split()[-1].lower() for e in full}
        drop = set()
        for e in ext.entities:
            low = (e.name or "").lower()
            if e.kind != "person" or " " in low or len(low) < 5 or low in surnames or not e.mentions:
                continue
            first = min(m.start for m in e.mentions)
            near = [f for f in full if min(m.start for m in f.mentions) < first and
                    SequenceMatcher(None, low, f.name.split()[-1].lower()).ratio() >= 0.85]
            if len(near) == 1:
                near[0].mentions.extend(m for m in e.mentions if m not in near[0].mentions)
                near[0].mentions.sort(key=lambda m: m.start)
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
        rest = doc[last.end:span_doc.end]
        # "the Ambassador to the United States Hamdullah Mohib": a name right after another name, without a
        # word between them, is the title's holder even though the parser hangs it inside the phrase
        if last.start > span_doc.start and doc[last.start - 1].ent_type_ not in ("", "PERSON") and \
                all(t.is_punct for t in rest):
            return last
        if r.dep_ == "pobj" or r.head.dep_ in ("prep", "agent"):
            return None  # "the wife of John Smith": the wife speaks
        node = r
        while node.i != head.i and node.head.i != node.i:
            if node.dep_ in ("pobj", "prep", "agent"):
                return None  # "a trader at the Dunmore market": a name inside a place phrase is not the speaker
            node = node.head
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
        """('Scientology', 'ORG') for 'Scientology officials' / 'officials of the X party' (not the place in
        'a diplomat in Beijing', nor the 'second' of 'a second source')."""
        for t in span_doc:
            if t.i == head.i:
                continue
            if (t.head.i == head.i and t.dep_ in ("compound", "amod", "nmod", "poss")) or \
                    (t.dep_ == "pobj" and t.head.head.i == head.i and t.head.lower_ != "in"):
                if t.pos_ == "PROPN" or t.ent_type_ and t.ent_type_ not in NUMERIC_ENTS:
                    first = t
                    while first.i - 1 >= span_doc.start and doc[first.i - 1].dep_ == "compound" and \
                            doc[first.i - 1].pos_ == "PROPN":
                        first = doc[first.i - 1]
                    owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                    if owner is not None and owner.left_edge.i >= span_doc.start:  # "the Workers' Party"
                        first = next(x for x in owner.subtree if x.lower_ not in DETERMINERS)
                    txt = doc[first.i:t.i + 1].text
                    txt = re.sub(r"(\u2019s|'s)$", "", txt)
                    return txt, t.ent_type_ or "ORG"
                if t.dep_ == "pobj":
                    toks = [x for x in doc[t.left_edge.i:t.i + 1] if x.lower_ not in DETERMINERS]
                    return " ".join(x.text for x in toks), t.ent_type_ or "ORG"
        return None

    @staticmethod
    def _name_head(name):
        """(capitalised modifiers, lower-case head word) of a name: "Mexican residents of the town" ->
        ({'Mexican'}, 'residents'), "the Northern Diet Study on Monday" -> ({'Northern', 'Diet'}, 'study')."""
        words = re.split(r"\s+(?:of|in|at|from|on|for|with)\s+", name or "", maxsplit=1)[0].split()
        if not words:
            return set(), ""
        return {w for w in words[:-1] if w[:1].isupper()}, words[-1].lower()

    def _same_group(self, ent, by_id, low):
        """'citizens', 'the people', 'residents' in one article: one population group; 'researchers' and
        'the report's authors': one group of authors (the one mentioned most, then first)."""
        same = self.same_group.get(low, ())
        caps_a, head_a = self._name_head(ent.name)
        if head_a not in same:
            return None
        best, best_start = None, None
        for e in by_id.values():
            if e.kind != "group" or e is ent or not e.mentions:
                continue
            caps_b, head_b = self._name_head(e.name)
            # the heads must name the same group, and capitalised modifiers agree ("Mexican residents" is not
            # "US citizens")
            if head_b not in same or caps_a and caps_b and caps_a != caps_b:
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

    def _pronoun(self, low, att, by_id, prev_speakers, latest_entity, plural, entity_at, pron=None):
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

        def fits(eid, institution_ok=True):
            e = by_id.get(eid)
            if e is None or e.kind not in kinds:
                return False
            if want_gender and self._gender.get(eid, want_gender) != want_gender:
                return False
            is_pl = eid in plural or e.kind == "group"
            if want_plural is False and is_pl:
                return False
            return not (want_plural is True and not is_pl and not (institution_ok and e.kind in INSTITUTION))

        # "an architect who said": a relative pronoun stands for the noun its clause hangs on
        if pron is not None and low in self.relative and pron.head.dep_ == "relcl":
            ant = pron.head.head
            eid = entity_at(ant.left_edge.idx, ant.idx + len(ant), ant.idx)
            if eid is not None:
                return eid
        # "Officials went to the station, where they claimed ...": the subject of a governing clause in the
        # same sentence (or, if it does not fit, that subject's possessor) is the most salient antecedent
        elif pron is not None and low in THIRD_PERSON:
            for cand in self._clause_subjects(pron):
                # the mention inside the candidate's phrase: "Thomas" in "Thomas' sister", not the sister
                end = cand.doc[cand.right_edge.i]
                eid = entity_at(cand.left_edge.idx, end.idx + len(end), cand.idx, within=True)
                if eid is not None and fits(eid):
                    return eid
        recent = [eid for _, eid in reversed(prev_speakers[-6:])]
        # "they" prefers a recent plural speaker (researchers, officials) to a body named in the singular
        for eid in recent:
            if fits(eid, institution_ok=False):
                return eid
        for eid in recent:
            if fits(eid):
                return eid
        return latest_entity(att.cue.start, kinds, None, want_plural if kinds != INSTITUTION else None, want_gender)

    def _called(self, head):
        """The name in 'a user called "Nemo"', 'a group known as the Crew' (without the quotes), else None."""
        for verb in head.children:
            if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_.lower() not in self.naming_verbs:
                continue
            name = next((c for c in verb.children if c.dep_ in ("oprd", "attr", "dobj", "npadvmod")), None)
            if name is None:  # "known as X"
                prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
                name = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if name is None or name.pos_ != "PROPN":
                continue
            toks = [t for t in name.doc[name.left_edge.i:name.right_edge.i + 1] if not t.is_quote]
            toks = [t for t in toks if not (t.lower_ in DETERMINERS and t.i == toks[0].i)]
            if toks:
                return name.doc[toks[0].i:toks[-1].i + 1]
        return None

    @staticmethod
    def _clause_subjects(pron):
        """Subjects (then their possessors) of the clauses governing the pronoun's clause, nearest first,
        left of the pronoun: "[Officials] went to the station, where they claimed ..."."""
        out = []
        node = pron.head
        while node.head.i != node.i:
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < pron.i:
                    out.append(c)
                    out.extend(p for p in c.children if p.dep_ == "poss" and p.pos_ != "PRON")
        return out

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
                caps, noun = self._name_head(e.name)
                if noun in self.population and not caps:
                    return e.id
        name = " ".join(t.text for t in doc[span_doc.start:span_doc.end] if t.lower_ not in DETERMINERS or t.i > head.i)
        e = Entity(id=new_id(), kind="group", name=name.strip() or head.text, mentions=[])
        self._heads[e.id] = lemma
        add_entity(e)
        plural.add(e.id)
        return e.id

    @staticmethod
    def _affiliation(words):
        """('judicial system', 'connected to') for the words after a source's head noun, else (None, None)."""
        for prep in AFFILIATION_PREPS:
            m = re.search(("^" if prep in HEAD_ONLY_PREPS else r"(?<!familiar )\b") + re.escape(prep) +
                          r"\s+(?:the\s+|a\s+|an\s+)?(.+?)(?=\s+(?:in|at|there|who|which|from)\b|,|$)", words, flags=re.I)
            if m and not m.group(1).lower().startswith(("knowledge", "direct knowledge")):  # "with knowledge of"
                return m.group(1).strip(), prep
        return None, None

    @staticmethod
    def _member_of(head):
        """The group an individual is one of: the plural subject of the clause that the individual's 'with'
        phrase hangs on ('Critics at the forum objected, with one poster writing ...')."""
        verb = head.head
        if head.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ not in ("pcomp", "pobj") or verb.head.lower_ != "with":
            return None
        node = verb.head
        while node.head.i != node.i:  # the parser may hang the 'with' phrase on a later verb: climb to the clause
            node = node.head
            group = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NNS", "NNPS")
                          and c.i < head.i), None)
            if group is not None:
                return group
        return None

    def _new_anon(self, doc, span_doc, head, latest_place, new_id, is_plural, org_name: str | None = None,
                  body_name: str | None = None):
        """A new anonymous source from its phrase: descriptor, affiliation ("connected to the judicial system",
        ``org_name`` from a name in front, ``body_name`` for a body the phrase names again: "an official at the
        ministry" after "the Ministry of Unification") and location."""
        text = self._text
        desc = text[span_doc.start_char:span_doc.end_char]
        location = None
        # affiliation: "connected to the judicial system", "close to the leadership"; for one member of a group
        # ("..., with one poster writing"), the group's
        tail = doc[head.i + 1:span_doc.end]
        ttxt = tail.text
        affiliation, prep_phrase = self._affiliation(ttxt)
        if affiliation is not None and body_name is not None and affiliation.lower() == ttxt.split()[-1].lower():
            affiliation = body_name  # "an official at the ministry": the ministry named before
        member_of = self._member_of(head) if affiliation is None and not is_plural else None
        if member_of is not None:
            affiliation, prep_phrase = self._affiliation(doc[member_of.i + 1:member_of.right_edge.i + 1].text)
        # location: a place entity/GPE in the phrase, or "there"/"in the country" -> latest place before
        for ent in doc.ents:
            if ent.start >= span_doc.start and ent.end <= span_doc.end and ent.label_ in ("GPE", "LOC"):
                location = re.sub(r"\s*(\u2019s|'s)$", "", ent.text)  # "South Korea's Unification Ministry"
        if location is None:
            # proper nouns after "of"/"in" inside the phrase
            props = [t for t in tail if t.pos_ == "PROPN" and t.ent_type_ not in NUMERIC_ENTS]  # not "from Friday"
            if props and props[-1].dep_ in ("pobj", "compound") or (props and props[-1].head.dep_ == "pobj"):
                last = props[-1]
                first = last
                while first.i - 1 >= tail.start and doc[first.i - 1].pos_ == "PROPN":
                    first = doc[first.i - 1]
                owner = next((c for c in last.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                if owner is not None and owner.i >= tail.start:  # "the Workers' Party"
                    first = owner
                proper = doc[first.i:last.i + 1].text
                prep = first.head if first.dep_ == "pobj" else last.head
                # (a one-word name after "in" is a town the model took for a body: "a trader in Musan"; not an
                # acronym, "an official in KCNA")
                based = prep.dep_ == "prep" and prep.head.lemma_.lower() in self.residence_verbs or \
                    head.lemma_.lower() in self.residence_heads or \
                    prep.lower_ == "in" and first.i == last.i and not last.text.isupper()
                if last.ent_type_ in ("ORG", "NORP") and affiliation is None and not based:
                    # "posts on the site Example Forum" (but "a smuggler based in Musan": a place)
                    affiliation, prep_phrase = proper, "at"
                elif not (affiliation or "").endswith(proper):  # (not the "Party" of "at the Workers' Party")
                    location = proper
        if location is None:
            low_tail = ttxt.lower()
            if re.search(r"\bthere\b|\bin the (country|area|region|province|city|town|county)\b", low_tail) or \
                    re.search(r"\bthere\b", text[span_doc.end_char:span_doc.end_char + 30].lower()):
                location = latest_place(span_doc.start_char)
        if affiliation is None and org_name is not None and org_name != location:  # "Scientology officials"
            affiliation, prep_phrase = org_name, "at"
        lead = next(t for t in doc[span_doc.start:head.i + 1] if not (t.lower_ in DETERMINERS and t.i < head.i))
        name = text[lead.idx:head.idx + len(head)]  # "Thomas' sister", spacing as written
        if lead.lower_ == "another":
            name = "another" + name[len(lead.text):]  # "Another source, a trader in Musan,": "another source in Musan"
        if affiliation:
            name += f" {prep_phrase} {'the ' if prep_phrase in ('connected to', 'close to', 'linked to', 'inside', 'within') else ''}{affiliation}"
        elif ttxt.lower().startswith(self.source_qualifiers):  # "people familiar with the talks"
            name += " " + re.split(r",|\s+(?:who|which)\s", ttxt)[0]
        if location and location not in (affiliation or ""):  # not "official at Seoul's ministry in Seoul"
            name += f" in {location}"
        e = Entity(id=new_id(), kind="anonymous_source", name=name, mentions=[], anonymous=True,
                   descriptor=desc, affiliation=affiliation, location=location)
        self._heads[e.id] = head.lower_
        return e


@Language.factory("provkg_sources", default_config={"lexicon": None})
def make_sources(nlp, name: str, lexicon: str | None = None):
    return SourcesComponent(nlp, name, lexicon)
