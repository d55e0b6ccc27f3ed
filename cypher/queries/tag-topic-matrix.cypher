// title: Tag × topic matrix
// description: How the digest's classification tags spread over the broad topics.
// view: table
MATCH (g:Tag)<-[:TAGGED]-(p:Paper)-[:IN_TOPIC]->(t:Topic {level: 0})
RETURN g.name AS tag, t.label AS topic, count(DISTINCT p) AS papers
ORDER BY tag, papers DESC, topic
