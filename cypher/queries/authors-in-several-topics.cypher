// title: Authors active in several topics
// description: Authors whose papers fall into at least a given number of different topics.
// param: minTopics (int, default: 2) The least number of topics
// view: table
MATCH (a:Author)-[:AUTHORED]->(p:Paper)-[:IN_TOPIC]->(t:Topic)
WITH a, collect(DISTINCT t.label) AS topics
WHERE size(topics) >= $minTopics
RETURN a.name AS author, size(topics) AS topicCount, topics
ORDER BY topicCount DESC, author
LIMIT 100
