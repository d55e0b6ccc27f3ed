// title: Co-authors of an author
// description: The co-author network around one author, up to a few hops away.
// param: author (node:Author, default: eunho yang) The author at the centre
// param: depth (int, default: 2) How many co-author hops to follow (1–3)
// view: graph
// layout: cola
MATCH (a:Author {id: $author})
MATCH p = (a)-[:COAUTHORED_WITH*1..3]-(:Author)
WHERE length(p) <= $depth
RETURN p
LIMIT 300
