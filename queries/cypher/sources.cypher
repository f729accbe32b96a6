// Whom an outlet relies on: every report in the articles it published, with the source's details.
// Parameters: $outlet_id (the outlet's Actor id).
// Example: provkg query sources --param outlet_id=actor:capital-wire:efd84a52
MATCH (o:Actor {id: $outlet_id})-[:PUBLISHED]->(a:Article)
MATCH (s:Actor)-[r:REPORTED]->(x)
WHERE r.article = a.id
RETURN s.id AS source_id, s.name AS source, s.kind AS source_kind, s.anonymous AS source_anonymous,
       s.descriptor AS descriptor, s.affiliation AS affiliation, s.location AS location,
       x.id AS item_id, r.cue_lemma AS cue_lemma, r.id AS edge_id,
       r.article AS article_id, r.start AS start, r.stop AS stop, a.published AS published
ORDER BY published, article_id, start, edge_id
