// Disputed claims: every CONTRADICTS edge with both claims, its basis and the evidence span.
// Parameters: none.
// Example: provkg query contradictions
MATCH (a:Claim)-[r:CONTRADICTS]->(b:Claim)
MATCH (art:Article {id: r.article})
RETURN r.id AS edge_id, r.basis AS basis, r.article AS article_id, r.start AS start, r.stop AS stop,
       art.published AS published, a.id AS a_id, a.text AS a_text, a.kind AS a_kind,
       b.id AS b_id, b.text AS b_text, b.kind AS b_kind
ORDER BY published, article_id, start, edge_id
