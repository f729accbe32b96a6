// Which directives an actor issued, and to whom (the targets the same article names), with evidence.
// Parameters: $actor_ids (issuer Actor ids), $directive_ids (Directive ids); an empty list means any.
// Example: provkg query issued --param 'actor_ids=["actor:interior-ministry:773ef12e"]' --param 'directive_ids=[]'
MATCH (issuer:Actor)-[r:ISSUED]->(d:Directive)
WHERE (size($actor_ids) = 0 OR issuer.id IN $actor_ids) AND (size($directive_ids) = 0 OR d.id IN $directive_ids)
MATCH (a:Article {id: r.article})
OPTIONAL MATCH (d)-[t:TARGETS]->(target:Actor)
WHERE t.article = r.article
RETURN d.id AS directive_id, d.text AS directive, d.status AS status,
       issuer.id AS issuer_id, issuer.name AS issuer, issuer.kind AS issuer_kind,
       target.id AS target_id, target.name AS target, target.kind AS target_kind,
       r.id AS edge_id, r.article AS article_id, r.start AS start, r.stop AS stop,
       a.outlet AS outlet, a.published AS published
ORDER BY published, article_id, start, edge_id, target_id
