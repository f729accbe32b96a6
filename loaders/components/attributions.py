"""provkg_attributions: who said (cue) what (content), with character spans.

Rules over spaCy's dependency parse and a general-language cue lexicon
(``loaders/lexicons/cues.yaml``):

* verb cues ("said", "told", "reported", "denied", "believe", ...) with a clausal complement,
  a quote, or (for some verbs) a direct object as content, and the subject as source;
* parenthetical cues ("..., he said." / "..., said the source.") whose content is the rest of
  the sentence, or the quote around it (multi-sentence and multi-paragraph quotes included);
* split quotes ("“A,” he said. “B.”") give ``content`` and ``content_2``; a quote paragraph that
  follows a quote with no cue of its own continues it; so do a clause a parenthetical cue interrupts
  ("The solution, the mayor said, was simple") and a passive cue's subject and complement ("Nabisco is
  expected to cut jobs");
* "according to X", adjectival cues ("X is afraid that ..."), "X attributed Y to Z",
  passive and source-less forms ("it was reported that ..." -> no source), source-less
  appearances ("it seems that ...", "the plan appeared doomed"), headline/colon forms
  ("Name Surname: ...") and transcript speaker labels ("SMITH: ...");
* a cue is its whole verb group: auxiliaries, negation and adverbs around the verb, and the aspect
  verb it hangs on ("has not yet said", "went on to say", "said sarcastically"), and the document
  that carries the words ("said in a statement");
* a cue verb in the document's headline, whose title case the tagger misreads ("Dean Tells Convention ...");
* an attribution inside another one's reported content stays one of its own only when its cue is
  speech, report or belief ("the ministry said the governor denied ..."); a stance there ("said the
  plan supports farmers"), the speaker's own belief ("said she believes ...") and an infinitive that
  names a possible act ("the chance to defend") are no attributions.

Everything is one linear pass over tokens per document; lexicons are compiled once in the
factory.  Extra per-attribution facts the sources component needs (recipient span, token
indices) travel in ``doc.user_data["provkg_attr"]``.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from pathlib import Path

import numpy
import yaml
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language

from provkg.loaders.extraction import Attribution, Span, doc_text, state

DEFAULT_LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "cues.yaml"
USER_KEY = "provkg_attr"

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
CLOSING_MARKS = CLOSE_QUOTES + "\"" + "''"  # a token that may close a quotation (a substring test: "'" too)
QUOTE_CHARS = set("“”«»„\"'‘’`")
DASHES = ("–", "—", "―", "--", "-")
EDGE_TRIM = set(" \t\r\n\"“”‘’«»„,;:—–-.") | {"`", "'"}
SUBJ = {"nsubj", "csubj", "expl"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
# the rest of a markup tag a span starts in: 'tweet author="@x" date="March 4">', 'tweet_id="6721">', '2016">'
MARKUP_HEAD_RE = re.compile(r'(?:<?[\w-]*(?:\s+[\w-]+="[^"<>]*")+|[\w-]+="[^"<>]*"|[^\s"<>]*")\s*/?>')
# verbs whose relative clause sets the scene of a speaker's act ("the official, who spoke on condition of anonymity,
# said ...", "Obama, who was speaking at a rally, ..."); any participle after the name does ("X, facing a challenge, said")
SETTING_VERBS = {"speak", "write", "appear", "campaign", "testify", "talk"}
# prepositions whose gerund names an activity rather than a statement made ("focused on attacking him", "refrained
# from criticizing"; PolNeAR train: cues after them right 25% of the time, after by/in/with/after 50 to 80%)
ACTIVITY_PREPS = {"for", "of", "to", "from", "on", "as", "without", "about", "into", "at", "toward", "towards"}
# words for a share of a group ("79 percent of Democrats", "a majority of voters")
SHARES = {"percent", "%", "majority", "plurality", "most", "half", "third", "quarter", "fifth", "minority", "share"}
# prepositions that set an act in time or on an occasion ("on Monday", "during a rally", "in a tweet")
SETTING_PREPS = {"in", "on", "at", "during", "over"}
# the verb's own modifiers that may carry an object content on, and the marks of clauses that never do
OBJECT_MODIFIERS = ("prep", "advmod", "npadvmod", "oprd", "advcl", "dobj", "xcomp")
# prepositions that give the charge of an object cue ("accused X of Y", "thanked X for Y", "the hostility critics
# blame for ..."); a judgement's reason wherever it stands is lexicon reason_preps
CHARGE_PREPS = ("of", "for", "over")
SEPARATE_CLAUSE_MARKS = ("before", "after", "because", "since", "although", "though", "while", "whereas", "once")
CONTENT_DEPS = {"ccomp", "xcomp", "csubj"}
# a verb form inside a phrase, not the predicate of a clause ("In a changing economy", "To a rousing ovation")
PHRASE_VERB_DEPS = {"amod", "compound", "nmod", "acl", "pcomp"}
PARENTHETICAL_DEPS = {"parataxis", "ccomp", "advcl", "conj", "dep", "ROOT"}
# verbs whose subject is evidence rather than a speaker ("the poll shows", "videos showing that ...")
EVIDENCE_VERBS = {"show", "find", "reveal", "suggest", "indicate", "prove", "demonstrate", "confirm"}
SPEECH = {"say", "tell", "add", "explain", "state", "note", "claim", "suggest", "report", "announce", "write",
          "confirm", "acknowledge", "warn", "predict", "believe", "argue"}
# subjects that name a speaker without a name ("he gave the Texan a back-handed compliment: “...”")
PERSONAL_PRONOUNS = {"i", "we", "he", "she", "they"}
# verbs whose object is the person addressed ("told RFA", "asked him"): passive, their subject is that person
ADDRESSEE_VERBS = {"tell", "inform", "notify", "brief", "assure", "warn", "urge", "ask"}
# prepositions that name what a statement is about ("responded to the charge", "wrote about the event")
TOPIC_PREPS = {"about", "upon", "of", "against", "to", "over", "with", "for"}
QUOTE_RE = re.compile(r"[“”«»„\"]|``|''")
# a quote signed with a dash and a name at the end of its line: "” ― Jane Doe", "”\n\n- Jane Doe."
SIGNED_QUOTE_RE = re.compile(
    r"(?<=[”\"'])[ \t\u00a0]*(?:\n[ \t\u00a0]*)?(?:\n[ \t\u00a0]*)?(?P<dash>―|—|--|-)[ \t\u00a0]*"
    r"(?P<name>[A-Z][\w'’-]*\.?(?:[ \t\u00a0]+[A-Z][\w'’-]*\.?){0,4})(?P<rest>(?:[ \t\u00a0,(][^\n]*)?)$",
    re.MULTILINE)
# a paragraph opened by a speaker label: 1-3 capitalised words and a colon ("SMITH: ...", "Sen. Jones: ...")
SPEAKER_LABEL_RE = re.compile(
    r"^[ \t]*[\"“]?([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})[ \t]*:[ \t]*(\S[^\n]*)$", re.MULTILINE)


def _record(cue: Span, cue_tok: int, lemma: str, content: Span, source: Span | None = None,
            source_tok: int | None = None, *, content_2: Span | None = None, direct: bool = False,
            recipient: Span | None = None, quote: int | None = None, **extra) -> dict:
    """One attribution as the passes of the component hand it on (``quote`` is the index of the
    quotation it reports; ``extra`` carries "sentence", "relative_head", "nested" or "hearsay": an adverb's
    hedge, which leaves the statements in its clause to stand on their own)."""
    return {"cue": cue, "cue_tok": cue_tok, "lemma": lemma, "content": content, "content_2": content_2,
            "direct": direct, "source": source, "source_tok": source_tok, "recipient": recipient, "quote": quote,
            **extra}


def load_lexicon(path: str | Path | None) -> dict:
    with open(path or DEFAULT_LEXICON, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return data


# ---------------------------------------------------------------------------- quotes


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Interior spans ``(start, end)`` of quotations, marks excluded.

    Curly quotes open/close by shape (but a mark typed the wrong way round, which its neighbours show, is
    read as the mark it stands for), straight quotes alternate; an open quote that reaches the
    end of its paragraph continues when the next paragraph opens with a quote mark (the news
    convention for multi-paragraph quotes), else it ends at the paragraph end.

    >>> t = '“A b,” he said. "C d."'
    >>> [t[a:b] for a, b in find_quotes(t)]
    ['A b,', 'C d.']
    """
    quotes: list[tuple[int, int]] = []
    open_at = None           # index just after the opening mark
    scan_from = 0            # where to look for a paragraph break inside the open quote
    para_end_pending = None  # paragraph end where an unclosed quote stopped
    pos = 0
    for m in QUOTE_RE.finditer(text):
        mark, i = m.group(0), m.start()
        if mark == "''" and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-"):
            mark = "``"  # two apostrophes after a space open a quotation (a common plain-text convention)
        # paragraph boundary between the open quote and this mark?
        if open_at is not None:
            nl = text.find("\n", scan_from, i)
            if nl >= 0:
                # unclosed at paragraph end; continue if this mark opens the next paragraph
                next_para = text[nl:i].strip() == "" and mark in OPEN_QUOTES + '"' + "``"
                if next_para:
                    para_end_pending = nl if para_end_pending is None else para_end_pending
                    scan_from = m.end()
                    continue  # same quotation goes on
                quotes.append((open_at, _rstrip_pos(text, nl)))
                open_at = None
                para_end_pending = None
        if open_at is None:
            if mark in CLOSE_QUOTES and (i == 0 or text[i - 1].isspace()) and text[i + 1:i + 2].isalnum():
                mark = "“"  # a closing mark typed where an opening one belongs ("\n”Mr. Lee's plan ...")
            elif mark in CLOSE_QUOTES or mark == "''":
                continue  # stray closing mark
            open_at = scan_from = m.end()
        else:
            if mark in OPEN_QUOTES and i > 0 and not text[i - 1].isspace() and text[i - 1] not in "([{—–-" and (
                    i + 1 == len(text) or text[i + 1].isspace() or text[i + 1] in ".,;:!?)"):
                mark = "”"  # an opening mark typed where a closing one belongs ("“It's unusual,“ said ...")
            if mark in OPEN_QUOTES or mark == "``":
                # a new opening while open: treat previous as ended just before
                quotes.append((open_at, _rstrip_pos(text, i)))
                open_at = scan_from = m.end()
                continue
            quotes.append((open_at, i))
            open_at = None
            para_end_pending = None
        pos = i
    if open_at is not None:
        nl = text.find("\n", scan_from)
        quotes.append((open_at, _rstrip_pos(text, nl if nl >= 0 else len(text))))
    del pos
    return [(a, b) for a, b in quotes if b > a]


def _inflections(verb: str) -> set[str]:
    """Regular third-person and past forms of a verb (a doubled final consonant included).

    >>> sorted(_inflections("slam"))
    ['slammed', 'slams']
    >>> sorted(_inflections("deny"))
    ['denied', 'denies']
    """
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return {verb[:-1] + "ies", verb[:-1] + "ied"}
    third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    if verb.endswith("e"):
        return {third, verb + "d"}
    doubled = len(verb) <= 4 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3:-2] not in "aeiou"
    return {third, verb + (verb[-1] if doubled else "") + "ed"}


def _sent_span(text: str, sent) -> Span:
    a, b = sent.start_char, sent.end_char
    while b > a and text[b - 1].isspace():
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return Span(a, b)


def _rstrip_pos(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------------------- component


class AttributionsComponent:
    def __init__(self, nlp, name: str, lexicon: str | None = None, content_includes_that: bool = True,
                 inside_quotes: bool = False, min_quote_words: int = 3, cue_medium: bool = True):
        self.name = name
        lex = load_lexicon(lexicon)
        self.verbs: dict[str, str] = {k.lower(): v for k, v in (lex.get("verbs") or {}).items()}
        self.object_content = set(lex.get("object_content") or [])
        self.clause_only = set(lex.get("clause_only") or [])
        self.xcomp_content = set(lex.get("xcomp_content") or [])
        self.intention_verbs = set(lex.get("intention_verbs") or [])
        self.main_clause_verbs = dict(lex.get("main_clause_verbs") or {})
        for lemma, norm in self.main_clause_verbs.items():  # object cues, never parentheticals or headline verbs
            self.verbs.setdefault(lemma, norm)
        self.object_content |= set(self.main_clause_verbs)
        self.intention_verbs |= set(self.main_clause_verbs)
        self.question_verbs = set(lex.get("question_verbs") or [])
        self.evidential: dict[str, str] = dict(lex.get("evidential") or {})
        self.as_only = set(lex.get("as_only") or [])
        self.cue_governors = set(lex.get("cue_governors") or [])
        self.order_governors = set(lex.get("order_governors") or [])
        self.object_control = set(lex.get("object_control") or [])
        self.factive_adjectives = set(lex.get("factive_adjectives") or [])
        self.cue_medium = cue_medium
        self.prep_content = {k: set(v) for k, v in (lex.get("prep_content") or {}).items()}
        self.prep_only = set(lex.get("prep_only") or [])
        self.reason_preps = {k: set(v) for k, v in (lex.get("reason_preps") or {}).items()}
        self.quote_only = set(lex.get("quote_only") or [])
        self.object_idioms = {k: set(v) for k, v in (lex.get("object_idioms") or {}).items()}
        self.as_verbs = set(lex.get("as_verbs") or []) | self.as_only
        self.particles = {k: set(v) for k, v in (lex.get("particles") or {}).items()}
        self.particle_lemmas = dict(lex.get("particle_lemmas") or {})
        self.adjectives: dict[str, str] = dict(lex.get("adjectives") or {})
        self.adjective_infinitives = set(lex.get("adjective_infinitives") or [])
        self.make_it: dict[str, str] = dict(lex.get("make_it") or {})
        self.work_object_verbs = set(lex.get("work_object_verbs") or [])
        self.adjective_preps = {k: set(v) for k, v in (lex.get("adjective_preps") or {}).items()}
        self.evidential_adverbs: dict[str, str] = dict(lex.get("evidential_adverbs") or {})
        self.statement_nouns = set(lex.get("statement_nouns") or [])
        self.according = [tuple(p.split()) for p in (lex.get("according") or [])]
        self.noun_clause: dict[str, str] = dict(lex.get("noun_clause") or {})
        self.noun_prep: dict[str, dict] = {k: dict(v) for k, v in (lex.get("noun_prep") or {}).items()}
        self.noun_source_verbs = set(lex.get("noun_source_verbs") or [])
        self.noun_needs_source = set(lex.get("noun_needs_source") or [])
        self.light_verbs = {v: dict(nouns) for v, nouns in (lex.get("light_verbs") or {}).items()}
        self.light_preps = set(lex.get("light_preps") or [])
        self.aside_marks = set(lex.get("aside_marks") or [])
        self.continuation_preps = set(lex.get("continuation_preps") or [])
        self.speaker_nouns = set(lex.get("speaker_nouns") or [])
        self.finding_works = set(lex.get("finding_works") or [])
        self.copula_nouns: dict[str, str] = dict(lex.get("copula_nouns") or {})
        self.nested_cues = set(lex.get("nested_cues") or [])
        self.own_stance_cues = set(lex.get("own_stance_cues") or [])
        self.other_senses = {v: set(parts) for v, parts in (lex.get("other_senses") or {}).items()}
        self.rubrics = set(lex.get("rubrics") or [])
        self.medium_nouns = set(lex.get("medium_nouns") or [])
        self._issued_nouns = self.statement_nouns | self.medium_nouns  # "issued a statement / sent an email saying"
        self._spoken_occasions = set(lex.get("occasion_nouns") or [])
        self._occasions = self._issued_nouns | self._spoken_occasions
        self.headline_adverbs = set(lex.get("headline_adverbs") or [])
        self.headline_adjuncts = set(lex.get("headline_adjuncts") or [])
        # inflected forms of the cue verbs a headline may use (a title-case verb gets no verb tag or lemma)
        irregular = {k: set(v) for k, v in (lex.get("irregular_forms") or {}).items()}
        self._headline_forms = {}
        for lemma in self.verbs:
            if lemma in self.clause_only or lemma in self.as_only or lemma in self.prep_only or \
                    lemma in self.quote_only or lemma in self.intention_verbs:
                continue
            for form in _inflections(lemma) | irregular.get(lemma, set()):
                self._headline_forms.setdefault(form, lemma)
        self._headline_lemmas = set(self._headline_forms.values())
        # inflected speech verbs, for an inverted label ("Said Ellis: “...”")
        self._speech_forms = {form: lemma for lemma in SPEECH
                              for form in _inflections(lemma) | irregular.get(lemma, set())}
        self.content_includes_that = content_includes_that
        self.inside_quotes = inside_quotes
        self.min_quote_words = min_quote_words
        strings = nlp.vocab.strings
        forms = set()
        light_nouns = {n for nouns in self.light_verbs.values() for n in nouns}
        for lem in list(self.verbs) + list(self.noun_clause) + list(self.noun_prep) + list(self.evidential) + \
                sorted(light_nouns) + list(self.copula_nouns):
            forms |= {lem, lem.capitalize(), lem.upper()}
        self._lemma_keys = numpy.array(sorted(strings.add(f) for f in forms), dtype="uint64")
        lowers = set(self.adjectives) | set(self.evidential_adverbs) | set(self.make_it) | {"according", "words", "in"}
        self._lower_keys = numpy.array(sorted(strings.add(w) for w in lowers),
                                       dtype="uint64")
        self._colon_key = strings.add(":")

    # ------------------------------------------------------------------ helpers
    def _trim(self, doc, start: int, end: int) -> Span | None:
        """Character span of tokens [start, end) with edge punctuation and quote marks removed."""
        text = self._text
        if end <= start:
            return None
        a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        # markup left in the text is nobody's words: '<tweet author="@x">Donald Trump', 'it’s all free<tweet/'
        tag = MARKUP_HEAD_RE.match(text, a, b)
        a = tag.end() if tag else a
        tag_start = text.find("<", a, b)
        b = tag_start if tag_start >= 0 else b
        while a < b and (text[a] in EDGE_TRIM or text[a].isspace() or text[a] == "(" and ")" not in text[a:b]):
            a += 1
        while b > a and (text[b - 1] in EDGE_TRIM or text[b - 1].isspace() or
                         text[b - 1] == ")" and "(" not in text[a:b]):  # (the close of an aside the span is in)
            b -= 1
        return Span(a, b) if b > a else None

    def _clause_span(self, doc, start: int, end: int) -> Span | None:
        """Content of a reported clause at tokens [start, end): its "that" stays only with
        ``content_includes_that`` (PolNeAR's convention, the default)."""
        if not self.content_includes_that:
            while start < end and doc[start].dep_ == "mark" and doc[start].lower_ == "that":
                start += 1
        return self._trim(doc, start, end)

    @staticmethod
    def _char_trim(text: str, a: int, b: int) -> Span | None:
        while a < b and (text[a] in EDGE_TRIM or text[a].isspace()):
            a += 1
        while b > a and (text[b - 1] in EDGE_TRIM or text[b - 1].isspace()):
            b -= 1
        return Span(a, b) if b > a else None

    def _second_speaker(self, tok) -> bool:
        """The same cue verb with another speaker and a clause of its own, which the parser joined to the clause an
        earlier cue reports: "Half the farmers said the price was fair and a third of the traders said it was low" (the
        second statement is not part of the first)."""
        if tok.dep_ != "conj" or tok.head.dep_ != "ccomp":
            return False
        norm, gov = self.verbs.get(tok.lemma_.lower()), self.verbs.get(tok.head.head.lemma_.lower())
        subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
        # (the same verb, and not the same speaker again: "said A and he feels B" goes on with the statement)
        return norm is not None and norm == gov and subj is not None and subj.pos_ != "PRON" and \
            any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)

    def _stray_cue(self, tok) -> bool:
        """A cue verb the parser joined to the clause of an earlier cue instead of to that cue: "they claimed
        the fund was empty and claim the board ...", where "claim" hangs on "was" but shares "claimed"'s subject.
        Only for a repeated cue or "add" ("farmers distrust X and believe Y" is the farmers' belief), or for a
        cue with a clause or an infinitive in the earlier cue's tense where the clause verb has another form
        ("he announced that he was undergoing therapy and vowed to ...", but not "said the police had arrested
        two men and charged them")."""
        if tok.dep_ != "conj" or tok.head.dep_ != "ccomp":
            return False
        norm, gov = self.verbs.get(tok.lemma_.lower()), self.verbs.get(tok.head.head.lemma_.lower())
        if gov is None or norm is None or any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in tok.children):
            return False
        return norm in (gov, "add") and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children) or \
            tok.tag_ in ("VBD", "VBZ") and tok.tag_ == tok.head.head.tag_ != tok.head.tag_ and \
            any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)

    @staticmethod
    def _when_or_where_said(tok, nouns) -> bool:
        """Is ``tok`` a date, or a phrase naming one of ``nouns`` (media, occasions), that sets the cue's act and
        is not its content: "in November", "on Sunday", "last week", "in a tweet", "during a rally"?"""
        if tok.dep_ == "npadvmod":
            return tok.ent_type_ in ("DATE", "TIME")
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None) \
            if tok.dep_ == "prep" and tok.lower_ in SETTING_PREPS else None
        return pobj is not None and (pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in nouns or
                                     pobj.lower_ in nouns)

    def _quoted(self, idx: int) -> bool:
        """Is character ``idx`` inside one of the document's quotations?"""
        k = bisect.bisect_right(self._q_starts, idx) - 1
        return k >= 0 and self._quotes[k][0] <= idx < self._quotes[k][1]

    def _quote_at(self, a: int, b: int) -> int | None:
        """The index of the quotation whose interior contains [a, b) (roughly: up to its closing mark), or None."""
        k = bisect.bisect_right(self._q_starts, a) - 1
        if k >= 0:
            qa, qb = self._quotes[k]
            if qa <= a and b <= qb + 1:
                return k
        return None

    @staticmethod
    def _has_aux(aux, verb) -> bool:
        """Is ``aux``, which the parser read as a passive auxiliary, the "has" of a perfect: "he's said the same
        thing", "she’s argued that ..." (a passive takes no object and no clause of its own, "it's said that"
        aside)?"""
        return aux.lower_ in ("'s", "’s") and verb.tag_ in ("VBN", "VBD") and any(
            c.dep_ in ("dobj", "ccomp") for c in verb.children) and any(
            c.dep_ in PASS_SUBJ and c.lower_ != "it" for c in verb.children)

    def _subject(self, tok):
        """(subject token or None, passive?) of a verb, inheriting through conj/xcomp/advcl/acl."""
        t = tok.head.head if self._stray_cue(tok) else tok
        via_control = False
        # a finite verb joined to a passive one shares its subject as its speaker: "Trump was forced into damage
        # control and said ..."
        # (but "I was hauled in and told that ...": "told" with no one told is the passive's)
        active = tok.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ == "auxpass" for c in tok.children) and not (
            tok.lemma_.lower() in ADDRESSEE_VERBS and
            not any(c.dep_ in ("dobj", "dative", "iobj") for c in tok.children))
        for _ in range(5):
            passive = any(c.dep_ == "auxpass" and not self._has_aux(c, t) for c in t.children)
            subs = [c for c in t.children if c.dep_ in SUBJ and c.dep_ != "expl"]
            if len(subs) > 1 and not self._quoted(t.idx):
                # "“... Every single amendment,” said Cruz": the parser made a word of the quote a second subject;
                # the quotation's own words never speak for a verb outside it
                outside = [c for c in subs if not self._quoted(c.idx)]
                if outside and len(outside) < len(subs):
                    return outside[0], False
            if len(subs) > 1 and t.i > 0 and t.doc[t.i - 1].text == "," and subs[0].i < t.i < subs[-1].i:
                # "The rejection signals the end for the EU, said Geert Wilders": the clause before the comma is
                # what was said, the subject after the verb is the speaker
                return next(c for c in subs if c.i > t.i), False
            if len(subs) > 1 and all(c.i < t.i for c in subs):
                # "Acme co-founder Jane Doe said": a hyphen split the subject; the one nearest the verb
                return subs[-1], False
            for c in t.children:
                if c.dep_ in SUBJ and c.dep_ != "expl":
                    return c, False
                if c.dep_ in PASS_SUBJ:
                    # "X was forced to acknowledge", "X was forced ... and said": X speaks; "he's said": a perfect
                    if via_control or active and t.i != tok.i or not passive:
                        return c, False
                    if any(g.dep_ == "agent" for g in t.children):
                        return self._agent(t), False
                    return None, True
            if t.i == tok.i and tok.tag_ == "VBN" and tok.lemma_.lower() in ADDRESSEE_VERBS and \
                    (asker := self._agent(tok)) is not None:
                # "Asked by a reporter whether ...", "when asked by Ingraham about ...": the agent is the speaker
                return asker, False
            if passive and t.i == tok.i:
                return None, True
            if t.head.i == t.i:
                if t.i != tok.i and t.tag_ in ("VBD", "VBZ", "VBP") and not self._quoted(t.idx) and \
                        (first_subject := self._first_predicate_subject(t)) is not None:
                    return first_subject, False  # a list of predicates: its first subject speaks for them all
                break
            if (t.dep_ in ("xcomp", "ccomp", "oprd") or t.dep_ == "advcl" and t.tag_ == "VBG") and \
                    t.head.lemma_.lower() in self.object_control and \
                    (obj := next((c for c in t.head.children if c.dep_ == "dobj" and c.i < t.i), None)) is not None and \
                    (t.dep_ != "advcl" or obj.ent_type_ or obj.pos_ in ("PROPN", "PRON") or obj.tag_ == "NNS"):
                # "led Republicans to say", "leaving many to wonder", "has left many members, including her allies,
                # asking": the object speaks (but not "left no doubt ..., saying")
                return obj, False
            if t.dep_ in ("conj", "xcomp") or self._governor(t) is not None:
                via_control = via_control or t.dep_ != "conj"
                t = t.head
                continue
            if t.dep_ in ("pcomp", "advcl") and t.tag_ == "VBG":  # "after denying ...", "in addition to stating"
                via_control = True
                # "X said the plan was failing, pointing to ...": a participle after a comma, hung on the reported
                # clause, is the speaker's next statement
                if t.dep_ == "advcl" and self._after_comma(t.doc, t.left_edge.i) and t.head.dep_ == "ccomp" and \
                        t.head.head.lemma_.lower() in self.verbs and t.head.head.i < t.i and not self._quoted(t.idx):
                    t = t.head
                t = t.head
                while t.i > tok.i and self._quoted(t.idx) and not self._quoted(tok.idx) and t.head.i != t.i:
                    # "..., telling the fans, “Some referees get excited”": the parser hung the participle on
                    # the verbs of the quote it introduces; the clause they hang on speaks
                    t = t.head
                while t.dep_ in ("prep", "pobj") and t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
                    t = t.head
                if t.pos_ in ("NOUN", "ADJ", "ADV") and t.dep_ in ("dobj", "attr", "acomp", "advmod") and \
                        t.head.pos_ in ("VERB", "AUX") and not any(
                            c.dep_ == "nsubj" and c.lower_ in ("that", "this", "it") for c in t.head.children):
                    # (but "that's not the same as saying ...": a comparison, no one's act)
                    # "has given few details about cutting fees aside from stating ...": the giver states; "has been the
                    # sharpest in attacking ...", "was back to talking about": the copula's subject
                    t = t.head
                continue
            if t.dep_ in ("relcl", "acl") and t.i != tok.i and self._infinitive(t) and t.head.dep_ == "dobj" and \
                    t.head.head.pos_ == "VERB":
                # "launched a campaign to weaken her standing by painting her ...": the purpose an object serves is
                # its owner's
                via_control = True
                t = t.head.head
                continue
            if t.dep_ == "advcl" and t.head.pos_ in ("VERB", "AUX") and (self._infinitive(t) or t.tag_ == "VBN" and any(
                    c.dep_ == "aux" and c.lower_ == "having" for c in t.children)):
                # "stood at a Bush event to say ...", "gathered at a bar to talk about ...", "Having announced ...,
                # the judge ...": the main clause's subject does what its purpose clause or perfect participle says
                via_control = True
                t = t.head
                continue
            if t.dep_ == "advcl" and t.tag_ in ("VBD", "VBZ", "VBP") and t.head.i < t.i and t.head.pos_ == "VERB" and \
                    t.doc[t.left_edge.i - 1].text == "," and not any(c.dep_ == "mark" for c in t.children):
                # "The candidate has mocked a reporter, referred to immigrants as rapists and ...": a finite verb
                # after a comma with no subject and no conjunction of its own is the next predicate of a list
                t = t.head
                continue
            if t.dep_ == "advcl" and t.tag_ in ("VBD", "VBZ", "VBP") and t.doc[t.left_edge.i - 1].text == "," and \
                    not any(c.dep_ == "mark" for c in t.children) and (sibling := next((
                        c for c in reversed(list(t.head.lefts if t.head.i > t.i else t.head.children))
                        if c.i < t.i and c.dep_ == "advcl" and c.tag_ in ("VBD", "VBZ", "VBP") and
                        any(x.dep_ == "nsubj" for x in c.children)), None)) is not None:
                # "when the anchor wondered about X, alluded to Y and asked ...": the predicate before in the same list
                # has the subject
                return next(x for x in sibling.children if x.dep_ == "nsubj"), False
            if t.dep_ == "advcl" and t.tag_ in ("VBD", "VBZ", "VBP") and t.head.tag_ == "VBG" and t.head.i < t.i and \
                    not any(c.dep_ in ("mark", "aux", "auxpass") for c in (*t.children, *t.head.children)) and \
                    (subj := next((c for c in t.head.children if c.dep_ == "nsubj" and c.i < t.head.i), None)):
                # "Marchers crossing the bridge yelled ...": the parser made the subject's participle
                # the main verb and the finite verb its adverbial clause
                return subj, False
            if t.dep_ == "acomp" and t.head.i != t.i:  # "was quick to point out": the copula's subject
                t = t.head
                continue
            if t.dep_ == "acl" and t.head.pos_ in ("PROPN", "NOUN", "PRON"):  # "those backing him", "anyone expecting"
                h = t.head
                if (t.i != tok.i or t.tag_ == "VBG" and self._after_comma(t.doc, t.left_edge.i)) and self._mute_object(h):
                    # "The council rejected the idea that ..., saying ...": a thing that cannot speak, the object of
                    # the verb before, leaves the participle to that verb's subject
                    t = h.head.head if h.dep_ == "pobj" else h.head
                    via_control = True
                    continue
                if t.i > 0 and t.doc[t.i - 1].text == ",":
                    # "38 North, a site ... run by the Stimson Center think tank, attributed ...": the
                    # speaker is the noun phrase the appositive describes, not a word inside it
                    for anc in [h, *h.ancestors]:
                        if anc.dep_ == "appos":
                            return anc.head, False
                return h, False
            break
        return None, False

    @staticmethod
    def _after_comma(doc, i: int) -> bool:
        """Whether token ``i`` follows a comma, or a comma and the closing mark after it ("... the fishery,” arguing")."""
        if i > 0 and doc[i - 1].text in CLOSING_MARKS:
            i -= 1
        return i > 0 and doc[i - 1].text == ","

    def _mute_object(self, noun) -> bool:
        """Whether ``noun`` is the object of a verb and names no one who could speak: not a name, a pronoun, a
        speaker ("the senator") or a writing ("a statement")."""
        return noun.pos_ == "NOUN" and not noun.ent_type_ and noun.dep_ in ("dobj", "pobj", "attr", "conj") and \
            (noun.head.pos_ in ("VERB", "AUX") or noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX")) and \
            noun.lemma_.lower() not in self.speaker_nouns | self._issued_nouns

    def _quote_after_colon(self, doc, found, taken_quotes):
        """A quote that a colon hands to the sentence's main cue: "told Sky News any process "must be well thought
        out": "Moves to reduce ..."" (a second statement, its own attribution) and "Sunak defended the
        government's record ...: "The Home Secretary and I ..."" (the quote is what the object stood for)."""
        text, quotes = self._text, self._quotes
        for rec in list(found):
            if rec["direct"] or rec.get("quote") is not None or rec["cue_tok"] >= len(doc):
                continue
            tok = doc[rec["cue_tok"]]
            if tok.dep_ != "ROOT" or tok.pos_ not in ("VERB", "AUX"):
                continue
            colon = next((t for t in tok.sent if t.i > tok.i and t.text == ":"), None)
            if colon is None or colon.i + 1 >= len(doc):
                continue
            opener = doc[colon.i + 1]
            if opener.text not in OPEN_QUOTES + '"' and opener.text != "``":
                continue
            k = self._quote_opened_by(opener)
            quote = self._char_trim(text, *quotes[k]) if k is not None and k not in taken_quotes else None
            if quote is None:
                continue
            content = rec["content"]
            if content.start < colon.idx < content.end:
                before = self._char_trim(text, content.start, colon.idx)
                if before is None:
                    continue
                rec["content"] = before
                found.append(dict(rec, content=quote, content_2=None, direct=True, quote=k))
            elif content.end <= colon.idx and not any(
                    t.pos_ in ("VERB", "AUX") for t in doc.char_span(content.start, content.end,
                                                                     alignment_mode="expand") or ()):
                rec.update(content=quote, direct=True, quote=k)
            else:
                continue
            taken_quotes.add(k)

    def _after_sentence_end(self, i: int) -> bool:
        """Does character ``i`` come right after a full stop, question or exclamation mark (white space between)?"""
        text = self._text
        i -= 1
        while i >= 0 and text[i].isspace():
            i -= 1
        return i >= 0 and text[i] in ".?!"

    def _quote_opened_by(self, mark) -> int | None:
        """The quotation that starts right after the token ``mark`` (an opening quote mark), or None."""
        return self._quote_at(mark.idx + len(mark), mark.idx + len(mark) + 1)

    @staticmethod
    def _previous_word(doc, i: int):
        """The token before ``i`` that is not white space, or None."""
        return next((t for t in reversed(doc[:i]) if not t.is_space), None)

    @staticmethod
    def _word_index_from(doc, i: int) -> int:
        """The index of the first token at or after ``i`` that is not white space (``len(doc)`` if none)."""
        while i < len(doc) and doc[i].is_space:
            i += 1
        return i

    def _quote_closing_before(self, doc, i: int):
        """The quote whose closing mark (and comma) comes right before token ``i``, or None."""
        j = i - 1
        while j >= 0 and (doc[j].text == "," or doc[j].is_space and "\n" not in doc[j].text):
            j -= 1
        if j < 0 or doc[j].text not in ("”", "\"", "''", "“"):  # (an opening mark typed for a closing one)
            return None
        return self._quote_at(doc[j].idx - 1, doc[j].idx)

    def _quote_opens_at(self, doc, i: int) -> bool:
        """Does a quotation open at token ``i``, behind a comma or colon at most ("yelled, ''Out!''", "said: “...”")?"""
        i = self._word_index_from(doc, i)
        if i < len(doc) and doc[i].text in (",", ":"):
            i = self._word_index_from(doc, i + 1)
        return i < len(doc) and self._quote_opened_by(doc[i]) is not None

    def _day_for_object(self, obj) -> bool:
        """Is this object a date the parser took for the object of a verb whose content comes after it ("promised
        Sunday at a rally to end ..."; but "expected a full 90 minutes", "called Christmas a sham")?"""
        return obj.ent_type_ in ("DATE", "TIME") and any(
            c.i > obj.i and (c.dep_ in ("xcomp", "ccomp") or self._infinitive(c)) for c in obj.head.children)

    @staticmethod
    def _agent(verb):
        """The noun of a passive verb's "by" phrase ("was rejected by most of the council": council), or None."""
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None

    @staticmethod
    def _infinitive(tok) -> bool:
        """Is ``tok`` a verb with "to" ("to say", "to talk about")?"""
        return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)

    def _statement_clause(self, tok):
        """The "that" clause the parser hung on a noun of the cue's adjuncts or its addressee: "said in a statement
        that ...", "said for the first time that ...", "told the audience at his fundraiser that ..." (a "that"
        that marks a clause, not one that is a relative pronoun; not the clause of the verb's own object or
        prepositional content: "expressed concern that ...", "pointed to a report that ...")."""
        lemma = tok.lemma_.lower()
        for c in tok.children:
            if c.i < tok.i or not (c.dep_ in ("prep", "npadvmod") and c.lower_ not in self.prep_content.get(lemma, ())
                                   and c.lower_ not in self.particles.get(lemma, ()) or
                                   c.dep_ in ("dobj", "dative") and lemma in ADDRESSEE_VERBS):
                continue
            for t in c.subtree:
                if t.dep_ in ("acl", "relcl", "ccomp") and t.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and any(
                        m.dep_ == "mark" and m.lower_ == "that" and m.i < t.i for m in t.children):
                    return t
                if t.dep_ == "relcl" and t.head.lemma_.lower() in self._occasions and t.head.i + 1 < len(t.doc):
                    # "argued in a letter that the dam could fail": the parser read "that" as the relative pronoun
                    # of a clause with a subject of its own (not "in the letter that he wrote last week that ...",
                    # whose relative clause reports a clause of its own, nor "an interview that aired Sunday")
                    that = t.doc[t.head.i + 1]
                    if that.lower_ == "that" and that.head.i == t.i and \
                            any(g.dep_ in SUBJ and g.i != that.i for g in t.children) and \
                            not any(g.dep_ == "ccomp" for g in t.children):
                        return t
        return None

    @staticmethod
    def _finite_xcomp(tok):
        for c in tok.children:
            if c.dep_ == "xcomp" and c.i > tok.i and c.tag_ == "VBG" and \
                    any(t.tag_ in ("MD", "VBD", "VBZ", "VBP") and t.dep_ in ("ccomp", "ROOT", "conj") or t.dep_ == "nsubj"
                        for t in c.subtree):
                return c
        return None

    @staticmethod
    def _own_start(tok, subj) -> int:
        """First token of the cue's own clause ("he said", "the source said"), not its complement."""
        start = tok.i
        if subj is not None and subj.i < tok.i:
            start = subj.left_edge.i
        for c in tok.children:
            if c.i < start and c.dep_ in ("aux", "auxpass", "neg", "advmod", "nsubj", "nsubjpass") and \
                    c.i >= start - 3:
                start = c.left_edge.i
        return start

    def _subtree_span(self, doc, tok) -> Span | None:
        """The trimmed character span of ``tok``'s whole subtree (a noun phrase, a clause, a prepositional phrase)."""
        return self._trim(doc, tok.left_edge.i, tok.right_edge.i + 1)

    def _source_np(self, doc, tok) -> Span | None:
        """A speaker's noun phrase without a dateline in front ("WASHINGTON (AP) — Sen. X said ...").
        Its relative clauses and appositives stay (PolNeAR's annotators keep them in the source), but not
        a relative clause after a comma that makes a statement of its own ("Jane Doe, who notes that ...") or
        that follows a bare name before its verb ("Doe, who lives in Ohio, said": PolNeAR train, 32 sources
        without it to 18 with it)."""
        lo = tok.left_edge.i
        while lo >= 2 and doc[lo - 1].text in ("-", "–") and not doc[lo - 1].whitespace_ and \
                not doc[lo - 2].whitespace_ and doc[lo - 2].head.i == tok.head.i and doc[lo - 2].dep_ == tok.dep_:
            lo = doc[lo - 2].left_edge.i  # "Her ex-husband argued": a hyphen the parser read as two subjects
        for i in range(tok.i - 1, lo - 1, -1):
            if doc[i].text in DASHES and doc[i].whitespace_ and i > 0 and doc[i - 1].whitespace_:
                lo = i + 1
                break
        hi = tok.right_edge.i + 1
        for rel in tok.children:
            if rel.i > tok.i and doc[rel.left_edge.i - 1].text in (",", *DASHES) and (rel.dep_ == "relcl" and any(
                    t.pos_ == "VERB" and t.lemma_.lower() in self.verbs and any(c.dep_ == "ccomp" for c in t.children)
                    for t in rel.subtree) or self._setting(rel) or
                    rel.dep_ == "relcl" and tok.left_edge.i == tok.i and rel.left_edge.i == tok.i + 2 and
                    tok.head.i > rel.right_edge.i):
                hi = min(hi, rel.left_edge.i - 1)
            elif rel.i > tok.i and rel.dep_ == "prep" and rel.right_edge.i == tok.right_edge.i and \
                    self._when_or_where_said(rel, self._issued_nouns):  # (but "delegates at the convention")
                hi = min(hi, rel.left_edge.i)  # "Jeb Bush in a Medium post", "the mayor on Monday"
        while hi - 1 > tok.i and doc[hi - 1].dep_ == "cc":
            hi -= 1  # (a conjunction whose second conjunct the parser hung elsewhere: "the boy, who wore a cap and")
        return self._trim(doc, lo, hi)

    @staticmethod
    def _setting(tok) -> bool:
        """A participle or relative clause after the speaker's name that says what the speaker was doing, not who
        the speaker is: "Clinton, speaking to reporters on her plane, said ...", "Sen. X, facing a stiff reelection
        challenge, said ...", "Obama, who was speaking at a rally, ...", "the official, who spoke on condition of
        anonymity, said ..." (but not "Harlan, who wrote some of them": what the speaker wrote tells who it is)."""
        if tok.dep_ in ("acl", "appos", "advcl") and tok.tag_ == "VBG":
            return True  # (an appositive participle too: "The mayor, later insisting - wrongly - that ..., said")
        if tok.dep_ == "acl":
            return False
        return tok.dep_ == "relcl" and tok.lemma_.lower() in SETTING_VERBS and (
            tok.tag_ == "VBG" or tok.tag_ == "VBD" and tok.lemma_.lower() != "write")

    # ------------------------------------------------------------------ main
    def __call__(self, doc):
        ext = state(doc)
        # Doc.text joins every token in Python: compute it once per document and share it
        text = self._text = doc_text(doc)
        if not text.strip():
            return doc
        ignored = sorted((s.start, s.end) for s in ext.statement_free())
        ign_starts = [s for s, _ in ignored]
        ignored_max_end, run = [], -1
        for _, e in ignored:
            run = max(run, e)
            ignored_max_end.append(run)

        def is_ignored(a: int, b: int) -> bool:
            k = bisect.bisect_left(ign_starts, b) - 1
            return k >= 0 and ignored_max_end[k] > a

        quotes = self._quotes = find_quotes(text)
        self._q_starts = [a for a, _ in quotes]

        found: list[dict] = []
        used_cues: set[int] = set()
        taken_quotes: set[int] = set()  # quotes a verb cue already reports ("X told Y: “...”")

        # candidate tokens from attribute arrays (one C-level pass), so the Python loop below only
        # touches the few tokens that can be cues, not every token of the document
        arr = doc.to_array([LEMMA, LOWER])
        lemmas, lowers = arr[:, 0], arr[:, 1]
        cand = numpy.flatnonzero(numpy.isin(lemmas, self._lemma_keys) | numpy.isin(lowers, self._lower_keys)).tolist()
        colons = numpy.flatnonzero(lowers == self._colon_key).tolist()
        self._colons = colons
        for sent in doc.sents:
            if is_ignored(sent.start_char, sent.end_char):
                continue
            lo_c, hi_c = bisect.bisect_left(cand, sent.start), bisect.bisect_left(cand, sent.end)
            for ci in cand[lo_c:hi_c]:
                tok = doc[ci]
                if ci > 0 and doc[ci - 1].text in ("<", "</"):
                    continue  # a markup tag left in the text ("<tweet author=...>"), not a word
                rec = None
                low = tok.lower_
                if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                    lemma = tok.lemma_.lower()
                    if lemma in self.verbs and not (self._quoted(tok.idx) and not self.inside_quotes):
                        rec = self._verb_cue(doc, sent, tok, lemma)
                    elif lemma in self.evidential and not self._quoted(tok.idx):
                        rec = self._evidential_cue(doc, tok, lemma)
                if rec is None and tok.pos_ == "NOUN" and not self._quoted(tok.idx):
                    lemma = tok.lemma_.lower()
                    if tok.dep_ == "dobj" and lemma in self.light_verbs.get(tok.head.lemma_.lower(), ()):
                        rec = self._light_verb_cue(doc, tok, lemma)
                    elif tok.dep_ == "nsubj" and lemma in self.copula_nouns and tok.head.lemma_ == "be":
                        rec = self._copula_cue(doc, tok, lemma)
                    elif lemma in self.noun_clause or lemma in self.noun_prep:
                        rec = self._noun_cue(doc, sent, tok, lemma)
                if rec is None and low in self.make_it and not self._quoted(tok.idx):
                    rec = self._made_it_clear(doc, tok)
                if rec is None and low == "known" and not self._quoted(tok.idx):
                    rec = self._known_for(doc, tok)
                if rec is None and low == "according":
                    rec = self._according(doc, sent, tok)
                if rec is None and low == "words" and not self._quoted(tok.idx):
                    rec = self._words_of(doc, sent, tok)
                if rec is None and low == "in" and not self._quoted(tok.idx):
                    rec = self._in_findings(doc, sent, tok)
                # adjectives, and passive participles used as adjectives ("are concerned the law will change")
                if rec is None and low in self.adjectives and not self._quoted(tok.idx) and (
                        tok.pos_ == "ADJ" or tok.tag_ == "VBN" and (tok.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in tok.children))):
                    rec = self._adjective_cue(doc, sent, tok)
                if rec is None and low in self.evidential_adverbs and tok.dep_ == "advmod" and not self._quoted(tok.idx):
                    rec = self._adverb_cue(doc, tok)
                if rec is None or rec["cue_tok"] in used_cues:
                    continue
                used_cues.add(rec["cue_tok"])
                if rec.get("quote") is not None:
                    taken_quotes.add(rec["quote"])
                rec["sentence"] = _sent_span(text, sent)
                found.append(rec)
                nested = rec.pop("nested", None)
                if nested is not None and nested["cue_tok"] not in used_cues:
                    used_cues.add(nested["cue_tok"])
                    nested["sentence"] = rec["sentence"]
                    found.append(nested)
            # headline / colon form: "Name Surname: content"; a speaker's verb phrase and a colon before a quote
            for rec in (self._colon_form(doc, sent, used_cues, taken_quotes),
                        self._phrase_before_quote(doc, sent, used_cues, taken_quotes)):
                if rec is not None:
                    used_cues.add(rec["cue_tok"])
                    taken_quotes.add(rec["quote"])
                    rec["sentence"] = _sent_span(text, sent)
                    found.append(rec)

        rec = self._headline_verb(doc, found, is_ignored)
        if rec is not None:
            used_cues.add(rec["cue_tok"])
            found.append(rec)
        found.extend(self._transcript_turns(doc, used_cues, is_ignored))
        found.extend(self._signed_quotes(doc, used_cues, is_ignored))
        self._quote_after_colon(doc, found, taken_quotes)

        # quotes that follow a direct attribution with no cue of their own: content_2
        covered = [False] * len(quotes)
        for rec in found:
            k = rec.get("quote")
            if k is not None:
                covered[k] = True
            for c in (rec["content"], rec["content_2"]):
                if c is None:
                    continue
                kk = self._quote_at(c.start, c.end)
                if kk is not None:
                    covered[kk] = True
                # (and a quote inside reported content: "..., saying the senator would “shut the courts.”")
                for kk in range(bisect.bisect_left(self._q_starts, c.start), len(quotes)):
                    if quotes[kk][0] > c.end:
                        break
                    if quotes[kk][1] <= c.end + 1 and quotes[kk][0] > c.start:
                        covered[kk] = True
        found.sort(key=lambda r: r["cue"].start)
        rec_starts = [min(r["cue"].start, r["content"].start) for r in found]
        for k, (qa, qb) in enumerate(quotes):
            if covered[k] or is_ignored(qa, qb):
                continue
            # (a short quote counts when it is a sentence of its own: "“It's not quite optimistic,” he said.
            # “We're hopeful.”", not a scare quote)
            if len(text[qa:qb].split()) < self.min_quote_words and not self._after_sentence_end(qa - 1):
                continue
            # previous attribution before this quote
            j = bisect.bisect_left(rec_starts, qa) - 1
            if j < 0:
                continue
            prev = found[j]
            if not prev["direct"] and j > 0 and found[j - 1]["direct"] and found[j - 1]["sentence"] == prev["sentence"]:
                prev = found[j - 1]  # "“...,” Sanders said, according to CNN. “...”": the quote goes on
            if prev["content_2"] is not None:
                continue
            if prev["direct"] or qa > prev["cue"].start > prev["content"].end:
                # (so does any statement its speaker follows: "The plans are “deeply reckless,” said X.
                # “...”", "“Prices were rising” before the strike, she said. “...”")
                last_end = max(prev["cue"].end, prev["content"].end, prev["sentence"].end if prev["sentence"] else 0)
                gap = text[last_end:qa].rstrip("\"“«„`'")  # (a plain-text opening mark is two characters: '')
                # only the rest of the cue sentence / paragraph breaks between them
                if gap.count("\n") > 2 or gap.strip().strip(".,”\"'").strip():
                    continue
            elif qa <= prev["content"].end or "\n" in text[prev["content"].end:qa] or \
                    text[prev["content"].end:qa - 1].strip() not in ("", ","):
                # reported speech that a quote goes on right after a comma: "said kits would be available, “For
                # example, schools can ...”"
                continue
            # the quote must not be followed by its own cue (covered above) -> content_2
            prev["content_2"] = self._char_trim(text, qa, qb)
            covered[k] = True

        for rec in found:
            if not rec["direct"]:
                rec["content"] = self._through_colon_gloss(doc, self._through_open_quote(
                    self._without_trailing_aside(doc, self._with_subject_before(doc, rec))))
                if rec["content_2"] is not None and not self._quoted(rec["content_2"].start):
                    rec["content_2"] = self._without_trailing_aside(doc, rec["content_2"])
        found = self._without_nested_stance(doc, self._split_coordinated(doc, found))
        atts = []
        extra = []
        for n, rec in enumerate(found, 1):
            atts.append(Attribution(id=f"T{n}", cue=rec["cue"], content=rec["content"], source=rec["source"],
                                    cue_lemma=rec["lemma"], direct=rec["direct"], content_2=rec["content_2"],
                                    sentence=rec["sentence"]))
            extra.append({"recipient": rec.get("recipient"), "source_tok": rec.get("source_tok"),
                          "cue_tok": rec["cue_tok"], "relative_head": rec.get("relative_head")})
        ext.attributions.extend(atts)
        doc.user_data[USER_KEY] = {a.id: x for a, x in zip(atts, extra)}
        return doc

    _COLON_GLOSS = re.compile(r" ?: [a-z0-9]")

    def _through_colon_gloss(self, doc, content: Span) -> Span:
        """Content that a colon spells out in the same sentence goes on to the sentence's end: "repeated her
        pledges: rebuilding the bridge, ...", "noted that the town has grown: 40 percent more homes than in 2010"
        (a lower-case word or a number after the colon; a capital or a new line may open a new statement)."""
        if not self._COLON_GLOSS.match(self._text, content.end):
            return content
        span = doc.char_span(content.end, content.end + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return content
        sent = span[0].sent
        return self._char_trim(self._text, content.start, sent.end_char) or content

    def _through_open_quote(self, content: Span) -> Span:
        """Reported speech that opens a quotation and ends inside it goes on to the quotation's end: "said that
        “ethanol people” “do a fantastic job. And it's so important.”" (the parse stopped at the first sentence)."""
        k = bisect.bisect_right(self._q_starts, content.end) - 1
        while k >= 0 and self._quotes[k][0] >= content.start:
            qa, qb = self._quotes[k]
            if qa < content.end < qb:
                return self._char_trim(self._text, content.start, qb) or content
            k -= 1
        return content

    def _rest_of_interrupted_clause(self, doc, sent, tok, subj, cue_end: int, content: Span) -> Span | None:
        """What follows a cue set off by commas inside the clause it reports: "The argument would be aided,
        Devine said, *by the upcoming calendar*", "..., they say, *but he is still an effective advocate*",
        "..., police insist, *because policing has evolved*", "not only X, she said, *but also Y*". The parser
        hangs these words on a word of the reported clause or on the cue. The rest ends before a participle
        after a comma ("..., he said, adding that ..."), a finite clause with a cue of its own ("..., and
        Democrats are alleging ..."; but "..., he said, for the party to tell voters now" goes on), a relative
        clause or appositive, an aside ("while ...") or a time ("..., two days after the vote"). The cue's
        own addressee and setting come first ("..., the source told RFA on Monday, because ..."); of its other
        modifiers only clauses, joined predicates and the prepositions of ``continuation_preps`` continue the
        content."""
        own = self._own_start(tok, subj)
        if own == 0 or doc[own - 1].text != "," or doc[own - 1].idx < content.end:
            return None
        k = max(cue_end, subj.right_edge.i + 1 if subj is not None and subj.i > tok.i else 0)
        while k < sent.end and doc[k].text != ",":
            # the cue's own addressee and setting: "..., the source told RFA on Monday, because ..."
            own_part = next((c for c in tok.children if c.left_edge.i == k and (
                c.dep_ in ("dobj", "dative", "npadvmod", "advmod") or self._when_or_where_said(c, self._occasions))),
                None)
            if own_part is None:
                return None
            k = own_part.right_edge.i + 1
        if k >= sent.end:
            return None
        heads = {tok, *doc[sent.start:own]}
        j = hi = k + 1
        while j < sent.end:
            t = doc[j]
            if t.is_punct or t.dep_ == "cc" and t.head in heads:
                j += 1
                continue
            unit = next((x for x in (t, *t.ancestors) if x.head in heads), None)
            if unit is None or unit.left_edge.i <= k or \
                    unit.dep_ in ("relcl", "appos", "parataxis", "npadvmod", "punct") or \
                    self._when_or_where_said(unit, self._occasions) or doc[j].ent_type_ in ("DATE", "TIME") or \
                    unit.lemma_.lower() in self.verbs and not self._infinitive(unit) or \
                    any(m.dep_ == "mark" and m.lower_ in self.aside_marks for m in unit.children) or \
                    unit.tag_ in ("VBG", "VBN") and unit.dep_ != "prep" and doc[j - 1].text == "," and not any(
                        c.dep_ == "mark" or c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in unit.children) or \
                    unit.head.i == tok.i and not (unit.dep_ in ("advcl", "xcomp", "conj") or
                                                  unit.dep_ == "prep" and unit.lower_ in self.continuation_preps):
                break
            j = hi = unit.right_edge.i + 1
        rest = self._trim(doc, k + 1, hi)
        return rest if rest is not None and any(ch.isalnum() for ch in rest.text(self._text)) else None

    def _with_subject_before(self, doc, rec) -> Span:
        """Reported content that starts with a finite verb the parser left without a subject takes in the noun
        phrase between the cue and it, which the parser hung on the cue: "said the years when every town had a
        paper are gone", "indicated 40 extra pumps would be the minimum" (not the source, nor a phrase that a comma
        ends: "the permit, her office said, had been hard to get" is an interrupted clause)."""
        content, lo = rec["content"], rec["cue"].end
        if rec["source"] is not None and rec["source"].start >= lo:
            lo = rec["source"].end
        span = doc.char_span(content.start, content.end, alignment_mode="expand")
        if span is None or content.start <= lo or span.start == 0:
            return content
        verb = span[0].head if span[0].dep_ in ("aux", "auxpass") else span[0]
        finite = verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)
        if verb.pos_ not in ("VERB", "AUX") or not finite or \
                any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ or c.dep_ in ("expl", "csubj") for c in verb.children):
            return content
        last = doc[span.start - 1]
        if last.is_punct or last.idx < lo:
            return content
        top = last
        while top.head.i != top.i and top.head.right_edge.i == last.i and top.head.idx >= lo:
            top = top.head
        start = doc[top.left_edge.i]
        if start.idx < lo or top.pos_ in ("VERB", "AUX") and top.dep_ != "xcomp":
            return content
        return Span(start.idx, content.end)

    def _without_trailing_aside(self, doc, content: Span) -> Span:
        """Reported content without a comment the writer appends after a comma: a non-restrictive relative
        clause ("criticised Trump for alienating Hispanics, which he believes will ..."), a contrast ("..., while 9
        percent found it a deterrent") or an appositive gloss ("... the Hyde Amendment, a federal provision ...")."""
        span = doc.char_span(content.start, content.end, alignment_mode="expand")
        if span is None or len(span) < 4:
            return content
        for tok in span[1:-1]:
            nxt = doc[tok.i + 1]
            if nxt.text in CLOSING_MARKS and nxt.i + 1 < span.end:
                nxt = doc[nxt.i + 1]  # (a comma inside the closing mark: "... the mills down,” while ...")
            if tok.text != "," or nxt.i >= span.end:
                continue
            clause = None
            if nxt.tag_ in ("WDT", "WP", "WP$"):
                clause = next((a for a in (nxt, *nxt.ancestors) if a.dep_ == "relcl"), None)
            elif nxt.dep_ == "mark" and nxt.lower_ in self.aside_marks:
                clause = nxt.head
            elif nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "xcomp", "conj") and nxt.lemma_.lower() in self.verbs \
                    and not self._quoted(tok.idx):
                clause = nxt  # "..., pointing to Cruz's victories": the speaker's next statement, not this one
            elif nxt.tag_ == "DT" and (appos := nxt.head).dep_ == "appos" and appos.left_edge.i == nxt.i and \
                    not self._quoted(tok.idx):
                clause = appos  # "... the Hyde Amendment, a longstanding provision that ...": the writer's gloss
            if clause is not None and clause.head.i < tok.i and clause.head.i >= span.start and \
                    clause.right_edge.i >= span.end - 2:
                trimmed = self._trim(doc, span.start, tok.i)
                return trimmed if trimmed is not None else content
        return content

    def _without_nested_stance(self, doc, found):
        """Drop the attributions whose cue lies inside another one's reported content, unless the cue
        is speech, report or belief (lexicon ``nested_cues``): in "the senator said the plan supports
        farmers", "supports" is part of what the senator said, not a statement of the plan's. A nested
        belief of the speaker's own ("the senator said she believes ...": a personal pronoun or the same
        words as the outer speaker) is part of the statement too (lexicon ``own_stance_cues``)."""
        contents = [(c, rec) for rec in found for c in (rec["content"], rec["content_2"]) if c is not None]
        kept = []
        for rec in found:
            outer = next((o for c, o in contents if o is not rec and c.start <= rec["cue"].start and rec["cue"].end <= c.end),
                         None)
            if outer is not None and not outer.get("hearsay") and (rec["lemma"] not in self.nested_cues or
                                      rec["lemma"] in self.own_stance_cues and self._same_speaker(doc, rec, outer) or
                                      rec["source"] is None and doc[rec["cue_tok"]].pos_ == "NOUN"):
                # (a claim no one owns inside another's statement, "denied claims that ...", is part of that
                # statement: an attribution of its own would say nothing more)
                continue
            kept.append(rec)
        return kept

    def _same_speaker(self, doc, inner, outer) -> bool:
        """Whether the nested attribution's speaker is a personal pronoun or repeats the outer speaker's words."""
        if inner["source"] is None:
            return False
        st = inner.get("source_tok")
        if st is not None and doc[st].tag_ == "PRP" and inner["source"].end - inner["source"].start == len(doc[st].text):
            return True
        return outer["source"] is not None and \
            inner["source"].text(self._text).lower() == outer["source"].text(self._text).lower()

    def _split_coordinated(self, doc, found):
        """One attribution per speaker of a coordinated subject of named speakers ("Both X and Y
        said ...", "the UN and the US have both criticised ..."): only when marked by "both" and
        joined by "and" (PolNeAR keeps a plain "X and Y said" as one source span)."""
        out = []
        for rec in found:
            st = rec.get("source_tok")
            src = rec.get("source")
            if st is None or src is None or rec.get("relative_head") is not None:
                out.append(rec)
                continue
            head = doc[st]
            conjs = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
            ccs = [c for c in head.children if c.dep_ == "cc"]
            both = any(c.dep_ == "preconj" and c.lower_ == "both" for c in head.children) or \
                (head.head.i != head.i and any(c.lower_ == "both" and c.dep_ in ("advmod", "det", "preconj")
                                               for c in head.head.children))
            if not conjs or not ccs or any(c.lower_ != "and" for c in ccs) or \
                    not both or \
                    head.pos_ not in ("PROPN", "NOUN") or len(conjs) > 3:
                out.append(rec)
                continue
            first_end = min(c.i for c in ccs)
            first_start = head.left_edge.i
            while first_start < head.i and doc[first_start].lower_ == "both":
                first_start += 1
            parts = [(self._trim(doc, first_start, first_end), head.i)]
            for c in conjs:
                parts.append((self._subtree_span(doc, c), c.i))
            if any(p is None or not (src.start <= p.start and p.end <= src.end) for p, _ in parts):
                out.append(rec)
                continue
            for k, (p, ti) in enumerate(parts):
                r = dict(rec)
                r["source"], r["source_tok"] = p, ti
                out.append(r)
        return out

    # ------------------------------------------------------------------ cue kinds
    def _cue_span(self, doc, tok, lemma):
        """Cue span and normalised lemma: the verb, plus its particle ("called for") or the medium right
        after it ("said in a statement", "wrote in an op-ed")."""
        norm = self.verbs[lemma]
        end = tok.i + 1
        if lemma in self.object_idioms and end < len(doc) and doc[end].head.i == tok.i and \
                doc[end].lower_ in self.object_idioms[lemma]:
            end += 1  # "put it"
        parts = self.particles.get(lemma)
        if parts:
            # the particle right after the verb, or after one adverb of the verb ("called again for")
            at = tok.i + 2 if tok.i + 2 < len(doc) and doc[tok.i + 1].dep_ == "advmod" and \
                doc[tok.i + 1].head.i == tok.i else tok.i + 1
            for c in tok.children:
                if c.i == at and c.lower_ in parts and c.dep_ in ("prt", "prep"):
                    end = c.i + 1
                    norm = self.particle_lemmas.get(f"{lemma} {c.lower_}", norm)
            # "calling for the United States to step up ...": the parser made "for" the mark of a clause
            nxt = doc[at] if at < len(doc) else None
            if end == tok.i + 1 and nxt is not None and nxt.lower_ in parts and nxt.dep_ == "mark" and \
                    nxt.head.head.i == tok.i and nxt.head.dep_ == "advcl":
                end = nxt.i + 1
                norm = self.particle_lemmas.get(f"{lemma} {nxt.lower_}", norm)
        # any other particle too ("called out", "spoke up")
        if end == tok.i + 1 and end < len(doc) and doc[end].dep_ == "prt" and doc[end].head.i == tok.i:
            end += 1
        # a manner or time adverb right after the verb is part of the cue ("said sarcastically", "added later")
        if end == tok.i + 1 and end < len(doc) and doc[end].head.i == tok.i and doc[end].dep_ == "advmod" and \
                doc[end].tag_ == "RB" and doc[end].lower_ not in ("so", "not", "n't"):
            end += 1
        if self.cue_medium and end == tok.i + 1 and end < len(doc) and doc[end].lower_ == "in" and doc[end].head.i == tok.i:
            pobj = next((p for p in doc[end].children if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in self.medium_nouns and pobj.i - end <= 3:
                end = pobj.i + 1
        start = self._aux_start(doc, tok)
        gov = self._governor(tok)
        if gov is not None:
            start = self._aux_start(doc, gov)
        return Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1])), norm, end

    @staticmethod
    def _stranded_subject(doc, sent, cue: Span):
        """The subject of a verb the parser left without one because it hung the name on the phrase before:
        "In an interview with the hosts X and Y, the candidate stated", "Through real-time analytics, reporters and
        editors know", "Among likely voters, about half, 51 percent, say". It is the highest noun phrase, below
        any other clause, that ends right before the cue (or its comma), starts the sentence or follows a comma,
        and is not a date."""
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        first = span[0]
        after = doc[span.end] if span.end < sent.end else None
        while after is not None and after.dep_ in ("compound", "det", "amod") and after.head.i > after.i:
            after = after.head
        if after is not None and after.pos_ == "PROPN" and after.head.i < after.i and after.head.pos_ == "VERB" and \
                all(t.is_punct or t.is_space for t in doc[after.right_edge.i + 1:sent.end]):
            return None  # "..., said X, a director, reports USA Today": the speaker follows the verb
        end = first.i - 1
        while end > sent.start and doc[end].dep_ in ("advmod", "aux", "neg") and doc[end].head.i == span.root.i:
            end -= 1  # "..., 61-year-old Dora Pike also railed against ...", "..., the senator, was preparing"
        if end > sent.start and doc[end].text == "," and (adjunct := next((
                c for c in span.root.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.right_edge.i == end - 1 and
                c.left_edge.i > sent.start + 1 and doc[c.left_edge.i - 1].text == ","), None)) is not None:
            end = adjunct.left_edge.i - 1  # "Tuesday, Utah, leading a group of 9 states, asked ..."
        if end > sent.start and doc[end].text in (",", *DASHES):
            end -= 1
        if end <= sent.start or doc[end].is_punct and doc[end].text != ")":
            return None
        best, t = None, doc[end]
        while t.i < first.i and (best is None or t.pos_ not in ("VERB", "AUX")):
            # (up through the name's own phrase, not into another clause: "..., said X, a director, Y reports")
            lo = t.left_edge.i
            if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and t.right_edge.i in (end, end + 1) and \
                    t.ent_type_ not in ("DATE", "TIME") and (lo == sent.start or doc[lo - 1].text in (",", *CLOSE_QUOTES, "''")):
                best = t
            if t.head.i == t.i:
                break
            t = t.head
        return best

    def _subject_of_clause_before(self, doc, sent, comma):
        """The subject of the nearest finite clause before the comma of a participle, outside any quote, when the
        parser tied the participle to nothing that has one: "X posted the news last week, writing “...”", "“...,” she
        said, not even hinting ..." (the participle is the speaker's next statement)."""
        for v in reversed(doc[sent.start:comma.i]):
            if v.pos_ in ("VERB", "AUX") and not self._quoted(v.idx) and (v.tag_ in ("VBD", "VBZ", "VBP") or any(
                    c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in v.children)):
                return next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and not self._quoted(c.idx)),
                            None)
        return None

    def _speaker_inside_clause_before(self, doc, tok):
        """The speaker of a verb with no subject that the parser put inside the clause before it: a name after
        the quote it closes ("“...,” Texas delegate Bill Eastland, wearing a hat, said"), or the subject of a first
        predicate the parser made the verb's complement ("Kasich offered the man a job, then says he'll ...")."""
        for clause in tok.children:
            if clause.dep_ == "ccomp" and clause.i < tok.i and self._quoted(clause.idx):
                return next((c for c in clause.children if c.dep_ in ("npadvmod", "appos", "nsubj", "dobj") and
                             c.pos_ in ("PROPN", "NOUN") and not self._quoted(c.idx) and c.i < tok.i and
                             self._quote_closing_before(doc, c.left_edge.i) is not None), None)
        if any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
            return self._first_predicate_subject(tok)
        return None

    def _first_predicate_subject(self, verb):
        """The subject of the first predicate of a list the parser made the complement of a later one: "Kasich
        offered the man a job, then says ...", "Trump summed her up as “terrible,” denounced her record and said
        ..." (a complement before the verb, not quoted, and closed by a comma), or None."""
        first = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and
                      not self._quoted(c.left_edge.idx) and verb.doc[c.right_edge.i + 1].text == ","), None)
        return next((c for c in first.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN", "PRON")), None) \
            if first is not None else None

    def _statement_carrier(self, doc, tok):
        """The verb that issued the statement a participle cue hangs on ("issued a statement saying", "sent an email
        asking"; but not after a comma: "gave a speech, predicting ..."), or None."""
        if tok.tag_ != "VBG" or tok.i == 0 or doc[tok.i - 1].text == ",":
            return None
        if tok.dep_ == "acl" and tok.head.dep_ == "dobj" and tok.head.head.pos_ == "VERB" and \
                tok.head.lemma_.lower() in self._issued_nouns:
            return tok.head.head
        if tok.dep_ == "advcl" and tok.head.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.i < tok.i and c.lemma_.lower() in self._issued_nouns for c in tok.head.children):
            return tok.head
        return None

    def _occasion_verb(self, tok):
        """The verb of the clause whose setting a participle cue describes: "[In a speech attacking X], Clinton
        said ...", "Sanders spoke [at a rally blasting Y]", "Sanders opened [a rally blasting Y]" (the participle
        hangs on an occasion noun, lexicon ``occasion_nouns``, after a preposition or as the verb's object), or
        None."""
        noun = tok.head
        if tok.tag_ != "VBG" or tok.dep_ != "acl" or noun.dep_ not in ("pobj", "dobj") or \
                noun.lemma_.lower() not in self._spoken_occasions or tok.lemma_.lower() in EVIDENCE_VERBS:
            return None  # (but "in a statement defending ...", "in videos showing ...": a medium speaks for itself)
        if noun.dep_ == "dobj":  # "opened a rally blasting Y" (but "received calls saying ...": the callers')
            return noun.head if noun.head.pos_ == "VERB" and noun.tag_ == "NN" else None
        prep = noun.head
        return prep.head if prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX") else None

    @staticmethod
    def _impersonal_or_unauthorized(tok) -> bool:
        """An infinitive whose clause has an anticipatory "it" ("it's safe to say", "it is important to remember",
        "made it easier to dismiss"), or that names what an anonymous source may not do ("not authorized to discuss",
        "requested anonymity to reveal")."""
        head = tok.head.head if tok.head.dep_ in ("acomp", "oprd", "ccomp") and tok.head.pos_ == "ADJ" else tok.head
        judged = tok.head.pos_ == "ADJ" or any(c.dep_ in ("acomp", "attr") and c.pos_ == "ADJ" for c in head.children)
        if judged and any(c.dep_ in ("nsubj", "expl", "dobj") and c.lower_ == "it" and c.i < tok.i
                          for c in head.children):
            return True
        return tok.head.lower_ == "authorized" or any(c.dep_ == "dobj" and c.lower_ == "anonymity"
                                                      for c in tok.head.children)

    @staticmethod
    def _went_on(verb) -> bool:
        """"went on to", "continued to": the act that follows did happen."""
        return verb.lemma_.lower() == "continue" or verb.lemma_.lower() == "go" and any(
            c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)

    def _governor(self, tok):
        """The aspect or raising verb a cue hangs on as "to"-infinitive ("went on to say", "seemed to
        think", "continued to insist"): it belongs to the cue; only particles may stand between."""
        head = adjective = tok.head
        if tok.dep_ == "xcomp" and head.lower_ in self.factive_adjectives and head.dep_ == "acomp" and head.i < tok.i:
            head = head.head  # "was quick to point out": the copula and its adjective belong to the cue
        elif tok.dep_ not in ("xcomp", "advcl") or head.i >= tok.i or head.lemma_.lower() not in self.cue_governors:
            return None
        start = self._aux_start(tok.doc, tok)
        if tok.doc[start].tag_ != "TO" or any(t.dep_ != "prt" and t.i != adjective.i
                                                for t in tok.doc[head.i + 1:start]):
            return None
        return head

    @staticmethod
    def _aux_start(doc, tok) -> int:
        """First token of the verb group ending at ``tok``: the auxiliaries, negation, infinitival
        "to" and adverbs right before it belong to the cue ("has also said", "did not deny", "to say")."""
        start = tok.i
        while start > 0:
            prev = doc[start - 1]
            if prev.head.i != tok.i or prev.is_punct:
                break
            if not (prev.dep_ in ("aux", "auxpass", "neg") or prev.dep_ == "advmod" and prev.tag_ == "RB"):
                break
            start -= 1
        return start

    def _verb_cue(self, doc, sent, tok, lemma):
        text, quotes = self._text, self._quotes
        if tok.dep_ in ("amod", "compound") or tok.tag_ in ("JJ",):
            return None  # "the said document", "told" used as adjective
        if lemma == "say" and tok.i > 0 and doc[tok.i - 1].lower_ in ("that", "this") and tok.i + 1 < len(doc) and \
                doc[tok.i + 1].text == "," and all(t.is_punct for t in doc[sent.start:tok.i - 1]):
            return None  # "That said, ...": the writer's concession
        cue, norm, cue_end = self._cue_span(doc, tok, lemma)
        if lemma in self.object_idioms and not (tok.i + 1 < cue_end and doc[tok.i + 1].lower_ in self.object_idioms[lemma]):
            return None  # "put the plan on hold", "put together": not the idiom
        # (a bare verb joined to an infinitive shares its "to": "to collect the money and report the totals")
        inf = tok.head if tok.dep_ == "conj" and tok.tag_ == "VB" and self._infinitive(tok.head) else tok
        if self._infinitive(inf) and (
                inf.dep_ == "acl" and inf.head.pos_ in ("NOUN", "PROPN") or inf.dep_ == "xcomp" and inf.head.pos_ == "ADJ"
                and inf.head.lower_ not in self.factive_adjectives
                or inf.dep_ in ("xcomp", "advcl") and inf.head.lemma_.lower() in self.verbs and not self._went_on(inf.head)
                or inf.dep_ == "xcomp" and inf.head.lemma_.lower() in self.order_governors
                or norm not in self.nested_cues and not self._went_on(inf.head) and (
                    inf.dep_ == "advcl" or inf.head.lemma_.lower() in self.cue_governors)
                or self._impersonal_or_unauthorized(inf)):
            # an infinitive that names a possible act, not one that happened: "the chance to defend", "likely to
            # support her", "spent $1 million to back her", "urged delegates to back him", "declined to comment"
            # (the urging, the declining is the cue), "tried to defend"; but "went on to attack" did attack; "it's
            # safe to say", "it is important to remember", "not authorized to discuss": no one's act
            return None
        if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in ACTIVITY_PREPS and \
                not any(c.dep_ == "ccomp" for c in tok.children):
            # "was focused on attacking him", "refrained from criticizing": an activity (but "in addition to stating
            # that ...": a statement)
            return None
        if lemma in self.main_clause_verbs and (tok.dep_ != "ROOT" or not any(
                c.dep_ == "dobj" and c.lemma_.lower() not in self._issued_nouns for c in tok.children)):
            # "a report released Monday", "the help she offered": narration; "released a statement saying ...", "issued
            # the following statement: ...": the statement's words are the content (see _statement_carrier)
            return None
        if any(c.dep_ == "prt" and c.lower_ in self.other_senses.get(lemma, ()) for c in tok.children):
            return None  # "called off the deal", "found out who sent it": another verb
        if lemma == "call" and tok.tag_ == "VBN" and tok.dep_ == "acl" and self._agent(tok) is None:
            return None  # "a website called “Cape Breton If Trump Wins”": a name, no one's statement
        subj, passive = self._subject(tok)
        carrier = self._statement_carrier(doc, tok)
        if carrier is not None:
            # "the campaign issued a statement saying ...": the act of issuing it is part of the cue, and its
            # subject is the speaker (not the statement)
            cue = Span(doc[self._aux_start(doc, carrier)].idx, cue.end)
            subj, passive = self._subject(carrier)
        elif (occasion := self._occasion_verb(tok)) is not None:
            # "In a speech attacking Trump, Clinton said ...": who gave the speech speaks, not the speech
            subj, passive = self._subject(occasion)
        if subj is None and not passive and tok.tag_ == "VBG" and not self._quoted(tok.idx) and \
                (first := doc.char_span(cue.start, cue.end, alignment_mode="expand").start) > sent.start + 1 and \
                self._after_comma(doc, first):
            subj = self._subject_of_clause_before(doc, sent, doc[first - 1])
        if subj is None and not passive and tok.dep_ == "ROOT":
            subj = self._stranded_subject(doc, sent, cue)
        elif subj is None and not passive and tok.dep_ == "conj" and tok.head.dep_ == "ROOT" and \
                tok.head.pos_ == "VERB" and not any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in tok.head.children):
            # "... Dora Pike also railed against the mill, and explained ...": the first verb's stranded subject
            subj = self._stranded_subject(doc, sent, Span(tok.head.idx, tok.head.idx + len(tok.head)))
        if subj is None and not passive and tok.dep_ == "ROOT" and norm in SPEECH:
            subj = self._speaker_inside_clause_before(doc, tok)
        if subj is None and not passive and (norm in SPEECH and lemma not in ADDRESSEE_VERBS or lemma == "ask") and \
                (prev := self._previous_word(doc, tok.i)) is not None and prev.is_punct and prev.text not in DASHES and \
                any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children):
            # "“...,” added another Republican", "“...?” asked the boy": the parser read the inverted speaker, the
            # rest of the sentence, as the verb's object
            subj = next((c for c in tok.children if c.dep_ == "dobj" and c.left_edge.i == tok.i + 1 and
                         (c.pos_ in ("NOUN", "PROPN") or c.tag_ == "DT" and c.left_edge.i == c.right_edge.i) and
                         all(t.is_punct or t.is_space or t.head.i == tok.i and t.dep_ in ("conj", "cc", "advcl") or
                             any(a.dep_ in ("conj", "advcl") and a.head.i == tok.i for a in t.ancestors)
                             for t in doc[c.right_edge.i + 1:sent.end])), None)
            # (what follows the inverted speaker may be the speaker's next act: "“...?” asked the boy, who wore
            # a cap and said his name was Theo")
        if subj is None and tok.tag_ == "VB" and tok.dep_ in ("ROOT", "conj") and norm not in self.nested_cues and \
                not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            return None  # an imperative stance ("Support Paul Ryan", "Call it viral fundraising") is the writer's advice
        as_clause = any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        if subj is None and as_clause and tok.tag_ == "VBN":
            # "As reported by the Herald, ...": the agent is the source of the clause the "as" clause hangs on
            if (reporter := self._agent(tok)) is not None:
                subj, passive = reporter, False
        if norm == "deny" and any(c.dep_ in ("dative", "iobj") or passive and c.dep_ == "dobj" for c in tok.children):
            return None  # "were denied visas", "denying them entry": withholding, not disputing
        content = content_2 = None
        direct = False
        qk = None
        recipient = None
        children = list(tok.children)
        if lemma in self.prep_only and not any(c.dep_ == "prep" and c.lower_ in self.prep_content.get(lemma, ())
                                               for c in children):
            return None  # "Speaking in the capital, ..." is no attribution; "speaking about X" is
        ccomp = next((c for c in children if c.dep_ == "ccomp" and c.i > tok.i), None) or \
            next((c for c in children if c.dep_ == "ccomp"), None)
        if ccomp is None and norm == "say" and not passive:
            # "who said using a private server was improper", "which she said represented all her emails": the
            # parser read the reported clause as a complement with no "to"
            ccomp = next((c for c in children if c.dep_ == "xcomp" and c.i > tok.i and c.left_edge.i == cue_end and
                          not self._infinitive(c)), None)
        if ccomp is not None and ccomp.i < tok.i and subj is not None and subj.i < tok.i and \
                not self._quoted(ccomp.idx) and any(c.i > tok.i and (c.dep_ == "xcomp" or c.dep_ == "dobj" and
                                                                       lemma not in ADDRESSEE_VERBS) for c in children):
            # "..., then he mentions his role", "X faces a spoiler; supporters threaten to cast protest votes": a cue
            # with an object or infinitive of its own does not report the clause before it
            ccomp = None
        quoted_before = next((c for c in children if c.dep_ == "ccomp" and c.i < tok.i and self._quoted(c.idx)),
                             None) if ccomp is not None and ccomp.i > tok.i else None
        if quoted_before is not None and subj is not None:
            if subj.i < tok.i and (
                    not self._quoted(ccomp.idx) and (ccomp.left_edge.tag_ == "VBG" or any(
                        m.dep_ == "mark" and m.lower_ not in ("that", "if", "whether") for m in ccomp.children)) or
                    any(not t.is_punct and not t.is_space for t in doc[cue_end:ccomp.left_edge.i])) and all(
                    t.is_punct or t.is_space or t.i >= subj.left_edge.i
                    for t in doc[quoted_before.right_edge.i + 1:tok.i]):
                # "“He didn't report the loans,” he said as some booed", "“...,” Weiner said in May on the podcast
                # “Here's the Thing”": the quote before the speaker is what was said; the parser made a clause after
                # the verb (or after its adjuncts) a second complement
                ccomp = quoted_before
            quoted_before = None
        if quoted_before is not None and all(t.is_punct for t in doc[quoted_before.right_edge.i + 1:tok.i]):
            # "“She needs big ideas,” said Robert Reich, who served ... yet endorsed Sanders": the parser made
            # the speaker's own clause a second complement; the quote is the content, its subject the speaker
            subj = next((c for c in ccomp.children if c.dep_ == "nsubj" and c.left_edge.i == tok.i + 1), None)
            if subj is not None:
                ccomp = quoted_before
        if ccomp is None and subj is not None and subj.head.dep_ == "agent" and \
                any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in children):
            # "it is asserted by X that ...": the parser may hang the clause on X as a relative clause
            ccomp = next((c for c in subj.children if c.dep_ == "relcl" and c.left_edge.lower_ == "that"), None)
        # recipient: "told RFA", "told reporters"
        for c in children:
            if c.dep_ in ("dobj", "dative", "iobj") and lemma in ADDRESSEE_VERBS:
                if c.pos_ in ("PROPN", "NOUN", "PRON"):
                    recipient = self._subtree_span(doc, c)
            if c.dep_ == "prep" and c.lower_ == "to" and lemma in ("say", "explain", "state", "report", "announce",
                                                                    "write", "complain", "confirm"):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and c.i < (ccomp.left_edge.i if ccomp is not None else 10 ** 9):
                    recipient = self._subtree_span(doc, pobj)

        as_prep = None
        # "they are accused of neglect", "it has been described as pseudoscience", "what the church describes as a
        # retreat": with no object of its own, the cue's content is what it is accused of / described as
        bare_prep = None
        if passive and norm == "accuse" or lemma in self.as_verbs and (passive or any(
                c.dep_ == "dobj" and c.i < tok.i and c.tag_ in ("WP", "WDT") for c in children)):
            bare_prep = next((c for c in children if c.dep_ == "prep" and c.i > tok.i and
                              c.lower_ == ("of" if norm == "accuse" else "as")), None)
        bare_obj = next((p for p in bare_prep.children if p.dep_ in ("pobj", "pcomp", "amod", "acomp")), None) \
            if bare_prep is not None else None
        if lemma in self.as_verbs:
            obj = next((c for c in children if c.dep_ == "dobj" and c.i > tok.i), None)
            as_prep = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as" and obj is not None
                            and c.i > obj.i), None)
            if as_prep is None and bare_obj is None and lemma in self.as_only:
                return None
        if as_prep is not None:
            # "sees Cruz as a uniter", "described the plan as reckless": object and its description
            content = self._trim(doc, obj.left_edge.i, as_prep.right_edge.i + 1)
        elif bare_obj is not None:
            content = self._subtree_span(doc, bare_obj)
            if bare_prep.i == cue_end:
                cue = Span(cue.start, bare_prep.idx + len(bare_prep))
        elif lemma == "attribute":
            to = next((c for c in children if c.dep_ == "prep" and c.lower_ == "to"), None)
            pobj = next((p for p in to.children if p.dep_ == "pobj"), None) if to is not None else None
            if pobj is None:
                return None
            content = self._subtree_span(doc, pobj)
            cue = Span(tok.idx, to.idx + len(to))
        elif ccomp is None and norm in SPEECH and lemma not in self.prep_only and not passive and \
                self._finite_xcomp(tok) is not None:
            # "He said legalizing it could put thousands to work": the parser's xcomp is the clause
            x = self._finite_xcomp(tok)
            content = self._trim(doc, max(x.left_edge.i, cue_end), x.right_edge.i + 1)
        elif ccomp is None and norm in SPEECH and cue_end < len(doc) and doc[cue_end].lower_ == "that" and \
                doc[cue_end].head.i == tok.i and doc[cue_end].dep_ in ("dobj", "nsubj") \
                and all(c.dep_ in ("preconj", "advmod") for c in doc[cue_end].children) \
                and any(c.i > cue_end and c.dep_ in ("advcl", "dep", "xcomp") for c in children):
            # "states that few if any firms use it": the parser took "that" for the object and hung the clause
            # on the verb; the content runs from "that" over that clause
            x = next(c for c in children if c.i > cue_end and c.dep_ in ("advcl", "dep", "xcomp"))
            content = self._trim(doc, cue_end, x.right_edge.i + 1)
        elif ccomp is None and norm in SPEECH and (x := self._statement_clause(tok)) is not None:
            # "told LA Weekly in a statement that the case ...": the parser hung the clause on "statement"
            content = self._clause_span(doc, x.left_edge.i, x.right_edge.i + 1)
        elif ccomp is None and norm == "say" and not passive and cue_end < len(doc) and \
                doc[cue_end].lower_ in ("yes", "no", "so") and doc[cue_end].head.i == tok.i:
            content = Span(doc[cue_end].idx, doc[cue_end].idx + len(doc[cue_end]))  # "72 percent said yes"
        elif ccomp is not None and lemma not in self.prep_only and \
                not (lemma in ("tell", "ask") and ccomp.i < tok.i and passive):
            lo, hi = ccomp.left_edge.i, ccomp.right_edge.i + 1
            # a second clause right after the first, with no comma or conjunction between, is the rest of one clause
            # the parser split ("that a measles outbreak [in the camps] could spread ...": "outbreak" read as a verb)
            nxt = next((c for c in children if c.dep_ == "ccomp" and c.left_edge.i == hi and
                        c.lemma_.lower() not in self.verbs), None)
            if ccomp.i > tok.i and nxt is not None:
                hi = nxt.right_edge.i + 1
            if ccomp.i > tok.i:
                lo = max(lo, cue_end)
                setting = doc[lo] if lo < ccomp.i else None
                if setting is not None and setting.dep_ == "prep" and setting.head.i == ccomp.i and any(
                        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in setting.children) and \
                        any(c.dep_ in SUBJ and c.left_edge.i == setting.right_edge.i + 1 for c in ccomp.children):
                    # "said on Wednesday it was aware ...": the day of the saying, which the parser hung on the clause
                    lo = setting.right_edge.i + 1
                stray = next((c for c in ccomp.children if c.i > ccomp.i and (
                    self._stray_cue(c) or self._second_speaker(c))), None)
                if stray is not None:  # the next cue's part of the sentence is not this cue's content
                    hi = next((c.i for c in ccomp.children if c.dep_ == "cc" and c.i < stray.i), stray.left_edge.i)
                # adverbial clauses the parser hung on the cue verb after its clause belong to the content ("said
                # the plan failed, because ..."); a participle ("..., adding ...") is an attribution of its own
                # and so does a second clause with a subject of its own joined by a bare "and" ("claims that her
                # passport was taken and she was forced to work"), unless it is a cue itself
                for c in children:
                    if c.i > ccomp.i and c.tag_ != "VBG" and all(t.is_punct or t.dep_ == "cc" for t in doc[hi:c.left_edge.i]) \
                            and not any(m.dep_ == "mark" and m.lower_ in self.aside_marks for m in c.children) \
                            and (c.dep_ in ("advcl", "prep") or c.dep_ == "conj" and hi < len(doc) and
                                 any(t.lower_ in ("and", "but") for t in doc[hi:c.left_edge.i]) and
                                 (c.lemma_.lower() not in self.verbs or
                                  any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)) and
                                 any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)):
                        hi = c.right_edge.i + 1
                while hi > lo + 1 and doc[hi - 1].dep_ == "cc":
                    hi -= 1  # a conjunction left dangling by a clause cut after it: "said A and [B said ...]"
                content = self._clause_span(doc, lo, hi)
            else:
                content = self._trim(doc, lo, min(hi, self._own_start(tok, subj)))
        else:
            if content is None and lemma in self.question_verbs:
                # "asked workers if they would vote": the parser hangs the reported question on the verb as an
                # adverbial clause
                q = next((c for c in children if c.dep_ == "advcl" and c.i > tok.i and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)
                if q is not None:
                    content = self._subtree_span(doc, q)
            if content is None and lemma in self.prep_content and not (tok.tag_ == "VBN" and tok.dep_ == "acl"):
                # "talking about Mexican rapists", "referring to other comments": the preposition's object (but
                # "refugees admitted to the United States" were let in)
                prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in self.prep_content[lemma]
                             and c.i > tok.i), None)
                pobj = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
                if pobj is not None:
                    # "referred to immigrants as rapists": the description goes with what it describes
                    hi = next((c.right_edge.i for c in children if c.dep_ == "prep" and c.lower_ == "as" and
                               c.i == pobj.right_edge.i + 1), pobj.right_edge.i)
                    content = self._trim(doc, pobj.left_edge.i, hi + 1)
                    if prep.i == cue_end:
                        cue = Span(cue.start, prep.idx + len(prep))
            # parenthetical: "..., he said." / "..., said the source." / "He said, ..."
            head = tok.head
            # a cue that is itself the clause another cue reports ("he stated it would attack", "the authors say
            # the results confirm") is that cue's content, not a parenthetical around it
            # (a cue word inside a quotation is the quote's own word, not a cue: "“He says ...,” Moody said")
            head_in_quote = self._quoted(head.idx) and not self._quoted(tok.idx)
            inside_cue = tok.dep_ == "ccomp" and head.lemma_.lower() in self.verbs and not head_in_quote
            if content is None and tok.dep_ in PARENTHETICAL_DEPS and tok.dep_ != "ROOT" and head.i != tok.i and subj is not None \
                    and not self._infinitive(tok) \
                    and (lemma not in self.clause_only - {"add", "note", "continue", "state", "explain", "post"} or as_clause
                         and norm in SPEECH and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "advcl", "attr", "oprd", "dative")
                                     for c in children)) \
                    and lemma not in self.intention_verbs and not any(
                        c.i > tok.i and (as_clause and c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and
                                         c.pos_ != "PRON" and lemma not in ADDRESSEE_VERBS) for c in children) \
                    and not passive and not inside_cue and self._governor(tok) is None:
                # own clause = tokens of tok's subtree; content = rest of the head's clause
                own_lo, own_hi = tok.left_edge.i, tok.right_edge.i + 1
                h_lo, h_hi = head.left_edge.i, head.right_edge.i + 1
                # content before the cue, unless the cue's clause is an adverbial one that follows its main
                # clause ("the call came after Smith attacked her", "he endorsed her, citing her record") or a
                # second predicate ("he stood with them and urged ..."); "as" opens a true parenthetical
                # (a clause of time the parser opened with an adverb: "... when he blasted the ruling")
                marked = any(c.dep_ == "mark" and c.lower_ != "as" or c.dep_ == "advmod" and c.tag_ == "WRB" and
                             c.i < tok.i for c in children)
                subordinate = marked or tok.tag_ == "VBG" or tok.dep_ == "conj"
                if head.i < own_lo and not subordinate:
                    content = self._trim(doc, max(h_lo, sent.start), own_lo)
                elif head.i >= own_hi and tok.dep_ in ("parataxis", "advcl", "dep") and tok.tag_ != "VBG" and \
                        not marked:
                    # (not a clause of time or concession: "While Clinton pledged to work with both parties, ...")
                    # not an opening participle ("Citing privacy rules, officials ..."): its object is its content
                    content = self._trim(doc, own_hi, min(h_hi, sent.end))
                    before = self._trim(doc, max(h_lo, sent.start), own_lo) if max(h_lo, sent.start) < own_lo else None
                    if before is not None and any(ch.isalnum() for ch in before.text(text)) and content is not None \
                            and self._quote_at(content.start, content.end) is None:
                        # "The solution, he told the paper, was simple": the clause the cue interrupts, in two pieces
                        content, content_2 = before, content
            if content is None and tok.dep_ != "ROOT" and norm in SPEECH and tok.tag_ in ("VBD", "VBZ", "VBP") and \
                    subj is not None and \
                    (comma := subj.left_edge.i - 1) > sent.start + 2 and doc[comma].text == "," and \
                    subj.i < tok.i and all(t.dep_ in ("aux", "neg", "advmod") for t in doc[subj.right_edge.i + 1:tok.i]) \
                    and all(t.is_punct or t.is_space or t.dep_ in ("advmod", "npadvmod") and t.head.i == tok.i
                            for t in doc[tok.i + 1:sent.end]):
                # "..., beliefs and fears to band into groups and recruit others, he said.": a closing "he said" the parser
                # hung inside the clause it reports; everything before its comma is what was said
                content = self._trim(doc, sent.start, comma)
            # (or a cue the parser hung on a word inside the quote before it: "“..., but they award ...,” Mook said")
            if content is None and (tok.dep_ == "ROOT" or head_in_quote) and lemma not in self.intention_verbs:
                # sentence-final "he said" after a quote or a clause with no ccomp parse
                own = self._own_start(tok, subj)
                before = self._trim(doc, sent.start, own) if own > sent.start + 1 else None
                # after the verb only its inverted subject (with its appositives and relative clauses: "said
                # Jane Doe, a lawyer who ...") and simple modifiers
                s_lo, s_hi = (subj.left_edge.i, subj.right_edge.i) if subj is not None and subj.i > tok.i else (-1, -1)
                simple = ("advmod", "npadvmod", "prep", "pobj", "det", "amod", "compound", "nsubj", "poss", "case",
                          "nummod")
                tail_ok = all(t.is_punct or t.is_space or s_lo <= t.i <= s_hi or t.dep_ in simple
                              for t in doc[tok.i + 1:sent.end]) and not any(
                    c.dep_ == "dobj" and not (lemma in ADDRESSEE_VERBS and c.pos_ == "PRON") for c in children)
                if before is not None and subj is not None and tail_ok and not self._quote_opens_at(doc, cue_end) and \
                        doc[own - 1].text in (",", "”", "\"", "''", "—") and \
                        (any(t.pos_ in ("VERB", "AUX") and t.dep_ not in PHRASE_VERB_DEPS or t.text in OPEN_QUOTES
                             for t in doc[sent.start:own]) or
                         subj.i > tok.i and any(c.dep_ in SUBJ and c.i < tok.i for c in children)):
                    content = before  # a clause or a quote, not an opening phrase ("In a 1963 speech, he said: ...")
                elif subj is not None and (tail_ok or not any(
                        c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and lemma not in ADDRESSEE_VERBS for c in children)):
                    # "“... A pathetic figure!” he wrote." / "“... [in 2012],” Bozell explains." / "“...?” Trump
                    # said of Apple in February, when ...": the parser ended the sentence inside the quote, or hung
                    # the quote's last words on the cue; whatever follows the cue is not its content
                    k = self._quote_closing_before(doc, min(tok.i, subj.left_edge.i))
                    if k is not None:
                        content = self._char_trim(text, *quotes[k])
                        qk, direct = k, True
            if content is None and tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP") and subj is not None \
                    and subj.head.i == tok.i and subj.i < tok.i \
                    and doc[subj.left_edge.i - 1].text == "," and head.i < subj.left_edge.i \
                    and not any(t.dep_ == "cc" and t.head.i == head.i and not any(
                        c.dep_ == "conj" and t.i < c.i < tok.i for c in head.children) for t in doc[head.i + 1:tok.i]) \
                    and any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start:subj.left_edge.i]):
                # "Sanders remains committed ..., his top aide, Tad Devine, told The Huffington Post": the parser
                # joined the speaker's clause to the reported one with no conjunction (one that joins two predicates
                # of the reported clause does not count: "The order was issued ... and read out ..., a fisherman told RFA")
                content = self._trim(doc, sent.start, subj.left_edge.i - 1)
            if content is None and tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP") and subj is not None \
                    and subj.head.i == tok.i and subj.i > tok.i and doc[tok.i - 1].text == "," and norm in SPEECH \
                    and all(t.is_punct or t.is_space for t in doc[subj.right_edge.i + 1:sent.end]):
                # "The plant is hanging on, but it is under pressure from imports, said its chief executive": an
                # inverted speaker after the sentence it reports, which the parser joined as one more predicate
                content = self._trim(doc, sent.start, tok.i - 1)
            # "a Quinnipiac poll found better support for Clinton": what a work found is its object
            work_finding = lemma in self.work_object_verbs and subj is not None and \
                subj.lemma_.lower() in self.finding_works
            if content is None and (lemma in self.object_content or work_finding):
                # any object, pronouns included ("supported her", "denied it"), but not a relative pronoun
                obj = next((c for c in children if c.dep_ == "dobj" and not self._day_for_object(c)), None)
                if obj is not None and (obj.tag_ in ("WDT", "WP") or obj.i < tok.i):
                    # a relative object ("the hostility that critics blame for denying them entry"): the charge
                    charge = next((c for c in children if c.dep_ == "prep" and c.i > tok.i and
                                   c.lower_ in CHARGE_PREPS), None)
                    if charge is not None:
                        content = self._subtree_span(doc, charge)
                    elif tok.dep_ == "relcl" and obj.tag_ in ("WDT", "WP") and tok.head.pos_ in ("NOUN", "PROPN"):
                        # "a policy ... which the UN has criticised": what the relative pronoun stands for
                        content = self._trim(doc, tok.head.left_edge.i, obj.left_edge.i)
                elif obj is not None:
                    lo, hi = obj.left_edge.i, obj.right_edge.i + 1
                    for t in doc[obj.i + 1:hi]:
                        # (an appositive, but not the second item of a list "A, B, and C")
                        if self._after_comma(doc, t.left_edge.i) and (t.dep_ in ("relcl", "acl") or t.dep_ == "appos" and not any(
                                u.dep_ == "cc" for u in doc[t.i:hi])):
                            hi = t.left_edge.i - 1
                            break
                    xcomp = next((c for c in children if c.dep_ in ("xcomp", "oprd", "ccomp") and c.i > obj.i), None)
                    # "accused X of Y", "thanked X for Y", "blamed X over Y": the charge belongs to the content
                    charge = next((c for c in children if c.dep_ == "prep" and c.i == hi and c.lower_ in CHARGE_PREPS),
                                  None)
                    if xcomp is not None:
                        hi = xcomp.right_edge.i + 1
                    elif charge is not None:
                        hi = charge.right_edge.i + 1
                    # the verb's modifiers that follow the object with no comma go with it ("defended the group
                    # against attacks", "identified China as a suspect", "praised the efforts of the envoy to find a
                    # solution", "described him as he live-tweeted"), but not a clause of time or cause ("supported the
                    # bill before it ...") nor one that carries a cue of its own ("acknowledged its first cases after
                    # denying ...": an attribution of its own), though a purpose infinitive does ("announced a website
                    # to explain the rules") (and the rest of an object a hyphen split: "proposing counter - measures")
                    for c in children:
                        if c.left_edge.i == hi and self._when_or_where_said(c, self._occasions):
                            break  # "endorsed him in November", "praised her in a tweet": the setting of the act
                        if c.left_edge.i == hi and c.dep_ in OBJECT_MODIFIERS and not any(
                                m.dep_ == "mark" and m.lower_ in SEPARATE_CLAUSE_MARKS for m in c.children) and (
                                self._infinitive(c) or not any(
                                    v.pos_ == "VERB" and v.lemma_.lower() in self.verbs and
                                    v.lemma_.lower() not in self.intention_verbs for v in (c, *c.children))):
                            hi = c.right_edge.i + 1
                    content = self._trim(doc, lo, hi)
                elif obj is None and norm not in ("say", "write") and (gerund := next(
                        (c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.left_edge.i == cue_end),
                        None)) is not None:
                    # "reported spending $6 million", "denied having met him": the gerund right after the verb is its
                    # object (but "tweeted using his account: “...”" says how)
                    content = self._subtree_span(doc, gerund)
                elif obj is None and lemma not in ("publish", "write") and any(c.dep_ == "agent" for c in children):
                    # "the proposal was rejected by 64 percent of voters": the passive subject is what the agent
                    # rejected (but "this article was published by X" is authorship, see the reprints component)
                    patient = self._patient(tok)
                    if patient is not None:
                        content = self._subtree_span(doc, patient)
            if content is None and lemma in self.xcomp_content and \
                    not any(c.dep_ == "dobj" and not self._day_for_object(c) for c in children) \
                    and not (lemma in self.intention_verbs and (passive or tok.dep_ in ("relcl", "acl"))):
                # "declined to comment", "vowed to fight": the infinitive, "to" included; but "a source who
                # declined to be named", "a diplomat who asked not to be named" only describe the source ("promised
                # Sunday at a rally to end ...": the parser read the day as the object and the infinitive as a clause
                # of purpose)
                dated = any(c.dep_ == "dobj" and self._day_for_object(c) for c in children)
                x = next((c for c in children if c.i > tok.i and (c.dep_ == "xcomp" or c.dep_ == "advcl" and dated and
                                                                   self._infinitive(c))), None)
                if x is not None and not (tok.dep_ in ("relcl", "acl") and any(c.dep_ == "auxpass" for c in x.children)):
                    content = self._subtree_span(doc, x)
            if content is None and lemma in self.prep_only:
                return None
            if content is None and norm == "call_for":
                prep = next((c for c in children if c.dep_ == "prep" and c.lower_ == "for"), None)
                pobj = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
                # (_cue_span took in a "for" the parser made the mark of a clause, after an adverb or not)
                mark = doc[cue_end - 1] if doc[cue_end - 1].dep_ == "mark" else None
                if pobj is not None:
                    content = self._subtree_span(doc, pobj)
                elif mark is not None:  # "calling for the US to step up its efforts"
                    content = self._trim(doc, mark.i + 1, mark.head.right_edge.i + 1)
            if content is None and lemma in ("urge", "warn", "ask", "tell") and recipient is not None:
                x = next((c for c in children if c.dep_ in ("xcomp", "ccomp")), None)
                # ("told Trump to stay focused": the order; "asked the court to reconsider": who is to act too)
                addressee = next((c for c in children if c.dep_ == "dobj" and c.i < x.i), None) \
                    if x is not None and x.dep_ == "xcomp" and lemma not in ("warn", "tell") else None
                if addressee is not None:  # "asked the court to reconsider": who is to act is part of the request
                    content = self._trim(doc, addressee.left_edge.i, x.right_edge.i + 1)
                elif x is not None:
                    content = self._subtree_span(doc, x)
            if content is None:
                # "he said: “...”" / "he told RFA, “...”": quote right after the cue in this sentence
                after = tok.right_edge.i + 1
                # a quote opening right after the cue ("Ryan said, “Sure. ...”"), even when the parser let
                # the quote's first words hang on the cue
                # (or after the cue's own adjuncts: "Sanders asks at a high school, “Any questions?”")
                near = self._quote_after_adjuncts(doc, sent, tok, cue_end)
                if near is not None:
                    after = near
                j = after
                while j < len(doc) and doc[j].is_punct and doc[j].text not in OPEN_QUOTES + '"`' and doc[j].text != "''":
                    j += 1
                # ... but not a quote that opens the next sentence ("declared bankruptcy. “...”")
                if j < len(doc) and j <= after + 2 and (doc[j].text in (OPEN_QUOTES + '"``') or doc[j].text == "''") \
                        and not any(doc[k].text in (".", "?", "!") for k in range(cue_end, j)):
                    k = self._quote_opened_by(doc[j])
                    if k is not None:
                        qa, qb = quotes[k]
                        content = self._char_trim(text, qa, qb)
                        qk = k
                        direct = True
            if content is None and subj is not None and norm in SPEECH and tok.dep_ == "ROOT":
                content, qk = self._statement_after(doc, sent, tok, subj, lemma)
                direct = qk is not None
        reason = self._reason(doc, tok, norm, subj, passive) if not direct else None
        if reason is not None:
            # "was criticized for trading a spy", "criticized fellow Democrats in 2011 for seeking a higher tax",
            # "rebuked by opponents for his proposal": what the judgement is for is part of its content
            span = self._subtree_span(doc, reason)
            if content is None:
                patient = self._patient(tok) if passive else None
                if patient is not None and patient.i < tok.i:
                    content, content_2 = self._subtree_span(doc, patient), span
            elif content_2 is None and span is not None and span.start >= content.end:
                if text[content.end:span.start].strip(" ,"):
                    content_2 = span
                else:
                    content = Span(content.start, span.end)
        if content is None:
            return None
        if lemma in self.quote_only and not direct and self._quote_at(content.start, content.end) is None:
            return None
        # a passive "X is told to ..." is a directive, not speech
        if lemma == "tell" and passive and subj is None and ccomp is None:
            return None
        # widen to the enclosing quote
        if not direct:
            k = self._quote_at(content.start, content.end)
            if k is not None:
                qa, qb = quotes[k]
                if not (qa <= cue.start < qb):
                    q = self._char_trim(text, qa, qb)
                    if q is not None:
                        content, direct, qk = q, True, k
        if passive and not direct and content_2 is None and content.start > cue.end and norm != "say" and \
                lemma not in ADDRESSEE_VERBS and (bare_obj is None or norm != "accuse"):
            # "Trump is expected to win", "the plan has been criticised for its cost", "the scheme has been described
            # as reckless": the passive subject is part of what is expected, criticised or described; the content
            # comes in two pieces (but "he was told that ..."
            # is who heard it; "X is said to ..." and "they are accused of neglect" keep the single piece of PolNeAR
            # and the gold set)
            patient = self._patient(tok, skip=("it",))
            np = self._subtree_span(doc, patient) if patient is not None else None
            if np is not None and np.end <= cue.start:
                content, content_2 = np, content
        if direct and qk is not None and quotes[qk][0] > cue.start:
            # "“A,” the judge exclaimed, “B.”": the parse gave the second half; the first half closes right before
            # the speaker, and a comma hands on to the second
            speaker_at = subj.left_edge.i if subj is not None and subj.i < tok.i else tok.i
            first = self._quote_closing_before(doc, speaker_at)
            if first is not None and first == qk - 1 and text[cue.end:quotes[qk][0] - 1].rstrip().endswith(","):
                q1 = self._char_trim(text, *quotes[first])
                if q1 is not None:
                    content, content_2, qk = q1, content, first
        if not direct and content is not None and content_2 is None and content.end <= cue.start and \
                self._quote_at(content.start, content.end) is None:
            # "The effects are difficult to predict, many economists say, because there is ...": the clause the
            # cue interrupts goes on after it
            content_2 = self._rest_of_interrupted_clause(doc, sent, tok, subj, cue_end, content)
        if content is None or content.end - content.start < 2:
            return None
        if content.overlaps(cue):
            return None
        source = None
        rel_head = None
        if subj is not None:
            source = self._source_np(doc, subj)
            if source is not None and source.overlaps(cue):
                # the subject's subtree runs through the cue (appositive + reduced relative): its own words
                lo = subj.left_edge.i
                hi = next((c.i for c in subj.children if c.i > subj.i and (c.dep_ in ("appos", "punct", "relcl", "acl"))),
                          subj.i + 1)
                while lo < subj.i and doc[lo].lower_ in ("which", "that", "who", "whom"):
                    lo += 1
                source = self._trim(doc, lo, hi)
            if tok.dep_ == "acl" and subj.i == tok.head.i:
                source = self._trim(doc, subj.left_edge.i, tok.left_edge.i)
                lo = subj.left_edge.i
                while lo < subj.i and doc[lo].dep_ == "det" and doc[lo].lower_ in ("which", "that", "whose"):
                    lo += 1
                source = self._trim(doc, lo, tok.left_edge.i)
            if subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                rel_head = tok.head.i
            if source is not None and source.overlaps(content):
                # subject's subtree runs into the content (bad parse): keep it up to the content, else its head word
                source = self._char_trim(text, subj.left_edge.idx, content.start) \
                    if subj.idx < content.start else None
                if source is None or subj.idx >= source.end:
                    source = Span(subj.idx, subj.idx + len(subj))
                if source.overlaps(content):
                    source = None
        if source is not None and reason is not None and reason.head.i == subj.i:
            source = self._trim(doc, subj.left_edge.i, reason.i)
        if subj is not None and subj.lower_ == "it" and passive:
            source = None
        return _record(cue, tok.i, norm, content, source, subj.i if subj is not None else None, direct=direct,
                       content_2=content_2, recipient=recipient, quote=qk, relative_head=rel_head)

    @staticmethod
    def _quote_after_adjuncts(doc, sent, tok, cue_end):
        """The token opening a quote that follows the cue with only punctuation and the cue's adjuncts ("at a
        high school", "on Tuesday") between them, or None."""
        for k in range(cue_end, min(sent.end, cue_end + 12)):
            t = doc[k]
            if t.text in (OPEN_QUOTES + '"``') or t.text == "''":
                # after an adjunct only behind a comma or colon (not "known as “Big Blue”")
                return k if all(u.is_punct for u in doc[cue_end:k]) or doc[k - 1].text in (",", ":") else None
            if t.is_punct or t.is_space:
                continue
            top = t
            while top.head.i != tok.i and top.head.i != top.i and top.i > tok.i:
                top = top.head
            if not (top.head.i == tok.i and top.dep_ in ("prep", "advmod", "npadvmod") and top.i >= cue_end):
                return None
        return None

    def _statement_after(self, doc, sent, tok, subj, lemma):
        """The statement a speaker's sentence hands on to the next one: "Sam Lau said in a statement. “There are
        no ballots to recount.”" (the quote that opens the next sentence) and "In a speech, he said:" (the next
        paragraph). ``(content, quote index or None)``, or ``(None, None)`` when the sentence says something of its
        own or the quote has a speaker of its own."""
        text = self._text
        for c in tok.children:
            if c.i < tok.i or c.dep_ in ("nsubj", "advmod", "npadvmod", "punct", "aux", "neg", "cc"):
                continue
            if c.dep_ in ("dobj", "dative") and lemma in ADDRESSEE_VERBS and (
                    c.pos_ in ("PROPN", "PRON") or c.lemma_.lower() in self.speaker_nouns or c.ent_type_):
                continue  # "told reporters."
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None) if c.dep_ == "prep" else None
            if pobj is not None and c.lower_ not in TOPIC_PREPS and (
                    c.lower_ != "on" or pobj.pos_ == "PROPN" or pobj.ent_type_):
                continue  # "said in a statement", "wrote on Twitter", but not "responded to the charge"
            return None, None
        if subj.i < tok.i:
            k = self._quote_closing_before(doc, subj.left_edge.i)
            if k is not None:  # "“A. B,” Trump said. “C.”": the quote before; the one after is its second piece
                return self._char_trim(text, *self._quotes[k]), k
        last = sent.end - 1
        while last > tok.i and doc[last].is_space:
            last -= 1
        if doc[last].text not in (".", ":") or sent.end >= len(doc):
            return None, None
        nxt = self._word_index_from(doc, sent.end)
        if nxt >= len(doc):
            return None, None
        opener = doc[nxt]
        if opener.text in OPEN_QUOTES + '"' or opener.text in ("``", "''"):
            k = self._quote_opened_by(opener)
            if k is None:
                return None, None
            qa, qb = self._quotes[k]
            rest = text[qb + 1:qb + 3].lstrip(" ")
            if rest and rest[0] not in "\n" and not rest[0].isupper() and rest[0] not in OPEN_QUOTES + '"':
                return None, None  # "“...,” she said": the quote's own speaker
            return self._char_trim(text, qa, qb), k
        if doc[last].text == ":":
            start, end = opener.idx, text.find("\n", opener.idx)
            end = end if end >= 0 else len(text)
            if opener.text == "<":  # a markup tag around the statement ("<tweet ...>words</tweet>")
                start = text.find(">", start, end) + 1
                tag = text.find("<", start, end)
                end = tag if tag >= 0 else end
            return (self._char_trim(text, start, end) if start > 0 else None), None
        return None, None

    @staticmethod
    def _patient(tok, skip=()):
        """The passive subject before the verb, not a relative pronoun ("the proposal was rejected", not "which
        was rejected"), nor one of the words in ``skip``."""
        return next((c for c in tok.children if c.dep_ in PASS_SUBJ and c.i < tok.i and c.tag_ not in ("WDT", "WP")
                     and c.lower_ not in skip), None)

    def _evidential_cue(self, doc, tok, lemma):
        """Source-less appearances: "it seems that X" (content X) and "X seemed (to be) Y" (content "X" and
        "to be Y", in two pieces).  Not when the verb only carries another cue ("seemed to think")."""
        children = list(tok.children)
        if any(c.dep_ == "xcomp" and c.lemma_.lower() in self.verbs for c in children):
            return None
        subj = next((c for c in children if c.dep_ in ("nsubj", "expl")), None)
        clause = next((c for c in children if c.dep_ == "ccomp" and c.i > tok.i), None)
        comp = next((c for c in children if c.i > tok.i and (c.dep_ in ("xcomp", "acomp", "attr", "oprd") or
                                                             c.dep_ == "prep" and c.lower_ == "like")), None)
        content = content_2 = None
        if clause is not None and (subj is None or subj.lower_ == "it"):
            content = self._trim(doc, max(clause.left_edge.i, tok.i + 1), clause.right_edge.i + 1)
        elif subj is not None and subj.lower_ != "it" and comp is not None and subj.i < tok.i:
            content = self._subtree_span(doc, subj)
            content_2 = self._subtree_span(doc, comp)
            if content_2 is None:
                return None
        if content is None:
            return None
        start = self._aux_start(doc, tok)
        return _record(Span(doc[start].idx, tok.idx + len(tok)), tok.i, self.evidential[lemma], content,
                       content_2=content_2)

    def _according(self, doc, sent, tok):
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ != "to":
            return None
        pobj = next((p for p in nxt.children if p.dep_ == "pobj"), None)
        own_hi = None
        if pobj is None:
            # "According to Smith the money was returned": with no comma the parser may read the name as a verb
            # and the sentence as its object; the source is then the run of capitalised words after "to"
            end = nxt.i + 1
            while end < sent.end and end - nxt.i <= 4 and doc[end].is_title and not doc[end].is_sent_start:
                end += 1
            if end == nxt.i + 1 or end >= sent.end - 2:
                return None
            pobj, own_hi = doc[end - 1], end
        source = self._trim(doc, nxt.i + 1, own_hi) if own_hi else self._subtree_span(doc, pobj)
        own_hi = own_hi or max(pobj.right_edge.i, tok.right_edge.i) + 1
        # "According to A, quoting B, ...": B is a second source of the same content
        relay = next((c for c in tok.head.children if c.tag_ == "VBG" and c.lemma_.lower() in ("quote", "cite")
                      and c.dep_ in ("advcl", "xcomp") and own_hi <= c.left_edge.i <= own_hi + 1), None)
        relay_src = next((c for c in relay.children if c.dep_ == "dobj"), None) if relay is not None else None
        if relay_src is not None:
            own_hi = relay.right_edge.i + 1
        content = self._relative_clause_before(doc, sent, tok) or \
            self._adjunct_content(doc, sent, tok, tok.left_edge.i, own_hi)
        if content is None:
            return None
        content_2 = None
        head = tok.head
        if content.start > tok.idx and head.i != tok.i and \
                any(c.dep_ in SUBJ | PASS_SUBJ and c.i < tok.left_edge.i for c in head.children):
            # "The order, according to a second source, came from the capital": the clause's subject comes first
            before = self._trim(doc, max(head.left_edge.i, sent.start), tok.left_edge.i)
            if before is not None:
                content, content_2 = before, content
        cue = Span(tok.idx, nxt.idx + len(nxt))
        rec = _record(cue, tok.i, "according_to", content, source, pobj.i, content_2=content_2)
        if relay_src is not None:
            rec["nested"] = dict(rec, cue=Span(relay.idx, relay.idx + len(relay)), cue_tok=relay.i, lemma="say",
                                 source=self._subtree_span(doc, relay_src), source_tok=relay_src.i)
        return rec

    def _made_it_clear(self, doc, tok):
        """"X made it clear that ...": the verb, "it" and the adjective are the cue, the clause is the content."""
        verb = tok.head
        if verb.lemma_.lower() != "make" or tok.i != verb.i + 2 or doc[verb.i + 1].lower_ != "it":
            return None
        clause = next((c for c in tok.children if c.dep_ in ("advcl", "ccomp") and c.i > tok.i), None) or \
            next((c for c in verb.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        subj, _ = self._subject(verb)
        if clause is None or subj is None:
            return None
        content = self._clause_span(doc, tok.i + 1, clause.right_edge.i + 1)
        if content is None:
            return None
        cue = Span(doc[self._aux_start(doc, verb)].idx, tok.idx + len(tok))
        return _record(cue, tok.i, self.make_it[tok.lower_], content, self._source_np(doc, subj), subj.i)

    def _known_for(self, doc, tok):
        """A reputation whose holders go unnamed: "a state known for rewarding moderates", "he is best known for his
        attacks on ...". The content is the thing and what it is known for, in two pieces. ("known as" only names:
        PolNeAR marks it half the time, and a name is no claim.)"""
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" and c.i == tok.i + 1), None)
        pobj = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if pobj is None or any(c.dep_ == "agent" for c in tok.children):
            return None
        subj = next((c for c in tok.children if c.dep_ in PASS_SUBJ), None)
        start = self._aux_start(doc, tok)
        if subj is not None:
            thing = self._subtree_span(doc, subj)
        elif tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
            thing = self._trim(doc, tok.head.left_edge.i, doc[start].left_edge.i)
        else:
            return None
        if thing is None:
            return None
        return _record(Span(doc[start].idx, prep.idx + len(prep)), tok.i, "describe", thing,
                       content_2=self._subtree_span(doc, pobj))

    def _words_of(self, doc, sent, tok):
        """"In the words of X, ...": X is the source of the clause the phrase modifies."""
        prep = tok.head
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
        if tok.dep_ != "pobj" or prep.lower_ != "in" or pobj is None:
            return None
        content = self._adjunct_content(doc, sent, prep, prep.i, pobj.right_edge.i + 1)
        if content is None:
            return None
        return _record(Span(prep.idx, of.idx + len(of)), tok.i, "according_to", content, self._subtree_span(doc, pobj),
                       pobj.i)

    def _in_findings(self, doc, sent, tok):
        """A sentence opened by "In a poll/survey/study ..., <finding>": the work is the source of the
        finding ("In an NBC poll released Monday, 50 percent chose Clinton")."""
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if tok.i != sent.start or tok.dep_ != "prep" or pobj is None or pobj.lemma_.lower() not in self.finding_works \
                or tok.head.lemma_.lower() in self.verbs and not self._respondents(tok.head):
            return None  # "In a study, three economists found that ...": the economists' own finding
        own_hi = pobj.right_edge.i + 1
        if own_hi >= sent.end or doc[own_hi].text != ",":
            return None
        content = self._adjunct_content(doc, sent, tok, tok.i, own_hi)
        if content is None:
            return None
        return _record(Span(tok.idx, tok.idx + len(tok)), tok.i, "report", content, self._subtree_span(doc, pobj),
                       pobj.i)

    @staticmethod
    def _respondents(verb) -> bool:
        """Is the verb's subject a share of those asked ("79 percent of Democrats said", "six in 10 voters think", "most
        voters"), whose answers are the poll's finding (and not a count of its authors: "three economists")?"""
        subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
        return subj is not None and any(t.lemma_.lower() in SHARES or t.like_num and t.i + 1 < len(t.doc) and
                                        t.doc[t.i + 1].lower_ in ("in", "of", "out") for t in subj.subtree)

    def _reason(self, doc, tok, norm, subj, passive):
        """The "for"/"over" phrase that gives a judgement's reason ("slammed X over Y", "was praised for Y"), or
        None; in the passive it may hang on the agent ("rebuked by opponents for his proposal")."""
        preps = self.reason_preps.get(norm)
        if not preps:
            return None
        reason = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i), None)
        if reason is None and not passive and subj is not None and subj == self._agent(tok):
            reason = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ in preps and c.i > subj.i), None)
        if reason is not None and not any(c.dep_ in ("pobj", "pcomp") for c in reason.children):
            return None  # "the assaults he is accused of": the reason is the relative clause's antecedent
        return reason

    def _relative_clause_before(self, doc, sent, tok) -> Span | None:
        """The relative clause that ends right before ", according to X" is what X vouches for: "... the tally,
        which stood at 263, according to the AP", "... a cut, which would slash its tax rate, according to company
        leaders"."""
        if tok.i - 2 < sent.start or doc[tok.i - 1].text != ",":
            return None
        last = doc[tok.i - 2]
        while last.i > sent.start and (last.is_punct or last.is_space):
            last = doc[last.i - 1]
        rel = next((a for a in (last, *last.ancestors) if a.dep_ == "relcl"), None)
        # (a non-restrictive one, set off by commas; not one of time or place: "..., when turnout was 42%")
        if rel is None or rel.right_edge.i >= tok.i or doc[rel.left_edge.i - 1].text != "," or \
                rel.left_edge.tag_ == "WRB":
            return None
        return self._trim(doc, rel.left_edge.i, tok.i - 1)

    def _adjunct_content(self, doc, sent, tok, own_lo, own_hi):
        """Content of a source adjunct at tokens [own_lo, own_hi) ("according to X", "in the words of X"):
        the longer side of the clause it modifies."""
        head = tok.head if tok.head.i != tok.i else None
        # "A, and B, according to X": X vouches for the whole coordination, not only its last clause
        while head is not None and head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        lo, hi = sent.start, sent.end
        if head is not None and head.i != tok.i:
            lo, hi = max(sent.start, head.left_edge.i), min(sent.end, head.right_edge.i + 1)
        before = self._trim(doc, lo, own_lo) if own_lo > lo else None
        after = self._trim(doc, own_hi, hi) if hi > own_hi else None
        content = before
        if after is not None and (before is None or after.end - after.start > before.end - before.start):
            content = after
        return content

    def _noun_cue(self, doc, sent, tok, lemma):
        """Noun cues: "his claim that ...", "allegations that ...", "criticism of the plan", "calls for a ban"."""
        content = None
        cue = Span(tok.idx, tok.idx + len(tok))
        norm = None
        if lemma in self.noun_clause:
            clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i and
                           any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)),
                          None)
            if clause is not None:
                content = self._clause_span(doc, clause.left_edge.i, clause.right_edge.i + 1)
                norm = self.noun_clause[lemma]
        if content is None and lemma in self.noun_prep:
            spec = self.noun_prep[lemma]
            preps = set(spec.get("preps") or [])
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps and c.i == tok.i + 1), None)
            pobj = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if pobj is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in preps and \
                    doc[tok.i + 1].dep_ == "mark" and doc[tok.i + 1].head.head.i == tok.i:
                # "calls for all salt to be iodised": the parser made "for" the mark of a clause
                prep, clause = doc[tok.i + 1], doc[tok.i + 1].head
                content = self._trim(doc, prep.i + 1, clause.right_edge.i + 1)
            elif pobj is None:
                return None
            else:
                content = self._subtree_span(doc, pobj)
            norm = spec.get("lemma", lemma)
            if spec.get("cue_prep"):
                cue = Span(tok.idx, prep.idx + len(prep))
        if content is None or content.overlaps(cue):
            return None
        source, stok = None, None
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        # "a World Health Organisation recommendation that ...": a name in front of the noun says whose it is
        names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in
                 ("ORG", "PERSON", "NORP", "GPE")]
        if poss is not None:
            source, stok = self._subtree_span(doc, poss), poss
        elif names:
            source, stok = self._trim(doc, names[0].left_edge.i, names[-1].right_edge.i + 1), names[-1]
        elif by is not None and by.i < (content and doc.char_span(content.start, content.end, alignment_mode="expand").start):
            pobj = next((p for p in by.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                source, stok = self._subtree_span(doc, pobj), pobj
        elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.noun_source_verbs or \
                tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in self.noun_source_verbs:
            # "she made the claim that ...", "he came to the conclusion that ..."
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            subj, passive = self._subject(verb)
            if subj is not None and not passive:
                source, stok = self._source_np(doc, subj), subj
        if source is not None and (source.overlaps(content) or source.overlaps(cue)):
            source, stok = None, None
        if source is None and lemma in self.noun_needs_source:
            return None  # "concern that ...", "criticism of ..." with no one holding it is mostly narration
        return _record(cue, tok.i, norm, content, source, stok.i if stok is not None else None)

    def _copula_cue(self, doc, noun, lemma):
        """A statement noun as the subject of "be", with its owner: "Rubio's response was that ...", "Her
        message was: ...". The noun and the verb are the cue; the possessor is the source."""
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is None or any(c.dep_ in ("relcl", "acl") for c in noun.children):
            return None  # "the most important takeaway is that ..." is the writer's own; say whose it is
        verb = noun.head
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is not None:
            content = self._clause_span(doc, clause.left_edge.i, clause.right_edge.i + 1)
        elif verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":" and verb.i + 2 < verb.sent.end:
            content = self._trim(doc, verb.i + 2, verb.sent.end)
        else:
            return None
        if content is None:
            return None
        # the cue runs from the first word after the owner (and any determiner) to the verb: "response was"
        start = next(t for t in doc[noun.left_edge.i:noun.i + 1]
                     if t.dep_ != "det" and not poss.left_edge.i <= t.i <= poss.right_edge.i)
        own_end = poss.right_edge.i + 1
        if doc[own_end - 1].dep_ == "case":  # "Rubio's": the possessive marker is not the source's
            own_end -= 1
        return _record(Span(start.idx, verb.idx + len(verb)), noun.i, self.copula_nouns[lemma], content,
                       self._trim(doc, poss.left_edge.i, own_end), poss.i)

    def _light_verb_cue(self, doc, noun, lemma):
        """Light-verb cues: "made the case that ...", "took a swipe at X", "made no mention of X": the verb
        and its object noun are the cue (with the preposition when its object is the content)."""
        verb = noun.head
        subj, passive = self._subject(verb)
        if subj is None or passive or not (subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ or
                                           subj.lemma_.lower() in self.speaker_nouns):
            return None  # people and bodies make a case or take a swipe; "the lapses raise questions" is no one's
        clause = next((c for c in (*noun.children, *verb.children) if c.dep_ in ("acl", "ccomp", "xcomp", "relcl")
                       and c.i > noun.i and (any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or
                                             c.left_edge.tag_ == "TO" and c.dep_ != "relcl")), None)
        cue_end = noun
        if clause is not None:
            content = self._clause_span(doc, clause.left_edge.i, clause.right_edge.i + 1)
        else:
            prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in self.light_preps), None) or \
                next((c for c in verb.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ in self.light_preps),
                     None)
            pobj = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if pobj is None or prep.i > noun.right_edge.i + 1 and prep.head.i == noun.i:
                return None
            content = self._subtree_span(doc, pobj)
            cue_end = prep
        if content is None:
            return None
        cue = Span(doc[self._aux_start(doc, verb)].idx, cue_end.idx + len(cue_end))
        source = self._source_np(doc, subj)
        if source is None or source.overlaps(cue) or content.overlaps(cue):
            return None
        return _record(cue, noun.i, self.light_verbs[verb.lemma_.lower()][lemma], content, source, subj.i)

    def _adjective_cue(self, doc, sent, tok):
        # "X is afraid (that) ...": the clause hangs on the adjective or on the copula; right after the copula
        # the parser may read the adjective as a modifier of the clause's subject ("are afraid pockets ... might")
        cop = tok.head if tok.dep_ in ("acomp", "amod", "attr") else tok
        if tok.dep_ == "amod" and tok.i > 0 and doc[tok.i - 1].lemma_ == "be":
            cop = doc[tok.i - 1]
        clause = next((c for c in tok.children if c.dep_ in ("ccomp",)), None) or \
            next((c for c in cop.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        cue_end = tok
        if clause is not None:
            content = self._clause_span(doc, max(clause.left_edge.i, tok.i + 1), clause.right_edge.i + 1)
        else:
            # "X is critical of Y": the preposition's object
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1 and
                         c.lower_ in self.adjective_preps.get(tok.lower_, ())), None)
            pobj = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            # "X is eager to attack him": the infinitive
            x = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None) \
                if tok.lower_ in self.adjective_infinitives else None
            if pobj is not None:
                content, cue_end = self._subtree_span(doc, pobj), prep
            elif x is not None:
                content = self._subtree_span(doc, x)
            else:
                return None
        subj = next((c for c in cop.children if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ), None)
        if subj is None or content is None:
            return None
        start_tok = cop if cop.i < tok.i and cop.pos_ in ("AUX", "VERB") and tok.i - cop.i <= 3 else tok
        cue = Span(start_tok.idx, cue_end.idx + len(cue_end))
        return _record(cue, tok.i, self.adjectives[tok.lower_], content, self._source_np(doc, subj), subj.i)

    def _adverb_cue(self, doc, tok):
        """Source-less hearsay marked by an adverb: "the plan was reportedly rejected", "Allegedly, he ...": the
        content is the clause the adverb modifies (unless that clause's verb is a cue: "reportedly said")."""
        head = tok.head
        sentence_adverb = tok.i + 1 < len(doc) and doc[tok.i + 1].text == "," and tok.i == head.left_edge.i
        if head.i == tok.i or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in self.verbs and not sentence_adverb:
            return None  # (but "Allegedly, his sister pleaded with him to ...": the whole clause is hearsay)
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in self.verbs:
            return None  # "they claimed he allegedly left": the claim already carries it
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        if lo == tok.i:  # a sentence adverb: the clause after it
            lo += 1
        for c in head.children:
            if c.dep_ == "conj" and c.i > tok.i and any(s.dep_ in SUBJ for s in c.children):
                # "Allegedly, X pleaded with him ..., but he replied ...": the next clause is not hearsay
                hi = min(hi, next((d.i for d in head.children if d.dep_ == "cc" and d.i < c.i), c.left_edge.i))
        content = self._trim(doc, lo, hi)
        if content is None or hi - lo < 3:
            return None
        return _record(Span(tok.idx, tok.idx + len(tok)), tok.i, self.evidential_adverbs[tok.lower_], content,
                       hearsay=True)

    def _signed_quotes(self, doc, used_cues, is_ignored):
        """Quotes signed with a dash and a name that ends the line: "“...” ― Sonya Herridge", "“...”\n\n- Bernie
        Sanders.", "... — Paul Ryan (@SpeakerRyan) July 5, 2016" (the dash is the cue)."""
        text, out = self._text, []
        for m in SIGNED_QUOTE_RE.finditer(text):
            rest = re.sub(r"\([^)]*\)", "", m.group("rest")).split("<")[0]
            if re.search(r"\b[a-z]{3,}", rest) or is_ignored(m.start("dash"), m.end("name")):
                continue  # "“...” — Smith said on Monday": a speaker with a verb of his own
            k = self._quote_at(m.start() - 1, m.start())
            name_end = m.end("name")
            if text[name_end - 1] == "." and name_end - m.start("name") > 2 and text[name_end - 3] not in " \t\u00a0":
                name_end -= 1  # the sentence's full stop, not an initial's ("Jane A.")
            dash = doc.char_span(m.start("dash"), m.end("dash"), alignment_mode="expand")
            name = doc.char_span(m.start("name"), name_end, alignment_mode="expand")
            content = self._char_trim(text, *self._quotes[k]) if k is not None else None
            if content is None or dash is None or name is None or dash[0].i in used_cues or \
                    text[text.rfind("\n", 0, self._quotes[k][0]) + 1:self._quotes[k][0]].lstrip()[:1] not in QUOTE_CHARS:
                # (the paragraph must open with a quote: "... insisted his party was “still the first force.”--Kim
                # Doe" is the reporter's signature under the paragraph)
                continue
            used_cues.add(dash[0].i)
            out.append(_record(Span(m.start("dash"), m.end("dash")), dash[0].i, "say", content,
                               Span(m.start("name"), name_end), name[-1].i, direct=True, quote=k,
                               sentence=Span(content.start, name_end)))
        return out

    def _transcript_turns(self, doc, used_cues, is_ignored):
        """Interview transcripts: paragraphs opened by a speaker label ("SMITH: Well, ...", "Jones: ...").
        A label counts only when it opens at least two paragraphs of the document, or when it is in capitals and
        the document has at least two such capitalised turns ("JAKE TAPPER: ..." / "TRUMP: ..."), which sets
        transcripts apart from headline and list colons ("Iowa: ..."). One-letter labels are Q/A interviews with the
        outlet itself. The content is the rest of the paragraph."""
        text = self._text
        turns = [m for m in SPEAKER_LABEL_RE.finditer(text) if not is_ignored(m.start(1), m.end())]
        counts = Counter(m.group(1) for m in turns)
        capital_turns = sum(n for label, n in counts.items() if len(label) > 1 and label.isupper())
        out = []
        for m in turns:
            colon = doc.char_span(m.end(1), m.start(2), alignment_mode="expand")
            label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            content = self._char_trim(text, m.start(2), m.end(2))
            name = m.group(1)
            is_turn = len(name) > 1 and (counts[name] >= 2 or name.isupper() and capital_turns >= 2)
            # short contents are scores ("Smith: 46")
            if not is_turn or colon is None or label is None or content is None or len(m.group(2).split()) < 3:
                continue
            colon_tok = next((t for t in colon if t.text.endswith(":")), None)
            if colon_tok is None or colon_tok.i in used_cues:
                continue
            used_cues.add(colon_tok.i)
            out.append(_record(Span(colon_tok.idx + len(colon_tok) - 1, colon_tok.idx + len(colon_tok)), colon_tok.i,
                               "say", content, Span(m.start(1), m.end(1)), label[-1].i, direct=True,
                               sentence=Span(m.start(1), m.end(2))))
        return out

    def _colon_form(self, doc, sent, used_cues, taken_quotes):
        """Colon attributions: "Name Surname: text" or "Poll: text" opening a line (headline style),
        and "... pollster Jane Doe: “quote”" (a named speaker right before a colon and a quote)."""
        text = self._text
        line_end = text.find("\n", sent.start_char)
        line_end = len(text) if line_end < 0 else line_end
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if sent.end_char < line_end and last is not None and last.text == ":":
            # the parser cut the line after its colon ("Clinton:" | "Trump will reverse Roe v. Wade")
            sent = doc.char_span(sent.start_char, line_end, alignment_mode="expand") or sent
        if len(sent) < 4:
            return None
        limit = min(sent.start + 7, sent.end - 2)
        cols = self._colons[bisect.bisect_left(self._colons, sent.start):bisect.bisect_left(self._colons, sent.end)]
        if not cols:
            return None
        colon = doc[cols[0]] if cols[0] < limit else None
        if colon is not None and colon.i not in used_cues and colon.i > sent.start:
            rec = self._colon_line(doc, sent, colon)
            if rec is not None:
                return rec
        # speaker before a colon that opens a quote
        for ti in cols:
            t = doc[ti]
            if t.text != ":" or t.i in used_cues or t.i + 1 >= sent.end or t.i == sent.start:
                continue
            nxt, prev = doc[t.i + 1], doc[t.i - 1]
            if nxt.text not in OPEN_QUOTES + '"' and nxt.text != "``":
                continue
            if prev.pos_ != "PROPN" or prev.ent_type_ not in ("PERSON", "ORG"):
                continue
            head = prev
            while head.dep_ == "compound" and head.head.i > head.i and head.head.i < t.i:
                head = head.head
            lo = head.left_edge.i
            k = bisect.bisect_right(self._q_starts, nxt.idx + len(nxt)) - 1
            if k < 0 or self._quotes[k][0] != nxt.idx + len(nxt) or k in taken_quotes:
                continue
            content = self._char_trim(text, *self._quotes[k])
            if content is None or len(text[content.start:content.end].split()) < 3:
                continue
            first = doc[lo]
            if first.i < head.i and first.text[:1].isupper() and first.lower_ in self._speech_forms:
                # "Said Ellis: “...”": the inverted verb is the cue
                return _record(Span(first.idx, first.idx + len(first)), first.i, self._speech_forms[first.lower_],
                               content, self._trim(doc, lo + 1, t.i), head.i, direct=True, quote=k)
            return _record(Span(t.idx, t.idx + 1), t.i, "say", content, self._trim(doc, lo, t.i), head.i, direct=True,
                           quote=k)
        return None

    def _phrase_before_quote(self, doc, sent, used_cues, taken_quotes):
        """A speaker's verb phrase that hands a quote on with a colon: "he gave the Texan a back-handed compliment:
        “You never have to guess where he is.”", "Mr. Smith shot back: “That would be good.”" (the phrase up to the
        colon is the cue)."""
        cols = self._colons[bisect.bisect_left(self._colons, sent.start):bisect.bisect_left(self._colons, sent.end)]
        for ci in cols:
            colon = doc[ci]
            # the verb the colon hangs on, or on whose object it hangs ("gave him a compliment:")
            verb = next((a for a in colon.ancestors if a.pos_ == "VERB"), colon.head)
            if ci in used_cues or verb.pos_ != "VERB" or verb.i >= ci or ci - verb.i > 12 or verb.i in used_cues \
                    or any(a.i in used_cues for a in verb.ancestors) \
                    or self._quoted(verb.idx):
                continue
            nxt = self._word_index_from(doc, ci + 1)
            if nxt >= len(doc) or not (doc[nxt].text in OPEN_QUOTES + '"' or doc[nxt].text in ("``", "''")):
                continue
            k = self._quote_opened_by(doc[nxt])
            if k is None or k in taken_quotes or any(c.dep_ in ("ccomp", "xcomp") and c.i < ci for c in verb.children):
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
            if subj is None or not (subj.ent_type_ in ("PERSON", "ORG", "NORP") or subj.lower_ in PERSONAL_PRONOUNS
                                    or subj.lemma_.lower() in self.speaker_nouns):
                continue
            content = self._char_trim(self._text, *self._quotes[k])
            if content is None or len(self._text[content.start:content.end].split()) < 3:
                continue
            return _record(Span(doc[self._aux_start(doc, verb)].idx, colon.idx + 1), verb.i, "say", content,
                           self._source_np(doc, subj), subj.i, direct=True, quote=k)
        return None

    def _headline_verb(self, doc, found, is_ignored):
        """A cue verb in the document's headline, where the tagger often reads title-case verbs as names
        ("Howard Dean Tells Convention ...", "Super PAC blasts Trump for skipping debate"): the words before it
        are the speaker, the words after it the content; "Quote, Speaker Tells X" gives the quote as content."""
        text = self._text
        lo = len(text) - len(text.lstrip())
        hi = text.find("\n", lo)
        hi = len(text) if hi < 0 else hi
        line = text[lo:hi]
        if not 3 <= len(line.split()) <= 25 or is_ignored(lo, hi) or any(lo <= r["cue"].start < hi for r in found):
            return None
        span = doc.char_span(lo, hi, alignment_mode="expand")
        if span is None:
            return None
        for tok in span[1:]:
            lemma = self._headline_forms.get(tok.lower_)
            if lemma is None and tok.lower_ in self._headline_lemmas and doc[tok.i - 1].is_alpha and \
                    doc[tok.i - 1].lower_.endswith("s"):
                lemma = tok.lower_  # the base form after a plural speaker: "Rabbis Vow ...", "Hedge Funds Support ..."
            if lemma is None or self._quoted(tok.idx) or tok.is_lower and tok.tag_ not in ("VBZ", "VBP"):
                continue  # (a lowercase word keeps the tagger's reading, and a headline speaks in the present:
                #          "attacks upend Trump's pivot" and "Many firms declared bankruptcy." are no headline cues)
            start = tok.i
            while start - 1 > span.start and (doc[start - 1].lower_ in self.headline_adverbs or
                                              doc[start - 1].lower_.endswith("ly") and doc[start - 1].is_alpha):
                start -= 1
            end = tok.i + 1
            norm = self.verbs[lemma]
            if end < span.end and doc[end].lower_ in self.particles.get(lemma, ()):
                norm = self.particle_lemmas.get(f"{lemma} {doc[end].lower_}", norm)
                end += 1
            before = doc[span.start:start]
            comma = max((t.i for t in before if t.text == "," or t.text in CLOSE_QUOTES), default=None)
            if comma is not None:
                # "Guns Are ‘A Crisis,’ Howard Dean Tells Convention": the quote before the speaker is the content
                source = self._trim(doc, comma + 1, start)
                content = self._trim(doc, span.start, comma + 1)
            else:
                source = self._trim(doc, span.start, start)
                # up to a second headline statement ("Says Russians Hacked DNC, Calls ...", "Backs Trump And
                # Denounces Clinton"), an adjunct ("Defends Trump Amid ...") or a dash or semicolon
                stop = next((t.i for t in doc[end + 1:span.end] if t.text in (";", "–", "—", "--") or
                             t.lower_ in self.headline_adjuncts or
                             t.lower_ in self._headline_forms and doc[t.i - 1].lower_ in (",", "and")), span.end)
                if doc[stop - 1].lower_ in (",", "and"):
                    stop -= 1
                content = self._trim(doc, end, stop)
            if source is None or content is None or len(text[source.start:source.end].split()) > 8 or not any(
                    t.is_title or t.is_upper or t.pos_ in ("PROPN", "NOUN") for t in doc[start - 1:start]):
                return None
            cue = Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
            return _record(cue, tok.i, norm, content, source, start - 1, sentence=Span(lo, hi))
        return None

    def _colon_line(self, doc, sent, colon):
        text = self._text
        start_char = sent.start_char
        line_start = text.rfind("\n", 0, start_char) + 1
        if text[line_start:start_char].strip():
            return None
        name = doc[sent.start:colon.i]
        if len(name) > 5 or not name[0].is_title and not name[0].is_upper:
            return None
        if name.text.lower() in self.rubrics or all(t.pos_ == "INTJ" or t.is_punct for t in name):
            return None  # "The Latest: ...", "Breaking: ...", "Wow: ..." label the headline, nobody says it
        if any(t.like_num or t.pos_ in ("VERB", "AUX", "PRON", "ADP", "SCONJ") and not t.is_title for t in name):
            return None
        after = doc[colon.i + 1:sent.end]
        if len(after) < 3 or after[0].like_num or not any(t.is_alpha for t in after[:3]):
            return None
        named = any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in name)
        propn = all(t.pos_ == "PROPN" or t.text in (".", "-", "’s", "'s") for t in name)
        headline = line_start == 0 or not text[:line_start].strip()  # the document's first line
        quoted = after[0].text in OPEN_QUOTES + '"‘' or after[0].text == "``"
        if not (headline and (named or len(name) <= 3) or (propn and named) or quoted and named):
            return None
        content = self._trim(doc, colon.i + 1, sent.end)
        if content is None:
            return None
        return _record(Span(colon.idx, colon.idx + 1), colon.i, "say", content, self._trim(doc, sent.start, colon.i),
                       name.root.i, direct=quoted)


@Language.factory("provkg_attributions",
                  default_config={"lexicon": None, "content_includes_that": True, "inside_quotes": False,
                                  "min_quote_words": 3, "cue_medium": True})
def make_attributions(nlp, name: str, lexicon: str | None = None, content_includes_that: bool = True,
                      inside_quotes: bool = False, min_quote_words: int = 3, cue_medium: bool = True):
    return AttributionsComponent(nlp, name, lexicon, content_includes_that, inside_quotes, min_quote_words, cue_medium)
