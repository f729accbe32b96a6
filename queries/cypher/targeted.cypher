// Which directives bind an actor, and who issued them (the issuer the same article names), with evidence.
// Parameters: $actor_ids (target Actor ids).
// Example: provkg query targeted --param 'actor_ids=["actor:interior-ministry:773ef12e"]'
MATCH (d:Directive)-[r:TARGETS]->(target:Actor)
WHERE target.id IN $actor_ids
MATCH (a:Article {id: r.article})
OPTIONAL MATCH (issuer:Actor)-[i:ISSUED]->(d)
WHERE i.article = r.article
RETURN d.id AS directive_id, d.text AS directive, d.status AS status,
       target.id AS target_id, target.name AS target, target.kind AS target_kind,
       issuer.id AS issuer_id, issuer.name AS issuer, issuer.kind AS issuer_kind,
       r.id AS edge_id, r.article AS article_id, r.start AS start, r.stop AS stop,
       a.outlet AS outlet, a.published AS published
ORDER BY published, article_id, start, edge_id, issuer_id
