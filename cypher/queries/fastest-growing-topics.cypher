// title: Fastest-growing topics
// description: Topics ranked by papers in the latest month against the months before it.
// param: limit (int, default: 10) How many topics
// view: table
MATCH (p:Paper) WHERE p.month IS NOT NULL
WITH max(p.month) AS latest
MATCH (t:Topic)<-[:IN_TOPIC]-(p:Paper) WHERE p.month IS NOT NULL
WITH t, latest,
     sum(CASE WHEN p.month = latest THEN 1 ELSE 0 END) AS recent,
     sum(CASE WHEN p.month < latest THEN 1 ELSE 0 END) AS earlier
RETURN t.label AS topic, t.level AS level, latest AS month, recent, earlier, round(toFloat(recent + 1) / (earlier + 1), 2) AS growth
ORDER BY growth DESC, recent DESC, topic
LIMIT $limit
