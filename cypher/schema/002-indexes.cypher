// Range and lookup indexes (idempotent).
CREATE INDEX paper_date IF NOT EXISTS FOR (n:Paper) ON (n.date);
CREATE INDEX paper_month IF NOT EXISTS FOR (n:Paper) ON (n.month);
CREATE INDEX paper_title_key IF NOT EXISTS FOR (n:Paper) ON (n.titleKey);
CREATE INDEX author_community IF NOT EXISTS FOR (n:Author) ON (n.community);
CREATE INDEX topic_level IF NOT EXISTS FOR (n:Topic) ON (n.level);
CREATE INDEX repo_owner IF NOT EXISTS FOR (n:Repo) ON (n.owner);
