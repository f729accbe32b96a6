"""provkg_actors: every actor in the article, with kind, all mentions and relations.

Mentions come from four general sources, never from a list of names:

* spaCy's named entities (PERSON, ORG, GPE, NORP, ...), re-checked and re-kinded from their words;
* proper-name institution phrases the small model misses ("Ministry of X", "X Center", "X News"),
  found by a Matcher over capitalised tokens ending in an institution head from the lexicon;
* definite descriptions with an institution head ("the ministry", "the police", "the authorities",
  "the provincial security bureau") and plural collective nouns ("residents", "critics");
* acronyms: "Radio Free Asia" and "RFA" are one entity (initials), as is "Korean Central News
  Agency (KCNA)".

Relations: ``part_of`` from possessives with a sub-unit head ("RFA's Korean Service"),
``run_by`` from "X, ... run by the Y", ``located_in`` from "the Y-based X" and "the X in Y".
Places get kind ``place`` (they are not actors, but other components use them for locations).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import Matcher

from provkg.loaders.extraction import Entity, Span, doc_text, state

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "actors.yaml"
_DETS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
         "your", "some", "many", "most", "all", "both", "each", "every", "several", "other", "any", "such",
         "no", "few", "more", "much"}
_SUBUNIT = {"service", "desk", "bureau", "section", "department", "division", "unit", "branch", "office",
            "chapter", "wing", "arm", "programme", "program", "school", "faculty", "team", "board", "panel",
            "committee", "commission", "council", "sea", "org"}
_QUOTE_CHARS = "\"'“”‘’"


_POSSESSIVE = re.compile(r"'s\b")
_NON_WORD = re.compile(r"[^\w\s]")


@lru_cache(maxsize=4096)  # entity names are compared pairwise, so the same names are normalised again and again
def _norm(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text)
    return " ".join(w for w in text.split() if w not in ("the", "a", "an"))


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", text) if w and w[0].isalpha()]
    return "".join(w[0] for w in words if w[0].isupper())


def _all_initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", text) if w and w[0].isalpha()]
    return "".join(w[0].upper() for w in words if w.lower() not in ("of", "the", "and", "for", "&", "in", "on"))


def _compatible_given(a: str, b: str) -> bool:
    """Two full names with one surname are one person only if their other words agree: the shorter
    name's given names are among the longer's, or are their initials ("J. Smith", "John Paul Smith");
    "Ben Chan" and "Gary Chan" are two people."""
    wa, wb = [w.strip(".").lower() for w in a.split()[:-1]], [w.strip(".").lower() for w in b.split()[:-1]]
    if len(wa) > len(wb):
        wa, wb = wb, wa
    return all(any(x == y or len(x) == 1 and y.startswith(x) for y in wb) for x in wa)


def _is_acronym(word: str) -> bool:
    core = word.replace(".", "")
    return 2 <= len(core) <= 8 and core.isupper() and core.isalpha()


class ActorsComponent:
    def __init__(self, nlp, name: str, lexicon: str | None = None):
        self.name = name
        lex = yaml.safe_load(Path(lexicon or LEXICON).read_text(encoding="utf-8"))
        self.heads: dict[str, str] = {}
        for kind in ("organization", "media", "government", "security"):  # later kinds win
            for word in lex["heads"][kind]:
                self.heads[word] = kind
        self.media_words = set(lex["media_words"])
        self.security_words = set(lex["security_words"])
        self.government_words = set(lex["government_words"])
        # description word -> the kinds it may refer back to, the first also the kind of a new body it names
        self.descriptions: dict[str, list[str]] = {}
        for kind, words in lex["descriptions"].items():
            for word in words:
                self.descriptions.setdefault(word, []).append(kind)
        self.groups = set(lex["groups"])
        self.place_preps = set(lex.get("place_preps") or [])
        self.place_of_heads = set(lex.get("place_of_heads") or [])
        self.not_actors = set(lex["not_actors"])
        self.titles = set(lex["titles"])
        self.countries = set(lex["countries"])
        self.country_aliases = {alias: _norm(name) for alias, name in lex["country_aliases"].items()}
        self.religions = set(lex.get("religions", []))
        self.place_nouns = set(lex["place_nouns"])
        self.business_nouns = set(lex.get("business_nouns") or [])
        single_heads = sorted({h for h in self.heads if " " not in h})
        self.matcher = Matcher(nlp.vocab)
        cap = {"IS_TITLE": True}
        capish = {"TEXT": {"REGEX": r"^[A-Z0-9][\w.&'’\-]*$"}}
        head_title = {"LOWER": {"IN": single_heads}, "IS_TITLE": True}
        # "Stimson Center", "Irving Police Department", "Civil Defense Authority"
        self.matcher.add("INST", [[capish, {"TEXT": {"REGEX": r"^[A-Z0-9][\w.&'’\-]*$"}, "OP": "*"}, head_title]])
        # "Ministry of Social Security", "Church of Scientology", "Union of Rationalist Atheists and Agnostics"
        # (but not a day after "on": "told RFA's Korean Service on Monday")
        self.matcher.add("INST_OF", [[{"TEXT": {"REGEX": r"^[A-Z][\w.&'’\-]*$"}, "OP": "*"}, head_title,
                                      {"LOWER": {"IN": ["of", "for", "on"]}}, {"LOWER": "the", "OP": "?"},
                                      dict(cap, ENT_TYPE={"NOT_IN": ["DATE", "TIME"]}),
                                      {"TEXT": {"REGEX": r"^(?:[A-Z][\w.&'’\-]*|and|of|for|&|the)$"}, "OP": "*"}]])
        # "Daily NK news outlet", "Yonhap news agency", "al-Ikhbariya television"
        self.matcher.add("OUTLET", [[{"TEXT": {"REGEX": r"^[A-Z0-9][\w.&'’\-]*$"}, "OP": "+"},
                                     {"LOWER": {"IN": ["news", "state", "online", "media"]}, "OP": "?"},
                                     {"LOWER": {"IN": ["outlet", "agency", "site", "website", "newspaper", "television",
                                                       "radio", "magazine", "broadcaster", "channel", "daily",
                                                       "think", "publication", "portal"]}},
                                     {"LOWER": "tank", "OP": "?"}]])

    # ------------------------------------------------------------------ kinds
    def kind_of(self, text: str, label: str | None = None) -> str | None:
        low = _norm(text)
        words = low.split()
        if not words:
            return None
        if low in self.not_actors or any(w in self.not_actors for w in words[:1]) and label != "PERSON":
            return None
        if re.search(r"\d", text) and label in ("PERSON",):
            return None
        if low in self.countries or low.replace(".", "") in self.countries:
            return "country"
        if len(words) == 1 and words[0] in self.groups and label != "PERSON":
            return "group"
        if label == "PERSON":
            if re.match(r"(?:pro|anti)-", text.lower()):
                return None  # a stance ("pro-Beijing"), not a name
            if any(_is_acronym(w) for w in text.split()) and len(words) > 1:
                pass  # "AMN Telegram": not a person; fall through to institution rules
            elif words[-1] in self.heads and words[-1] not in ("guard", "post", "star", "sun"):
                pass
            else:
                return "person"
        joined = " " + low + " "
        first_head = low.split(" of ")[0].split()[-1] if " of " in joined and low.split(" of ")[0].split() else words[-1]
        if first_head in ("ministry", "government", "council", "committee", "court", "parliament", "cabinet",
                          "commission", "municipality", "administration"):
            return "government"
        for w in self.security_words:
            if f" {w} " in joined:
                return "security"
        head = words[-1]
        if " of " in joined:
            head = low.split(" of ")[0].split()[-1] if low.split(" of ")[0].split() else head
        for w in self.media_words:
            if f" {w} " in joined:
                return "media"
        if head in self.heads:
            return self.heads[head]
        if len(words) > 1 and " ".join(words[-2:]) in self.heads:
            return self.heads[" ".join(words[-2:])]
        for w in self.government_words:
            if f" {w} " in joined:
                return "government"
        if label == "ORG":
            return "organization"
        if label in ("GPE", "LOC", "FAC"):
            return "place"
        return None

    # --------------------------------------------------------------- helpers
    def _strip(self, toks, start: int, end: int) -> tuple[int, int]:
        """Token range without leading determiners/punctuation and trailing possessive/punct."""
        while start < end and (toks[start].lower_ in _DETS or toks[start].is_punct):
            start += 1
        while end > start and (toks[end - 1].is_punct or toks[end - 1].tag_ == "POS" or
                               toks[end - 1].lower_ in ("'s", "’s", "and", "of", "the", "&", "for", "or") or
                               self._credit_label(toks, end - 1)):
            end -= 1
        return start, end

    def _cut_at_inner_article(self, toks, start: int, end: int) -> int:
        """A name the model ran into the next phrase ("According to Rathbun the Scientology property ...")
        ends before a lowercase "the" that no function word introduces ("Bank of the West" keeps it)."""
        for i in range(start + 1, end):
            if toks[i].text == "the" and not (toks[i - 1].is_lower or toks[i - 1].is_punct):
                return self._strip(toks, start, i)[1]
        return end

    @staticmethod
    def _hyphen_tail(toks, end: int) -> int:
        """A name the model cut at a hyphen ("Wong Yeung" of "Wong Yeung-tat") ends after the hyphenated part."""
        while end + 1 < len(toks) and toks[end].text == "-" and not toks[end - 1].whitespace_ \
                and not toks[end].whitespace_ and toks[end + 1].is_alpha and not toks[end + 1].ent_type_:
            end += 2
        return end

    @staticmethod
    def _credit_label(toks, i: int) -> bool:
        """A caption's credit label glued to a name by the model: "student Ahmed Smith Image: Reuters"."""
        return toks[i].lower_ in ("image", "photo", "picture", "video", "credit", "source", "file") and \
            i + 1 < len(toks) and toks[i + 1].text == ":"

    def _name_tokens(self, toks, start, end, kind):
        """The proper-name core of a mention: titles dropped for persons, X-based and generic heads dropped."""
        s, e = self._strip(toks, start, end)
        if kind == "person":
            while s < e - 1 and toks[s].lower_.strip(".") in self.titles:
                s += 1
        # drop "Seoul-based" / "U.S.-based"
        for i in range(s, e):
            if toks[i].lower_ == "based" and i > s and toks[i - 1].text == "-":
                s = i + 1
            elif toks[i].lower_.endswith("-based"):
                s = i + 1
        # drop trailing generic outlet words after a proper core ("Daily NK news outlet")
        # (only after a name: "the state news agency" keeps its words)
        proper = any(t.text[:1].isupper() and t.lower_ not in _DETS for t in toks[s:e])
        while proper and e - s > 1 and toks[e - 1].lower_ in ("outlet", "agency", "site", "website", "tank", "think",
                                                             "television", "newspaper", "news") and \
                toks[e - 2].lower_ != "of" and not toks[e - 1].is_title:
            e -= 1
        while proper and e - s > 1 and toks[e - 1].lower_ in ("think", "news", "state"):
            e -= 1
        return s, e

    # ------------------------------------------------------------------- run
    def __call__(self, doc):
        ext = state(doc)
        text = doc_text(doc)
        ignored = ext.ignored
        # every iteration over a Doc (and every doc[i]) makes new Token objects: the passes below share one list
        toks = list(doc)

        def skip(s, e):
            sp = Span(s, e)
            return any(r.overlaps(sp) for r in ignored)

        cands = []  # (tok_start, tok_end, kind, priority, source)
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "PRODUCT"):
                continue
            s, e = self._strip(toks, ent.start, ent.end)
            e = self._cut_at_inner_article(toks, s, e)
            if s >= e:
                continue
            if ent.label_ == "PERSON":
                e = self._hyphen_tail(toks, e)
            span_text = doc[s:e].text
            if ent.label_ == "NORP":
                # a plural nationality/religion noun used as a noun: "Muslims", "Bangladeshis"
                tok = toks[e - 1]
                if s > 0 and toks[s - 1].lower_ in ("a", "an", "every", "each", "another", "one", "other"):
                    continue  # one person: "like every other New Zealander"
                if tok.tag_ in ("NNPS", "NNS") or (tok.pos_ in ("PROPN", "NOUN") and tok.dep_ in
                                                   ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")):
                    cands.append((s, e, "group", 1, "norp"))
                continue
            if ent.label_ in ("WORK_OF_ART", "PRODUCT"):
                k = self.kind_of(span_text, "ORG")
                if k in ("media", "government", "security"):
                    cands.append((s, e, k, 1, "ner"))
                continue
            kind = self.kind_of(span_text, ent.label_)
            if kind is None:
                continue
            if kind in ("person", "organization"):
                # NER's guess between a person and a body yields to what the text calls the name: "The
                # manufacturer, Acme Labs," is a body, "Acme's chief executive, Jan Roe," a person
                kind = self._apposed_kind(toks, s, e) or kind
            if kind == "country" and ent.label_ in ("GPE", "LOC"):
                kind = "country" if self._acts(doc, s, e) else "place"
            cands.append((s, e, kind, 2 if ent.label_ == "PERSON" else 1, "ner"))
        for mid, s, e in self.matcher(doc):
            s2, e2 = self._strip(toks, s, e)
            if s2 >= e2 or doc[s2:e2].text.islower() or toks[s2].is_sent_start and toks[s2].pos_ != "PROPN" and \
                    doc[s2 + 1:e2].text.islower():
                continue  # only a sentence-initial word was capitalised: "The magazine said", "Health agency warns"
            span_text = doc[s2:e2].text
            if span_text.split()[0].lower() in self.titles and toks[s2].is_title and e2 - s2 <= 2:
                continue
            kind = self.kind_of(span_text, "ORG")
            if kind in (None, "place", "country"):
                continue
            cands.append((s2, e2, kind, 3, "inst"))
        # keep the longest candidate; drop ones nested in longer ones
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), -c[3]))
        chosen = []
        taken = set()
        for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), -c[3], c[0])):
            covered = set(range(c[0], c[1]))
            if covered & taken:
                continue
            if skip(toks[c[0]].idx, toks[c[1] - 1].idx + len(toks[c[1] - 1])):
                continue
            chosen.append(c)
            taken |= covered
        chosen.sort()

        entities: list[Entity] = []
        by_key: dict[str, Entity] = {}
        by_acronym: dict[str, Entity] = {}

        def add_mention(ent, s, e):
            sp = Span(toks[s].idx, toks[e - 1].idx + len(toks[e - 1]))
            if sp not in ent.mentions:
                ent.mentions.append(sp)

        def new_entity(kind, name):
            ent = Entity(id="", kind=kind, name=name)
            entities.append(ent)
            return ent

        def register(ent, key):
            if key:
                by_key.setdefault(key, ent)

        persons: list[Entity] = []
        for s, e, kind, _prio, src in chosen:
            paren = next((i for i in range(s + 1, e) if toks[i].text == "("), None)
            if paren is not None and not any(toks[i].text == ")" for i in range(paren, e)):
                e = paren  # NER took in half of "(WHO)": "The World Health Organisation (WHO"
            ns, ne = self._name_tokens(toks, s, e, kind)
            name = doc[ns:ne].text
            key = _norm(name)
            if not key:
                continue
            if kind in ("country", "place"):
                key = self.country_aliases.get(name.lower().replace(".", ""), key)  # "DPRK" is "North Korea"
            ent = by_key.get(key)
            if ent is None and ne - ns == 1 and kind != "country":
                # a bare surname, whatever NER called it: "Paris" after "Valeska Paris"
                for p in persons:
                    if len(p.name.split()) > 1 and key == _norm(p.name).split()[-1]:
                        ent = p
                        break
            if ent is None and kind == "person":
                last = _norm(name.split()[-1]).replace(" ", "-") if name.split() else key
                for p in persons:
                    pk = [_norm(w).replace(" ", "-") for w in p.name.split()]
                    if pk and (len(key.split()) == 1 and key in pk or last == pk[-1] and _compatible_given(name, p.name)):
                        ent = p
                        break
            if ent is None and _is_acronym(name.replace(" ", "")) and kind != "person":
                ent = by_acronym.get(name.replace(".", "").upper())
                if ent is not None and name not in ent.aliases:
                    ent.aliases.append(name)
            if ent is None and kind not in ("person", "country", "place", "group"):
                # "Interior Ministry" vs "Saudi Interior Ministry": same trailing proper words
                for other in entities:
                    ok = _norm(other.name)
                    if other.kind == kind and len(key.split()) >= 2 and (ok.endswith(" " + key) or key.endswith(" " + ok)) \
                            and len(ok.split()) >= 2:
                        ent = other
                        break
            if ent is None:
                ent = new_entity(kind, name)
                if kind == "person":
                    persons.append(ent)
                for ac in {_initials(name), _all_initials(name)}:
                    if len(ac) >= 2 and len(name.split()) >= 2:
                        by_acronym.setdefault(ac, ent)
                if _is_acronym(name.replace(" ", "")):
                    # an acronym before its expansion: let the expansion join later
                    by_acronym.setdefault(name.replace(".", "").upper(), ent)
            elif kind == "person" and len(key.split()) > len(_norm(ent.name).split()):
                ent.name = name
            elif ent.kind == "place" and kind == "country":
                ent.kind = "country"
            register(ent, key)
            add_mention(ent, s, e)
            if (ns, ne) != (s, e) and kind != "person":
                add_mention(ent, ns, ne)
            # "Korean Central News Agency (KCNA)"
            if e + 2 < len(doc) and toks[e].text == "(" and toks[e + 2].text == ")" and _is_acronym(toks[e + 1].text):
                ac = toks[e + 1].text
                if ac not in ent.aliases:
                    ent.aliases.append(ac)
                by_acronym[ac.replace(".", "").upper()] = ent
                register(ent, _norm(ac))
                add_mention(ent, e + 1, e + 2)

        # acronym merge pass: an acronym entity created before the full name was seen
        merged = {}
        for ent in entities:
            if ent.kind in ("person", "place", "country", "group"):
                continue
            if _is_acronym(ent.name.replace(" ", "")):
                full = next((o for o in entities if o is not ent and o.kind not in ("person", "place", "group")
                             and len(o.name.split()) >= 2 and ent.name.replace(".", "").upper()
                             in (_initials(o.name), _all_initials(o.name))), None)
                if full is not None:
                    merged[id(ent)] = full
                    full.mentions.extend(m for m in ent.mentions if m not in full.mentions)
                    if ent.name not in full.aliases:
                        full.aliases.append(ent.name)
        entities = [e for e in entities if id(e) not in merged]
        for k, v in list(by_key.items()):
            if id(v) in merged:
                by_key[k] = merged[id(v)]

        self._appositives(doc, toks, entities, taken, skip)
        self._title_mentions(doc, toks, entities, taken, skip)
        self._affiliations(doc, toks, entities, by_key, taken, skip)
        # acronym mentions elsewhere in the text ("RFA" alone, not tagged by NER)
        self._acronym_mentions(toks, entities, taken, skip)
        self._coordinated(doc, toks, entities, taken, skip)
        self._descriptions(doc, toks, entities, taken, skip)
        self._groups(doc, toks, entities, taken, skip)
        self._relations(doc, text, entities)
        self._own_outlet(doc, text, entities)

        entities = [e for e in entities if e.mentions and not self._not_actor(doc, e)]
        for e in entities:
            if self._place_called_org(doc, e):
                e.kind = "place"
        entities = self._merge_contained(entities)
        entities = [e for e in entities if not self._inert(doc, e)]
        for e in entities:
            e.mentions.sort()
        entities.sort(key=lambda e: e.mentions[0].start)
        for i, ent in enumerate(entities, 1):
            old = ent.id
            ent.id = f"E{i}"
            ent._old = old  # noqa: SLF001 (temporary, for relation remapping)
        idmap = {id(e): e.id for e in entities}
        for ent in entities:
            for attr in ("part_of", "run_by"):
                target = getattr(ent, attr)
                if isinstance(target, Entity):
                    setattr(ent, attr, idmap.get(id(target)))
            if hasattr(ent, "_old"):
                del ent._old
        ext.entities.extend(entities)
        return doc

    # ---------------------------------------------------------- false actors
    _IDEOLOGY = re.compile(r"(?:ism|isms|phobia|pathy|ity|ianity)$", re.I)

    def _not_actor(self, doc, ent) -> bool:
        """spaCy mislabels: religions and creeds, ideologies ("-isms"), and names that only occur
        as examples in a "such as" list (deities, works) are not actors."""
        if ent.kind in ("anonymous_source", "group", "country", "place"):
            return False
        words = _norm(ent.name).split()
        if len(words) == 1 and not ent.aliases:
            if words[0] in self.religions:
                return True
            if self._IDEOLOGY.search(words[0]) and ent.kind in ("organization", "person") and not ent.name.isupper():
                return True
        if ent.kind in ("person", "organization") and len(ent.mentions) == 1 and len(words) == 1:
            m = ent.mentions[0]
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for anc in span.root.ancestors:
                    if anc.lower_ == "as" and anc.i > 0 and doc[anc.i - 1].lower_ == "such":
                        return True
                    if anc.pos_ in ("VERB", "AUX"):
                        break
        return False

    # ------------------------------------------------------------- merging
    _ORGLIKE = ("organization", "government", "security", "media")

    def _head_word(self, key: str) -> str:
        words = key.split()
        if " of " in f" {key} ":
            pre = key.split(" of ")[0].split()
            if pre:
                return pre[-1]
        return words[-1]

    def _merge_contained(self, entities):
        """Near-duplicates within the article: a shorter institution name that is part of a longer
        one ("Supreme Court" in "Italian Supreme Court of Cassation", "Sheriff" in "LA Sheriff"),
        a bare head ("Church") or the "of" complement ("Scientology") of a "Head of X" name
        ("Church of Scientology"). The longer, named entity keeps all mentions."""
        named = [e for e in entities if e.kind in self._ORGLIKE and e.name[:1].isupper()]
        merged: dict[int, Entity] = {}
        for small in entities:
            if small.kind not in self._ORGLIKE or _is_acronym(small.name.replace(" ", "")):
                continue
            sk = _norm(small.name)
            sw = sk.split()
            if not sw:
                continue
            best = None
            for big in named:
                if big is small or id(big) in merged:
                    continue
                bk = _norm(big.name)
                bw = bk.split()
                if len(bw) <= len(sw):
                    continue
                head = self._head_word(bk)
                if head not in self.heads:
                    continue  # the longer name must itself be an institution ("Scientology officials" is not)
                inside = any(bw[i:i + len(sw)] == sw for i in range(len(bw) - len(sw) + 1))
                if not inside:
                    continue
                of_part = bk.split(" of ", 1)[1].split() if " of " in f" {bk} " and bk.split(" of ", 1)[1:] else []
                if len(sw) >= 2 and self._head_word(sk) == head:
                    ok = True  # "Supreme Court" / "Italian Supreme Court of Cassation"
                elif len(sw) == 1 and sw[0] == head and small.kind == big.kind:
                    ok = True  # "the Church" / "Church of Scientology"
                elif of_part and sw == of_part and small.kind == "organization":
                    ok = True  # "Scientology" / "Church of Scientology"
                else:
                    ok = False
                if ok and (best is None or len(_norm(best.name).split()) > len(bw)):
                    best = big
            if best is not None:
                merged[id(small)] = best
        if not merged:
            return entities

        def final(e):
            while id(e) in merged:
                e = merged[id(e)]
            return e

        for small in entities:
            if id(small) not in merged:
                continue
            big = final(small)
            big.mentions.extend(m for m in small.mentions if m not in big.mentions)
            for a in [small.name, *small.aliases]:
                if a not in big.aliases and _norm(a) != _norm(big.name):
                    big.aliases.append(a)
            for attr in ("part_of", "run_by", "located_in"):
                if getattr(big, attr) is None and getattr(small, attr) is not None:
                    setattr(big, attr, getattr(small, attr))
        for e in entities:
            for attr in ("part_of", "run_by"):
                t = getattr(e, attr)
                if isinstance(t, Entity) and id(t) in merged:
                    setattr(e, attr, final(t) if final(t) is not e else None)
        return [e for e in entities if id(e) not in merged]

    # ------------------------------------------------------------- inert names
    _PRONOUN_WORDS = {"i", "we", "me", "us", "you"}
    _NOT_NAMES = {"gmt", "utc", "est", "edt", "pst", "pdt", "cst", "cdt", "bst", "cet", "cest", "ist", "jst", "kst",
                  "aest", "am", "pm", "a.m.", "p.m."}

    def _in_title(self, doc, m) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in self.titles and after.is_title:
            return True
        if span.start >= 2 and doc[span.start - 1].lower_ in ("of", "for") and doc[span.start - 2].lower_ in self.titles \
                and doc[span.start - 2].is_title:
            return True
        return False

    def _place_called_org(self, doc, ent) -> bool:
        """A town the model called an organisation or a person: a name of one to three words with no institution
        head, every mention of it the object of a place preposition ("near X") or of "of" after a place or
        residence noun ("a resident of Chongjin", "the city of X", "the mayor of Ostrava Nova")."""
        words = _norm(ent.name).split()
        if ent.kind not in ("organization", "person") or ent.aliases or not 1 <= len(words) <= 3 or \
                any(w in self.heads for w in words) or ent.kind == "person" and len(words) == 1:
            return False
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            root = span.root if span is not None else None
            if root is None or root.dep_ != "pobj":
                return False
            prep = root.head
            if not (prep.lower_ in self.place_preps or prep.lower_ == "of" and
                    prep.head.lemma_.lower() in self.place_of_heads):
                return False
        return True

    def _inert(self, doc, ent) -> bool:
        """Not an actor: a name that never acts, is never acted on, owns nothing and receives nothing
        in any sentence (a person name or a bare proper noun the model called ORG, used only as a
        modifier or a location), time zones, and NER spans glued to a pronoun ("Prompted I")."""
        words = _norm(ent.name).split()
        if not words:
            return True
        if ent.kind in ("place", "country", "anonymous_source"):
            return False
        if words[-1] in self._NOT_NAMES and len(words) == 1:
            return True
        if ent.kind in self._ORGLIKE and any(w in self._PRONOUN_WORDS for w in ent.name.lower().split()):
            if ent.name.split()[0] not in ("US", "U.S."):
                return True
        if ent.kind in self._ORGLIKE and len(words) == 1 and not ent.aliases and (
                words[0] in self.heads or words[0] in self.titles) \
                and all(doc_text(doc)[m.start:m.end][:1].isupper() and not re.search(r"\b(?:the|The|THE)\s+$", doc_text(doc)[max(0, m.start - 5):m.start])
                        for m in ent.mentions):
            return True  # a capitalised common noun or title on its own ("Channel", "State", "Emeritus")
        if ent.kind in ("organization", "person") and self._head_word(_norm(ent.name)) not in self.heads \
                and all(self._in_title(doc, m) for m in ent.mentions):
            return True  # part of an office title ("Shadow Home Secretary", "Minister of Education")
        if ent.kind in ("group", "person") and len(words) == 1 and \
                all(len(doc_text(doc)[m.start:m.end].split()) == 1 for m in ent.mentions) and \
                (ent.kind == "group" or len(ent.mentions) == 1) and \
                not any(self._agentive(doc, m) for m in ent.mentions):
            # a bare plural ("parents", "patients") or a lone surname that never acts, speaks or is
            # acted on: background, not an actor
            return True
        if ent.kind in ("government", "security", "media"):
            return False
        if ent.kind == "organization" and (self._head_word(_norm(ent.name)) in self.heads or ent.aliases):
            return False
        return not any(self._involved(doc, m.start, m.end) for m in ent.mentions)

    # ------------------------------------------------------------- country actor?
    # verbs whose object is a destination or a territory, not something acted on
    _PLACE_VERBS = {"enter", "visit", "leave", "reach", "travel", "flee", "return", "cross", "tour", "fly",
                    "arrive", "move", "come", "go", "land", "make", "call", "rename"}
    # verbs whose "to"/"from" object is a destination or an origin
    _MOTION = {"travel", "flee", "return", "fly", "move", "take", "drive", "transfer", "escape", "deport",
               "evacuate", "relocate"}

    def _role(self, tok):
        """The syntactic role of a mention's root, through coordination and apposition."""
        seen = 0
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i and seen < 6:
            tok = tok.head
            seen += 1
        return tok

    def _acts(self, doc, s, e):
        """A country is an actor when it does or undergoes something: the subject of a (non-copular)
        verb, a passive subject, an agent, the object of a verb that is not a motion or naming verb,
        or the object of "by/against/with"."""
        root = self._role(doc[s:e].root)
        dep, head = root.dep_, root.head
        if dep in ("nsubj", "nsubjpass", "agent"):
            return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() != "be" or dep != "nsubj"
        if dep in ("dobj", "dative"):
            return head.lemma_.lower() not in self._PLACE_VERBS
        if dep == "pobj" and head.lower_ in ("by", "against", "with") and head.head.pos_ == "VERB":
            return True
        return False

    _SPEECH = {"say", "tell", "report", "claim", "state", "add", "write", "announce", "explain", "warn",
               "argue", "note", "ask", "urge", "insist", "deny", "admit", "confirm", "describe", "accuse"}

    def _agentive(self, doc, m) -> bool:
        """The mention acts, speaks or is acted on: a subject of a non-copular verb, a passive
        subject or agent, a verb object, the object of "by/against/with/to/from/on" after a verb, or the
        subject of a speech verb anywhere in its clause chain."""
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return True
        if self._acts(doc, span.start, span.end):
            return True
        root = self._role(span.root)
        if root.dep_ == "pobj" and root.head.lower_ in ("to", "from", "on", "for", "against", "by", "with") and \
                root.head.head.pos_ in ("VERB", "ADJ", "NOUN"):
            return True
        if root.dep_ in ("nsubj", "attr") and root.head.lemma_.lower() in self._SPEECH:
            return True
        if root.dep_ == "appos" or root.dep_ == "poss":
            return True
        return False

    _LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "around", "throughout", "into", "on", "along",
                 "off", "within", "beyond", "via", "onto", "over", "under", "until", "till", "since", "before", "after",
                 "during"}

    def _involved(self, doc, start_char, end_char) -> bool:
        """Could this mention be an actor? False only for plainly non-acting uses: a modifier of a
        common noun ("Castlefrank Road", "Iodine levels"), the object of a locative or temporal
        preposition ("in Tuscany", "at 10:00 GMT"), a bare noun-phrase fragment with no verb."""
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None:
            return True
        root = self._role(span.root)
        dep = root.dep_
        if dep == "compound":
            h = root.head
            return h.pos_ != "NOUN" or h.lower_ in self.titles or h.lower_ in self.heads or h.lower_ in self.groups \
                or h.lower_ in self.descriptions
        if dep == "pobj":
            prep = root.head
            if prep.lower_ == "of" and prep.head.lemma_.lower() in self.place_nouns:
                return False  # "the town of X"
            if prep.lower_ in ("to", "from") and prep.head.lemma_.lower() in self._MOTION:
                return False  # "taken to X", "travel from X": a destination or an origin
            return prep.lower_ not in self._LOCATIVE
        return True

    # ------------------------------------------------------ coordinated bodies
    def _coordinated(self, doc, toks, entities, taken, skip):
        """"provincial, municipal, county, and regional security departments and agencies": one
        collective actor when a coordination of common nouns ends in institution heads; a later
        "each regional department" (same head, one of its modifiers) is the same actor."""
        made = []  # (entity, head lemmas, modifier words)
        for tok in toks:
            if tok.dep_ == "conj" or tok.pos_ != "NOUN" or tok.i in taken:
                continue
            chain, stack = [tok], [tok]
            while stack:
                t = stack.pop()
                for c in t.children:
                    if c.dep_ == "conj" and c.pos_ in ("NOUN", "ADJ"):
                        chain.append(c)
                        stack.append(c)
            if len(chain) < 2:
                continue
            chain.sort(key=lambda t: t.i)
            last = chain[-1]
            heads = {t.lemma_.lower() for t in chain if t.lemma_.lower() in self.heads}
            if last.lemma_.lower() not in self.heads or last.tag_ not in ("NNS", "NN"):
                continue
            if any(t.tag_ == "NNS" and t.lemma_.lower() not in heads for t in chain):
                continue  # a plural conjunct that is not a body: "cities and districts" ("county" is a modifier)
            s = tok.left_edge.i
            while s < tok.i and (toks[s].lower_ in _DETS or toks[s].is_punct):
                s += 1
            e = last.i + 1
            if any(t in taken or toks[t].pos_ == "PROPN" for t in range(s, e)):
                continue
            mods = {t.lower_ for t in doc[s:e] if t.pos_ in ("ADJ", "NOUN") and t.lemma_.lower() not in heads}
            if len(mods) + len(heads) < 3:
                continue
            start_char, end_char = toks[s].idx, toks[e - 1].idx + len(toks[e - 1])
            if skip(start_char, end_char):
                continue
            kind = self.kind_of(doc[s:e].text, "ORG")
            if kind not in ("security", "government", "organization", "media"):
                continue
            ent = Entity(id="", kind=kind, name=doc[s:e].text, mentions=[Span(start_char, end_char)])
            entities.append(ent)
            made.append((ent, heads, mods, e))
            taken.update(range(s, e))
        for ent, heads, mods, after in made:
            for tok in toks[after:]:
                if tok.i in taken or tok.lemma_.lower() not in heads or tok.tag_ != "NN":
                    continue
                left = [c for c in tok.lefts]
                amods = {c.lower_ for c in left if c.dep_ in ("amod", "compound")}
                if not amods or not amods <= mods:
                    continue
                s = min(c.left_edge.i for c in left)
                sc, ec = toks[s].idx, tok.idx + len(tok)
                if skip(sc, ec):
                    continue
                ent.mentions.append(Span(sc, ec))
                taken.update(range(s, tok.i + 1))

    # -------------------------------------------------------------- descriptions
    def _descriptions(self, doc, toks, entities, taken, skip):
        generic: dict[str, Entity] = {}
        gov_words = {"government", "authorities", "leadership", "leaders", "regime", "administration", "feds"}
        police_words = {"police", "cops", "law enforcement", "police officers", "officers"}
        named_at = {m.start: ent for ent in entities if ent.kind in self._ORGLIKE for m in ent.mentions}
        described: dict[str, Entity] = {}  # description head -> the named entity it introduced
        for tok in toks:
            if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = tok.lower_
            prev2 = (toks[tok.i - 1].lower_ + " " + lemma) if tok.i > 0 else lemma
            kinds = self.descriptions.get(prev2) or self.descriptions.get(lemma)
            if kinds is None:
                continue
            kind = kinds[0]
            lefts = [c for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "nmod", "nummod", "poss")]
            s = min([c.left_edge.i for c in lefts] + [tok.i])
            while s < tok.i and toks[s].is_punct:
                s += 1
            e = tok.i + 1
            if any(t in taken for t in range(s, e)):
                if not all(toks[t].ent_type_ in ("NORP", "GPE", "LOC") for t in range(s, e) if t in taken):
                    continue
            named = self._named_by(toks, e, named_at)
            # "Transparency International, an anti-corruption group, ...", "The manufacturer, Acme Labs, ...": the
            # description glosses the name in apposition with it
            glossed = [tok.head] if tok.dep_ == "appos" else [c for c in tok.rights if c.dep_ == "appos"]
            if named is None and glossed:
                named = next((ent for ent in entities if ent.kind in self._ORGLIKE and any(
                    m.start <= glossed[0].idx < m.end for m in ent.mentions)), None)
            if named is not None:
                # "the magazine X", "its elite group the Y": the description is a mention of the name
                if tok.dep_ == "compound" and s == tok.i and s > 0 and toks[s - 1].tag_ == "DT":
                    s -= 1  # the parser hung "the magazine" on the name
                if named.kind == "organization" and kind in ("media", "government", "security"):
                    named.kind = kind  # the description says more than the model's ORG
                sp = Span(toks[s].idx, tok.idx + len(tok))
                if not skip(sp.start, sp.end):
                    if sp not in named.mentions:
                        named.mentions.append(sp)
                    taken.update(range(s, e))
                    described[lemma] = named
                    if lemma in self.business_nouns:
                        described.update(dict.fromkeys(self.business_nouns, named))  # "the manufacturer X ... the firm"
                continue
            if tok.dep_ == "compound":
                continue
            det = toks[s].lower_
            mods = [t for t in doc[s:tok.i] if t.lower_ not in _DETS and t.pos_ in ("ADJ", "NOUN", "PROPN")
                    and t.ent_type_ not in ("NORP", "GPE", "LOC")]
            # a nationality or country makes a body definite: "Greek court", "French television"
            if any(t.ent_type_ in ("NORP", "GPE") for t in doc[s:tok.i]):
                det = "the"
            if lemma in ("officials", "officers", "leaders", "soldiers") and not mods and det not in ("the",) \
                    and lemma not in ("leaders",):
                continue
            if lemma not in gov_words | police_words | {"officials", "soldiers", "troops", "military", "army", "navy",
                                                        "media", "press"} and det not in ("the", "this", "that") \
                    and not mods:
                continue
            if lemma == "camp" and not any(m.lower_ in ("pro", "anti", "pan") or m.lower_.endswith(("ist", "ic"))
                                           for m in doc[s:tok.i]):
                continue  # a camp is a political bloc only with a stance: "the localist camp", "the anti-war camp"
            if tok.tag_ == "NN" and s == tok.i and lemma not in police_words | {"media", "press"}:
                continue  # a bare singular noun is the concept, not a body: "the branches of government"
            if lemma == "state" and det not in ("the", "this", "that"):
                continue  # "a wartime state", "a failed state": a condition or a country, not the government
            if lemma in ("state", "department", "court", "council", "group", "party", "center", "centre", "union",
                         "agency", "paper", "bureau", "organization", "organisation", "church", "company",
                         "institute", "foundation", "association", "university", "firm", "charity") and \
                    det not in ("the", "this", "that") and not mods:
                continue
            start_char, end_char = toks[s].idx, toks[e - 1].idx + len(toks[e - 1])
            if skip(start_char, end_char):
                continue
            modwords = {m.lower_ for m in mods}
            if lemma in ("officials", "officers") and modwords & {"security", "police", "military", "army", "intelligence"}:
                kind = "security"
            target = described.get(lemma) if not mods else None  # "the magazine" after "the magazine X"
            if target is None and (not mods or lemma in gov_words):
                # refer back to the latest named entity of that kind whose name has this head, or forward
                # to the only one named later ("Police arrested him ... the Irving Police Department said")
                later = []
                for ent in entities:
                    if ent.kind not in kinds or not ent.mentions or \
                            not ent.name[:1].isupper() \
                            or lemma not in _norm(ent.name).split():
                        continue
                    if ent.mentions[0].start > start_char:
                        later.append(ent)
                    else:
                        target = ent
                if target is None and len(later) == 1:
                    target = later[0]
            if target is None:
                if lemma in gov_words and not (modwords - {"central", "national", "federal", "autocratic", "new",
                                                           "current", "local"}):
                    head_key = "government"
                elif (prev2 in police_words or lemma in police_words) and kind == "security":
                    head_key = "police"
                elif mods:
                    head_key = _norm(doc[s:e].text)
                else:
                    head_key = lemma
                # ("the police directorate", "the directorate" after "the regional police directorate": the same body,
                # said shorter; not "the Pro-Beijing camp", whose place word is no modifier here)
                shorter = " " in head_key or e - s == 2 and toks[s].lower_ == "the"
                target = generic.get(head_key) or next((g for k, g in generic.items() if shorter and
                                                        k.endswith(" " + head_key)), None)
                if target is None:
                    name = doc[s:e].text
                    if toks[s].lower_ in _DETS and e - s > 1:
                        name = doc[s + 1:e].text
                    if mods and kind == "government" and self.kind_of(name, "ORG") == "security":
                        kind = "security"  # "the regional police directorate", "the state police department"
                    target = Entity(id="", kind=kind, name=name)
                    generic[head_key] = target
                    entities.append(target)
            sp = Span(start_char, end_char)
            if sp not in target.mentions:
                target.mentions.append(sp)
            # "the provincial security bureau's top brass" (but "the ruling party's newspaper" is a body of its own)
            if tok.dep_ == "poss" and tok.head.pos_ == "NOUN" and tok.head.lower_ not in self.descriptions:
                h = tok.head
                sp2 = Span(start_char, h.idx + len(h))
                if sp2 not in target.mentions:
                    target.mentions.append(sp2)
            for t in range(s, e):
                taken.add(t)

    _NAMING = {"called", "named", "dubbed", "titled"}

    @classmethod
    def _named_by(cls, toks, end, named_at):
        """The named institution a description introduces: "the news agency Yonhap", "its elite group
        the Sea Org", "a unit within the army called the Red Guard" (a few words, no clause between)."""
        sent_end = toks[end - 1].sent.end
        i = end
        for j in range(end, min(end + 6, sent_end)):
            if toks[j].lower_ in cls._NAMING or toks[j].lower_ == "as" and toks[j - 1].lower_ == "known":
                i = j + 1
                break
            if toks[j].is_punct or toks[j].pos_ in ("VERB", "AUX"):
                break
        if i < sent_end and toks[i].lower_ == "the":
            i += 1
        return named_at.get(toks[i].idx) if i < sent_end else None

    # ----------------------------------------------------------- affiliations
    def _affiliations(self, doc, toks, entities, by_key, taken, skip):
        """"Jane Roe of the XYZ", "John Doe from Tory Reform": an untagged proper name after "of"/"from"
        that qualifies a person's name is the organisation the person belongs to (places are tagged GPE)."""
        for tok in toks:
            if tok.dep_ != "pobj" or tok.tag_ not in ("NNP", "NNPS") or tok.ent_type_ or tok.i in taken:
                continue
            prep = tok.head
            if prep.lower_ not in ("of", "from") or prep.head.ent_type_ != "PERSON":
                continue
            s = tok.i
            while s > 0 and toks[s - 1].dep_ == "compound" and toks[s - 1].tag_ in ("NNP", "NNPS") \
                    and not toks[s - 1].ent_type_ and s - 1 not in taken:
                s -= 1
            name = doc[s:tok.i + 1].text
            key = _norm(name)
            if key in self.countries or name.lower().replace(".", "") in self.country_aliases or \
                    key in self._NOT_NAMES or skip(toks[s].idx, tok.idx + len(tok)):
                continue
            ent = by_key.get(key)
            if ent is None:
                ent = by_key[key] = Entity(id="", kind=self.kind_of(name, "ORG") or "organization", name=name)
                entities.append(ent)
            ent.mentions.append(Span(toks[s].idx, tok.idx + len(tok)))
            taken.update(range(s, tok.i + 1))

    # ------------------------------------------------------------ appositives
    @staticmethod
    def _appositive(root, end: int):
        """The noun in apposition with the name whose head is ``root`` (the name ends before token ``end``): "the
        manufacturer" of "The manufacturer, Acme Labs," or "chief executive" of "Jan Roe, its chief executive,"."""
        return root.head if root.dep_ == "appos" else next(
            (c for c in root.children if c.dep_ == "appos" and c.i >= end), None)

    @staticmethod
    def _description_words(noun) -> list[str]:
        """A common noun with its adjectives and compounds, lower case: "chief executive", "health minister"."""
        return [c.lower_ for c in noun.lefts if c.dep_ in ("amod", "compound")] + [noun.lower_]

    def _titles_held(self, doc, toks, ent) -> list[set[str]]:
        """The titles a person's mentions give them, each as its set of words: "Health Minister Ana Kovac" ->
        {health, minister}; "Marek Horvat, the company's chief executive," -> {chief, executive}."""
        held = []
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            words, i = [], span.start
            while i > 0 and toks[i - 1].pos_ in ("NOUN", "PROPN", "ADJ") and not toks[i - 1].ent_type_ and \
                    toks[i - 1].dep_ in ("compound", "amod", "nmod"):
                i -= 1
                words.insert(0, toks[i].lower_)
            partner = self._appositive(span.root, span.end)
            if not words and partner is not None and partner.tag_ == "NN":
                words = self._description_words(partner)
            if words and words[-1] in self.titles:
                held.append(set(words))
        return held

    def _title_mentions(self, doc, toks, entities, taken, skip):
        """"the mayor", "the health minister": the person named with that title, the latest one before, else
        the first one after ("The mayor of X rejected the report. ... Mayor Jan Roe told a news conference"); so is
        a bare title that is the headline's subject ("Mayor disputes police account")."""
        holders = [(ent, self._titles_held(doc, toks, ent)) for ent in entities if ent.kind == "person"]
        holders = [(ent, titles) for ent, titles in holders if titles]
        if not holders:
            return
        headline = state(doc).headline
        for tok in toks:
            if tok.i in taken or tok.lower_ not in self.titles:
                continue
            # (or a bare title in the headline: "Mayor disputes police account")
            bare = headline is not None and headline.start <= tok.idx < headline.end and tok.is_title and \
                tok.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ in ("compound", "det", "poss") for c in tok.children)
            if not bare and (tok.tag_ != "NN" or not any(c.lower_ == "the" and c.dep_ == "det" for c in tok.lefts)):
                continue
            words = set(self._description_words(tok))
            fits = [ent for ent, titles in holders if any(words <= t for t in titles)]
            before = [ent for ent in fits if ent.mentions[0].start < tok.idx]
            after = [ent for ent in fits if ent.mentions[0].start > tok.idx]
            holder = max(before, key=lambda e: max(m.start for m in e.mentions if m.start < tok.idx)) if before \
                else min(after, key=lambda e: e.mentions[0].start) if after else None
            s = min([c.left_edge.i for c in tok.lefts] + [tok.i])
            span = Span(toks[s].idx, tok.idx + len(tok))
            if holder is None or skip(span.start, span.end):
                continue
            holder.mentions.append(span)
            taken.update(range(s, tok.i + 1))

    def _apposed_kind(self, toks, s: int, e: int) -> str | None:
        """The kind the common noun in apposition with the name ``toks[s:e]`` gives it: a title makes a person
        ("Acme's chief executive, Jan Roe"), a private body's noun an organisation ("the manufacturer, Acme")."""
        root = next((t for t in toks[s:e] if not s <= t.head.i < e or t.head.i == t.i), None)
        if root is None:
            return None
        partner = self._appositive(root, e)
        if partner is None or partner.tag_ not in ("NN", "NNS") or not partner.is_lower:
            return None
        if any(w in self.titles for w in self._description_words(partner)):
            return "person"
        kinds = self.descriptions.get(partner.lower_)
        # (only a private body's noun: "the Crown prosecutor, Mark Tedeschi," is a person, whatever "prosecutor"
        # refers back to elsewhere)
        return "organization" if kinds and kinds[0] == "organization" else None

    def _appositives(self, doc, toks, entities, taken, skip):
        """"X, a site that ...", "X, an independent news outlet": X is an actor of the appositive's kind."""
        for tok in toks:
            if tok.dep_ != "appos" or tok.lower_ not in self.heads:
                continue
            h = tok.head
            if h.i in taken or h.tag_ not in ("NNP", "NNPS"):
                continue
            s = min([c.left_edge.i for c in h.lefts if c.dep_ in ("compound", "nummod", "amod")] + [h.i])
            e = h.i + 1
            if any(t in taken for t in range(s, e)):
                continue
            start_char, end_char = toks[s].idx, toks[e - 1].idx + len(toks[e - 1])
            if skip(start_char, end_char):
                continue
            kind = self.kind_of(" ".join(t.lower_ for t in tok.subtree if t.i <= tok.i), "ORG") or "organization"
            if kind in ("place", "country"):
                continue
            ent = Entity(id="", kind=kind, name=doc[s:e].text, mentions=[Span(start_char, end_char)])
            app = [t for t in tok.subtree]
            app_end = tok.i + 1
            for t in app:
                if t.dep_ == "relcl" and t.head == tok:
                    # "a site that provides analysis on the country" (up to the first conjunction)
                    cut = [c.i for c in t.children if c.dep_ in ("cc", "conj")]
                    app_end = (min(cut) if cut else t.right_edge.i + 1)
            cc = [t.i for t in tok.subtree if t.dep_ == "cc" and t.i > tok.i]
            if cc:
                app_end = min(app_end, min(cc))
            a0 = tok.left_edge.i
            ent.mentions.append(Span(toks[a0].idx, toks[app_end - 1].idx + len(toks[app_end - 1])))
            entities.append(ent)
            for t in range(s, e):
                taken.add(t)

    # ------------------------------------------------------------------- groups
    def _groups(self, doc, toks, entities, taken, skip):
        groups: dict[str, Entity] = {}
        for chunk in doc.noun_chunks:
            root = chunk.root
            if root.i in taken or root.tag_ not in ("NNS", "NNPS", "NN"):
                continue
            low = root.lower_
            if low not in self.groups:
                continue
            if root.dep_ in ("npadvmod",) or root.head.lower_ in ("of",) and root.head.head.lower_ in ("number", "numbers"):
                continue
            s, e = chunk.start, root.i + 1
            while s < e and toks[s].lower_ in _DETS and toks[s].lower_ not in ("many", "all", "some", "several"):
                s += 1
            if s >= e:
                continue
            start_char, end_char = toks[s].idx, toks[e - 1].idx + len(toks[e - 1])
            if skip(start_char, end_char):
                continue
            key = root.lemma_.lower()
            ent = groups.get(key)
            if ent is None:
                ent = Entity(id="", kind="group", name=doc[s:e].text if e - s <= 3 else low)
                groups[key] = ent
                entities.append(ent)
            of_end = self._of_complement(doc, root)
            if of_end and " of " not in ent.name:
                # the group's name says whose members they are: "worshippers of the old gods"
                ent.name = doc[s:of_end].text
            sp = Span(start_char, end_char)
            if sp not in ent.mentions:
                ent.mentions.append(sp)

    @staticmethod
    def _of_complement(doc, root) -> int | None:
        """End token of a short "of" phrase right after a noun ("critics of the plan"), if any."""
        if root.i + 1 >= len(doc) or doc[root.i + 1].lower_ != "of" or doc[root.i + 1].head.i != root.i:
            return None
        pobj = next((c for c in doc[root.i + 1].children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        end = pobj.i + 1
        # the object's own modifiers only, not clauses: "of the ancient Greek religion"
        if end - root.i > 8 or any(t.is_punct for t in doc[root.i + 1:end]):
            return None
        return end

    # ---------------------------------------------------------------- acronyms
    def _acronym_mentions(self, toks, entities, taken, skip):
        index = {}
        for ent in entities:
            if ent.kind in ("person", "place", "group", "country"):
                continue
            for alias in [ent.name, *ent.aliases]:
                if _is_acronym(alias.replace(" ", "")):
                    index.setdefault(alias.replace(".", "").upper(), ent)
            if len(ent.name.split()) >= 2 and ent.name[:1].isupper():
                for ac in (_initials(ent.name), _all_initials(ent.name)):
                    if len(ac) >= 2:
                        index.setdefault(ac, ent)
        if not index:
            return
        for tok in toks:
            if tok.i in taken:
                continue
            word = tok.text
            if not _is_acronym(word):
                continue
            ent = index.get(word.replace(".", "").upper())
            if ent is None:
                continue
            sp = Span(tok.idx, tok.idx + len(word))
            if skip(sp.start, sp.end):
                continue
            if word != ent.name and word not in ent.aliases:
                ent.aliases.append(word)
            if sp not in ent.mentions:
                ent.mentions.append(sp)
            taken.add(tok.i)
        # possessive names made of an acronym: "RFA's Korean Service" keeps its own entity;
        # record the acronym as an alias of the outlet it abbreviates
        for ent in entities:
            m = re.match(r"^(?:the\s+)?([A-Z][A-Z.]{1,8})['’]s\s", ent.name)
            if m:
                other = index.get(m.group(1).replace(".", ""))
                if other is not None and other is not ent and m.group(1) not in other.aliases:
                    other.aliases.append(m.group(1))

    # ------------------------------------------------------------- own outlet
    def _own_outlet(self, doc, text, entities):
        """Promo lines name the publisher: "Join our ... X Telegram channel" (the text may be ignored)."""
        m = re.search(r"\b(?:[Jj]oin|[Ff]ollow|[Ss]ubscribe to)\s+our\s+(?:(?:brand\s+)?new\s+|verified\s+|official\s+)*"
                      r"((?:[A-Z][\w&.\-]*\s+){1,4}?)(?:Telegram|WhatsApp|YouTube|Facebook|Twitter|X|Instagram|"
                      r"newsletter|channel|page|feed)\b", text)
        if not m:
            return
        name = m.group(1).strip()
        if not name or _norm(name) in {_norm(e.name) for e in entities}:
            return
        entities.append(Entity(id="", kind="media", name=name, mentions=[Span(m.start(1), m.start(1) + len(name))]))

    # --------------------------------------------------------------- relations
    def _relations(self, doc, text, entities):
        def owner(char_start, char_end, window=0):
            best = None
            for ent in entities:
                if ent.kind == "place":
                    continue
                for m in ent.mentions:
                    if window and char_start <= m.start <= char_start + window and (best is None or m.start < best[0]):
                        best = (m.start, ent)
            if best is not None:
                return best[1]
            for ent in entities:
                if ent.kind == "place":
                    continue
                for m in ent.mentions:
                    if m.start <= char_start and char_end <= m.end:
                        return ent
            return None

        # part_of: "RFA's Korean Service" — a possessor entity and a sub-unit head
        for ent in list(entities):
            if ent.kind in ("person", "place", "country", "group"):
                continue
            m = re.match(r"^(?:the\s+)?(.+?)['’]s\s+(.+)$", ent.name)
            if m and _norm(m.group(2)).split() and _norm(m.group(2)).split()[-1] in _SUBUNIT | set(self.heads):
                parent_name = _norm(m.group(1))
                parent = next((o for o in entities if o is not ent and (parent_name == _norm(o.name) or parent_name in
                                                                         [_norm(a) for a in o.aliases])), None)
                if parent is not None:
                    ent.part_of = parent
        # located_in: "the Seoul-based Daily NK", "the U.S.-based Stimson Center"
        for m in re.finditer(r"\b(?!The\b|A\b|An\b)((?:[A-Z][\w.]*)(?:[ -][A-Z][\w.]*)*)-based\s+(?:the\s+)?", text):
            target = owner(m.end(), m.end() + 1)
            if target is not None and target.located_in is None:
                place = m.group(1)
                target.located_in = {"U.S.": "United States", "US": "United States", "UK": "United Kingdom",
                                     "U.K.": "United Kingdom"}.get(place, place)
                sp = Span(m.start(), m.end())
        # located_in: "the Ministry of Social Security in Pyongyang"
        for ent in entities:
            if ent.kind in ("person", "place", "country", "group") or ent.located_in:
                continue
            for mention in ent.mentions:
                after = doc.char_span(mention.end, min(len(text), mention.end + 60), alignment_mode="contract")
                if after is None or len(after) < 2:
                    continue
                if after[0].lower_ == "in" and after[1].ent_type_ in ("GPE", "LOC"):
                    j = after[1].i
                    k = j
                    while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I":
                        k += 1
                    ent.located_in = doc[j:k + 1].text
                    ent.mentions.append(Span(mention.start, doc[k].idx + len(doc[k])))
                    break
        # run_by: "X, a site that ... run by the Y"
        for m in re.finditer(r"\b(?:run|operated|owned|published|managed|funded)\s+by\s+(?:the\s+)?", text):
            target = owner(m.end(), m.end() + 1, window=40)
            if target is None:
                continue
            # the runner's subject: the nearest entity before, in the same sentence, outside a relative clause
            sent = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if sent is None:
                continue
            sstart = sent.sent.start_char
            best = None
            for ent in entities:
                if ent is target or ent.kind in ("person", "place", "country", "group"):
                    continue
                for mention in ent.mentions:
                    if sstart <= mention.start < m.start() and re.match(r"\s*,", text[mention.end:mention.end + 2]):
                        if best is None or mention.start > best[0]:
                            best = (mention.start, ent)
            if best is not None and best[1].run_by is None:
                best[1].run_by = target
                # "X, a site that provides ..." — the appositive description is a mention of X
                app = re.match(r",\s+(an?\s+[^,]*?)(?:\s+and\s+is|\s*,)", text[best[0] + len(best[1].name):m.start()])


@Language.factory("provkg_actors", default_config={"lexicon": None})
def make_actors(nlp, name: str, lexicon: str | None = None):
    return ActorsComponent(nlp, name, lexicon)
