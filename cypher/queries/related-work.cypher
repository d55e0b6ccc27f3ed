// title: Related work of a paper
// description: The papers most similar to one paper, with the shared terms on each edge.
// param: paper (node:Paper, default: arxiv:2505.16056) The paper
// param: limit (int, default: 10) How many related papers
// view: graph
// layout: concentric
MATCH (p:Paper {id: $paper})-[s:SIMILAR_TO]-(q:Paper)
RETURN p, s, q
ORDER BY s.score DESC
LIMIT $limit
