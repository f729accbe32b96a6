// Who reported which claims and directives: each REPORTED edge with its cue, recipient and article.
// Parameters: $item_ids (Claim/Directive ids), $source_ids (Actor ids); an empty list means any.
// Example: provkg query reports --param 'item_ids=["claim:0123456789abcdef"]' --param 'source_ids=[]'
MATCH (s:Actor)-[r:REPORTED]->(x)
WHERE (size($item_ids) = 0 OR x.id IN $item_ids) AND (size($source_ids) = 0 OR s.id IN $source_ids)
MATCH (a:Article {id: r.article})
OPTIONAL MATCH (recipient:Actor {id: r.recipient})
RETURN CASE WHEN x.id STARTS WITH 'directive:' THEN 'Directive' ELSE 'Claim' END AS label,
       x.id AS item_id, x.text AS item,
       s.id AS source_id, s.name AS source, s.kind AS source_kind, s.anonymous AS source_anonymous,
       s.descriptor AS descriptor, s.affiliation AS affiliation, s.location AS location,
       r.cue AS cue, r.cue_lemma AS cue_lemma, r.cue_start AS cue_start, r.cue_stop AS cue_stop,
       r.direct AS direct,
       recipient.id AS recipient_id, recipient.name AS recipient, recipient.kind AS recipient_kind,
       r.id AS edge_id, r.article AS article_id, r.start AS start, r.stop AS stop,
       a.outlet AS outlet, a.published AS published
ORDER BY published, article_id, start, edge_id
