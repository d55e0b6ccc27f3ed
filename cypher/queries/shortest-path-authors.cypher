// title: Shortest path between two authors
// description: How two authors connect through co-authorship, papers and similar work.
// param: from (node:Author, default: eunho yang) The first author
// param: to (node:Author, default: jadohu) The second author
// view: graph
// layout: breadthfirst
MATCH (a:Author {id: $from}), (b:Author {id: $to})
MATCH p = SHORTEST 1 (a)-[:AUTHORED|COAUTHORED_WITH|SIMILAR_TO]-{1,8}(b)
RETURN p
