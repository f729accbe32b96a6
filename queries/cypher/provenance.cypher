// Who reported a claim, in which words, to whom, in which article of which outlet, and what that
// article reprints. One row per report, times its TOLD hops and REPRINT_OF links in that article
// (provkg provenance groups them by edge_id).
// Parameters: $claim_id (a Claim id; provkg provenance TEXT finds it by text).
// Example: provkg query provenance --param claim_id=claim:0123456789abcdef
MATCH (source:Actor)-[r:REPORTED]->(c:Claim {id: $claim_id})
MATCH (a:Article {id: r.article})
OPTIONAL MATCH (outlet:Actor)-[:PUBLISHED]->(a)
OPTIONAL MATCH (source)-[t:TOLD]->(recipient:Actor)
WHERE t.article = r.article
OPTIONAL MATCH (recipient)-[:PART_OF]->(parent:Actor)
OPTIONAL MATCH (a)-[p:REPRINT_OF]->(original)
RETURN c.id AS claim_id, c.text AS claim, source.id AS source_id, source.name AS source,
       source.kind AS source_kind, source.anonymous AS anonymous, source.descriptor AS descriptor,
       source.affiliation AS affiliation, source.location AS location,
       r.cue AS cue, r.cue_lemma AS cue_lemma, r.cue_start AS cue_start, r.cue_stop AS cue_stop,
       r.direct AS direct, r.recipient AS recipient_id, r.id AS edge_id,
       a.id AS article_id, a.title AS title, outlet.name AS outlet, a.published AS published,
       r.start AS start, r.stop AS stop,
       recipient.id AS told_id, recipient.name AS told, recipient.kind AS told_kind, parent.name AS told_part_of,
       t.id AS told_edge_id, t.start AS told_start, t.stop AS told_stop,
       original.id AS original_id, original.name AS original_outlet, original.title AS original_title,
       p.original AS original, p.id AS reprint_edge_id, p.start AS reprint_start, p.stop AS reprint_stop
ORDER BY published, article_id, start, edge_id, told_start, told_edge_id, original_title, original_id
