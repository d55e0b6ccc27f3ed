// title: Papers with code in a topic
// description: Papers of a topic (matched by label, subtopics included) that link a code repository.
// param: topic (string, default: mixture) Words of the topic's label
// view: graph
MATCH (t:Topic) WHERE toLower(t.label) CONTAINS toLower($topic)
MATCH (p:Paper)-[:IN_TOPIC]->(t)
MATCH c = (p)-[:HAS_CODE]->(:Repo)
RETURN DISTINCT c
LIMIT 200
