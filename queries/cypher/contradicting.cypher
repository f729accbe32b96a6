// The claims that contradict a claim (either direction), with the basis and the evidence span.
// Parameters: $claim_id.
// Example: provkg query contradicting --param claim_id=claim:0123456789abcdef
MATCH (c:Claim {id: $claim_id})-[r:CONTRADICTS]-(o:Claim)
RETURN o.id AS claim_id, o.text AS claim, r.basis AS basis, r.id AS edge_id,
       r.article AS article_id, r.start AS start, r.stop AS stop
ORDER BY article_id, start
