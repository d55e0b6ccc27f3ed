// title: Bridges between two topics
// description: Papers and authors that connect two topics (matched by label): similar papers across them and authors who wrote in both.
// param: topicA (string, default: MoE routing) Words of the first topic's label
// param: topicB (string, default: Expert offloading) Words of the second topic's label
// view: graph
// layout: fcose
MATCH (a:Topic) WHERE toLower(a.label) CONTAINS toLower($topicA)
MATCH (b:Topic) WHERE toLower(b.label) CONTAINS toLower($topicB) AND b <> a
CALL (a, b) {
  MATCH path = (a)<-[:IN_TOPIC {primary: true}]-(:Paper)-[:SIMILAR_TO]-(:Paper)-[:IN_TOPIC {primary: true}]->(b)
  RETURN path
  UNION
  MATCH path = (a)<-[:IN_TOPIC {primary: true}]-(:Paper)<-[:AUTHORED]-(:Author)-[:AUTHORED]->(:Paper)-[:IN_TOPIC {primary: true}]->(b)
  RETURN path
}
RETURN path
LIMIT 150
