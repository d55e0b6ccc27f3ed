// Full-text indexes behind /api/search (idempotent): papers in one, every other searchable type in another (search
// asks each once; one call per type had a fixed cost per call).
// The indexes they replace go first (Neo4j refuses a second full-text index over the same labels and fields): the
// per-type ones, and paper_text / entity_text, which were updated inside each commit.
DROP INDEX paper_text IF EXISTS;
DROP INDEX entity_text IF EXISTS;
DROP INDEX author_name IF EXISTS;
DROP INDEX topic_label IF EXISTS;
DROP INDEX repo_name IF EXISTS;
DROP INDEX tag_name IF EXISTS;
// Eventually consistent: a commit hands its index updates to a background thread instead of indexing every title and
// abstract itself (a third of a 100k-paper load's write time). Writers that need their rows searchable at once call
// db.index.fulltext.awaitEventuallyConsistentIndexRefresh(); the loader does after every write phase.
CREATE FULLTEXT INDEX paper_search IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Author|Topic|Repo|Tag) ON EACH [n.name, n.label, n.termText, n.owner]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
