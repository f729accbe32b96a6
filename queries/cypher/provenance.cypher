// Who reported a claim, in which words, to whom, in which article of which outlet.
// Parameters: $claim_id (a Claim id; provkg provenance TEXT finds it by text).
// Example: provkg query provenance --param claim_id=claim:0123456789abcdef
MATCH (source:Actor)-[r:REPORTED]->(c:Claim {id: $claim_id})
MATCH (a:Article {id: r.article})
OPTIONAL MATCH (outlet:Actor)-[:PUBLISHED]->(a)
RETURN c.id AS claim_id, c.text AS claim, source.id AS source_id, source.name AS source,
       source.kind AS source_kind, source.anonymous AS anonymous, source.descriptor AS descriptor,
       source.affiliation AS affiliation, source.location AS location,
       r.cue AS cue, r.cue_lemma AS cue_lemma, r.cue_start AS cue_start, r.cue_stop AS cue_stop,
       r.direct AS direct, r.recipient AS recipient_id, r.id AS edge_id,
       a.id AS article_id, a.title AS title, outlet.name AS outlet, a.published AS published,
       r.start AS start, r.stop AS stop
ORDER BY published, article_id, start
