// Who issued which directive to whom, in which article (and so by which outlet), and when.
// One row per article that mentions a directive, with the issuer and target that article names.
// Parameters: $issuer_ids, $target_ids (lists of Actor ids; an empty list means any).
// Example: provkg query directives --param 'issuer_ids=["actor:interior-ministry:773ef12e"]' --param 'target_ids=[]'
MATCH (d:Directive)
WHERE (size($issuer_ids) = 0 OR EXISTS { MATCH (i:Actor)-[:ISSUED]->(d) WHERE i.id IN $issuer_ids })
  AND (size($target_ids) = 0 OR EXISTS { MATCH (d)-[:TARGETS]->(t:Actor) WHERE t.id IN $target_ids })
MATCH (art:Article)-[m:MENTIONS]->(d)
OPTIONAL MATCH (issuer:Actor)-[ri:ISSUED]->(d)
WHERE ri.article = art.id
OPTIONAL MATCH (d)-[rt:TARGETS]->(target:Actor)
WHERE rt.article = art.id
RETURN d.id AS directive_id, d.text AS directive, d.status AS status,
       art.id AS article_id, art.published AS published, art.outlet AS outlet,
       m.id AS mention_id, m.start AS start, m.stop AS stop,
       issuer.id AS issuer_id, issuer.name AS issuer, issuer.kind AS issuer_kind,
       ri.id AS issued_edge_id, ri.start AS issued_start, ri.stop AS issued_stop,
       target.id AS target_id, target.name AS target, target.kind AS target_kind,
       rt.id AS target_edge_id, rt.start AS target_start, rt.stop AS target_stop
ORDER BY published, article_id, start, directive_id, issuer_id, target_id
