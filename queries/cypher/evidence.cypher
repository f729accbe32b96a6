// The edge with a given evidence id: its endpoints, the evidence span and its own properties.
// Parameters: $edge_id (the id every edge carries; provkg evidence EDGE-ID shows the words).
// Example: provkg query evidence --param edge_id=e0123456789abcdef
MATCH (a)-[r]->(b)
WHERE r.id = $edge_id
RETURN coalesce(a.id, a.key) AS from_key, coalesce(a.name, a.title, a.text, a.key) AS from_name,
       coalesce(b.id, b.key) AS to_key, coalesce(b.name, b.title, b.text, b.key) AS to_name,
       r.id AS edge_id, r.article AS article_id, r.start AS start, r.stop AS stop
