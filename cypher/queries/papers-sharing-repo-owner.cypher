// title: Papers sharing a repository owner
// description: Groups of papers whose code lives under the same GitHub owner (organisation or user).
// param: minPapers (int, default: 2) The least number of papers per owner
// view: graph
MATCH (p:Paper)-[:HAS_CODE]->(r:Repo)
WITH r.owner AS owner, collect(DISTINCT p) AS papers
WHERE size(papers) >= $minPapers
UNWIND papers AS p
MATCH path = (p)-[:HAS_CODE]->(:Repo {owner: owner})
RETURN path
LIMIT 200
