// Full-text indexes behind /api/search (idempotent).
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract];
CREATE FULLTEXT INDEX author_name IF NOT EXISTS FOR (n:Author) ON EACH [n.name];
CREATE FULLTEXT INDEX topic_label IF NOT EXISTS FOR (n:Topic) ON EACH [n.label, n.termText];
CREATE FULLTEXT INDEX repo_name IF NOT EXISTS FOR (n:Repo) ON EACH [n.name, n.owner];
CREATE FULLTEXT INDEX tag_name IF NOT EXISTS FOR (n:Tag) ON EACH [n.name];
