// What an article reprints: the original outlet, and the original article when it is ingested.
// Parameters: $article_id.
// Example: provkg query reprints --param article_id=a0123456789abcdef01234567
MATCH (a:Article {id: $article_id})-[r:REPRINT_OF]->(o)
RETURN o.id AS original_id, o.name AS original_outlet, o.title AS original_title, r.original AS original,
       r.id AS edge_id, r.start AS start, r.stop AS stop
ORDER BY original_title, original_id
