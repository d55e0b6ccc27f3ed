// Full-text indexes behind /api/search (idempotent): papers in one, every other searchable type in another (search
// asks each once; one call per type had a fixed cost per call).
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract];
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Author|Topic|Repo|Tag) ON EACH [n.name, n.label, n.termText, n.owner];
// The per-type indexes they replace, on graphs created before.
DROP INDEX author_name IF EXISTS;
DROP INDEX topic_label IF EXISTS;
DROP INDEX repo_name IF EXISTS;
DROP INDEX tag_name IF EXISTS;
