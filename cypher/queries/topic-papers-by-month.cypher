// title: Papers of a topic by month
// description: How many papers a topic (matched by label) has each month, with examples.
// param: topic (string, default: MoE routing) Words of the topic's label
// view: table
MATCH (t:Topic) WHERE toLower(t.label) CONTAINS toLower($topic)
MATCH (t)<-[:IN_TOPIC]-(p:Paper)
WITH coalesce(p.month, 'undated') AS month, collect(DISTINCT p.title) AS titles
RETURN month, size(titles) AS papers, titles[..3] AS examples
ORDER BY month
