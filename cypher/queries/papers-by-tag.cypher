// title: Papers with a tag
// description: The papers carrying one classification tag, with their authors.
// param: tag (node:Tag, default: natural language processing) The tag
// view: graph
MATCH (g:Tag {id: $tag})<-[t:TAGGED]-(p:Paper)
OPTIONAL MATCH (a:Author)-[w:AUTHORED]->(p)
RETURN g, t, p, a, w
LIMIT 300
