// Claims and directives that rest only on anonymous sources: one row per anonymous report of such an item.
// "Rests only on": every report supporting it (any cue but a denial) comes from an anonymous source
// (the store keeps the counts on each item: named_reports, anonymous_reports).
// The $limit items with the most anonymous reports come first (then by id), each with all its reports.
// Parameters: $limit (at most this many items).
// Example: provkg query anonymous --param limit=20
MATCH (x:Claim|Directive)
WHERE x.named_reports = 0 AND x.anonymous_reports > 0
WITH x
ORDER BY x.anonymous_reports DESC, x.id
LIMIT $limit
MATCH (s:Actor)-[r:REPORTED]->(x)
WHERE coalesce(r.cue_lemma, '') <> 'deny'
MATCH (a:Article {id: r.article})
OPTIONAL MATCH (recipient:Actor {id: r.recipient})
RETURN CASE WHEN x.id STARTS WITH 'directive:' THEN 'Directive' ELSE 'Claim' END AS label,
       x.id AS item_id, x.text AS item,
       s.id AS source_id, s.name AS source, s.kind AS source_kind, s.anonymous AS source_anonymous,
       s.descriptor AS descriptor, s.affiliation AS affiliation, s.location AS location,
       r.cue AS cue, r.cue_lemma AS cue_lemma, r.cue_start AS cue_start, r.cue_stop AS cue_stop,
       r.direct AS direct,
       recipient.id AS recipient_id, recipient.name AS recipient, recipient.kind AS recipient_kind, r.id AS edge_id,
       r.article AS article_id, r.start AS start, r.stop AS stop,
       a.outlet AS outlet, a.published AS published
ORDER BY outlet, published, article_id, start, edge_id
