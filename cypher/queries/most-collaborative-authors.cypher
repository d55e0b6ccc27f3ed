// title: Most collaborative authors
// description: Authors ranked by how many different people they have written with.
// param: limit (int, default: 20) How many authors to list
// view: table
MATCH (a:Author)-[r:COAUTHORED_WITH]-(b:Author)
RETURN a.name AS author, count(DISTINCT b) AS coauthors, sum(r.weight) AS sharedPapers, a.communityName AS community
ORDER BY coauthors DESC, sharedPapers DESC, author
LIMIT $limit
