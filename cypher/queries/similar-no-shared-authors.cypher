// title: Similar papers with no shared authors
// description: Pairs of similar papers written by different people: independent work on the same idea.
// param: minScore (float, default: 0.15) The least similarity score
// param: limit (int, default: 25) How many pairs
// view: table
MATCH (a:Paper)-[s:SIMILAR_TO]->(b:Paper)
WHERE s.score >= $minScore AND a.id < b.id
  AND NOT EXISTS { (a)<-[:AUTHORED]-(:Author)-[:AUTHORED]->(b) }
RETURN a.title AS paper, b.title AS similar, s.score AS score, s.terms AS sharedTerms
ORDER BY score DESC, paper
LIMIT $limit
