// Claims and directives that rest only on anonymous sources: one row per anonymous report of such an item.
// "Rests only on": every report supporting it (any cue but a denial) comes from an anonymous source.
// Parameters: none.
// Example: provkg query anonymous
MATCH (s:Actor)-[r:REPORTED]->(x)
WHERE s.anonymous = true AND coalesce(r.cue_lemma, '') <> 'deny'
  AND NOT EXISTS {
    MATCH (n:Actor)-[q:REPORTED]->(x)
    WHERE coalesce(n.anonymous, false) = false AND coalesce(q.cue_lemma, '') <> 'deny'
  }
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
