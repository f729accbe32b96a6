// The reports of a claim with what decides whether they are independent origins (provkg origins counts them).
// Per report: the source, whom it was told to, the article's outlet, and the outlet the story first came
// from (the end of the article's REPRINT_OF chain). Chains come back step by step: a report's row with the
// most root_hops and recipient_hops has the ends (the original article, the top body told).
// Parameters: $claim_id (a Claim id; provkg origins TEXT finds it by its words).
// Example: provkg query origins --param claim_id=claim:0123456789abcdef
MATCH (s:Actor)-[r:REPORTED]->(c:Claim {id: $claim_id})
MATCH (a:Article {id: r.article})
OPTIONAL MATCH (publisher:Actor)-[:PUBLISHED]->(a)
OPTIONAL MATCH (a)-[:REPRINT_OF]->(credited:Actor)
OPTIONAL MATCH reprinted = (a)-[:REPRINT_OF*1..8]->(root:Article)
OPTIONAL MATCH (root_publisher:Actor)-[:PUBLISHED]->(root)
OPTIONAL MATCH (root)-[:REPRINT_OF]->(root_credited:Actor)
OPTIONAL MATCH (recipient:Actor {id: r.recipient})
OPTIONAL MATCH lifted = (recipient)-[:PART_OF*1..4]->(recipient_top:Actor)
RETURN s.id AS source_id, s.name AS source, s.kind AS source_kind, s.anonymous AS source_anonymous,
       s.descriptor AS descriptor, s.affiliation AS affiliation, s.location AS location,
       r.cue AS cue, r.cue_lemma AS cue_lemma, r.cue_start AS cue_start, r.cue_stop AS cue_stop,
       r.direct AS direct, r.id AS edge_id,
       r.article AS article_id, r.start AS start, r.stop AS stop, a.published AS published,
       recipient.id AS recipient_id, recipient.name AS recipient, recipient.kind AS recipient_kind,
       publisher.id AS publisher_id, publisher.name AS publisher,
       root.id AS root_article_id, credited.id AS credited_id,
       coalesce(root_credited.id, root_publisher.id, credited.id, publisher.id) AS story_outlet_id,
       coalesce(root_credited.name, root_publisher.name, credited.name, publisher.name) AS story_outlet,
       coalesce(recipient_top.id, recipient.id) AS told_id, coalesce(recipient_top.name, recipient.name) AS told,
       length(reprinted) AS root_hops, length(lifted) AS recipient_hops
ORDER BY published, article_id, start, edge_id, story_outlet_id, told_id, root_article_id, credited_id
