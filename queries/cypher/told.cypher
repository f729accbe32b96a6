// Whom a source spoke to (the outlets and people it told), with the sentence that says so.
// Parameters: $actor_id (the source Actor's id).
// Example: provkg query told --param actor_id=anon:a1b2c3:S2
MATCH (s:Actor {id: $actor_id})-[t:TOLD]->(r:Actor)
OPTIONAL MATCH (r)-[:PART_OF]->(parent:Actor)
RETURN DISTINCT r.id AS recipient_id, r.name AS recipient, r.kind AS recipient_kind, parent.name AS part_of,
       t.id AS edge_id, t.article AS article_id, t.start AS start, t.stop AS stop
ORDER BY article_id, start
