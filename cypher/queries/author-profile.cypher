// title: Author profile
// description: An author's papers with their topics, tags and code.
// param: author (node:Author, default: eunho yang) The author
// view: graph
MATCH (a:Author {id: $author})-[w:AUTHORED]->(p:Paper)
OPTIONAL MATCH (p)-[it:IN_TOPIC {primary: true}]->(t:Topic)
OPTIONAL MATCH (p)-[tg:TAGGED]->(g:Tag)
OPTIONAL MATCH (p)-[hc:HAS_CODE]->(r:Repo)
RETURN a, w, p, it, t, tg, g, hc, r
