// One actor's profile: kind, aliases, anonymous-source details, what it is part of, run by and located in.
// Parameters: $actor_id.
// Example: provkg query actor --param actor_id=actor:interior-ministry:773ef12e
MATCH (a:Actor {id: $actor_id})
OPTIONAL MATCH (a)-[:PART_OF]->(parent:Actor)
OPTIONAL MATCH (unit:Actor)-[:PART_OF]->(a)
OPTIONAL MATCH (a)-[:RUN_BY]->(runner:Actor)
OPTIONAL MATCH (a)-[:LOCATED_IN]->(place:Place)
OPTIONAL MATCH (a)-[:PUBLISHED]->(article:Article)
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.anonymous AS anonymous,
       a.descriptor AS descriptor, a.affiliation AS affiliation, a.location AS location, a.article AS article,
       collect(DISTINCT parent.name) AS part_of, collect(DISTINCT unit.name) AS units,
       collect(DISTINCT runner.name) AS run_by, collect(DISTINCT place.name) AS located_in,
       count(DISTINCT article) AS published
