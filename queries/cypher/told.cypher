// Whom a source spoke to (the outlets and people it told), with the sentence that says so.
// Parameters: $actor_id (the source Actor's id), $article_ids (only in these articles; an empty list means any).
// Example: provkg query told --param actor_id=anon:a1b2c3:S2 --param 'article_ids=[]'
MATCH (s:Actor {id: $actor_id})-[t:TOLD]->(r:Actor)
WHERE size($article_ids) = 0 OR t.article IN $article_ids
RETURN DISTINCT r.id AS recipient_id, r.name AS recipient, r.kind AS recipient_kind,
       t.id AS edge_id, t.article AS article_id, t.start AS start, t.stop AS stop
ORDER BY article_id, start
