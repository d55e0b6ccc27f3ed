// Identity resolution: PaperRecords from many files → one node per paper, author, repo, resource and tag.
// Paper key: `arxiv:<id>` when any source gives one (matched by normalised title), else `title:<normalised title>`.
import type { AuthorNode, FromSourceRel, LoadIssue, PaperLinkRel, PaperNode, PaperRecord, RepoNode, ResolvedCorpus, ResourceNode, SourceNode, TagNode } from '../types.ts';
import type { ReadFile } from '../read.ts';
import { classifyLink } from './links.ts';
import { displayName, isHandle, normaliseName, normaliseTitle } from './normalise.ts';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const longer = (a: string | null, b: string | undefined) => (b && b.length > (a?.length ?? 0) ? b : a);

/** The earlier of two same-format date strings (`YYYY-MM`, `MM-DD`), either may be missing. */
function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b < a ? b : a;
}

/** Paper id for each record: arXiv ids spread to every record with the same normalised title. */
function paperIds(records: PaperRecord[], issues: LoadIssue[]): Map<PaperRecord, string> {
  const arxivByTitle = new Map<string, string>();
  const titleByArxiv = new Map<string, { key: string; rec: PaperRecord }>();
  for (const r of records) {
    if (!r.arxivId) continue;
    const key = normaliseTitle(r.title);
    if (!arxivByTitle.has(key)) arxivByTitle.set(key, r.arxivId);
    const seen = titleByArxiv.get(r.arxivId);
    if (!seen) titleByArxiv.set(r.arxivId, { key, rec: r });
    else if (seen.key !== key) {
      issues.push({
        file: r.source.file,
        line: r.source.line,
        reason: `arXiv ${r.arxivId} has two different titles: "${r.title}" here and "${seen.rec.title}" at ${seen.rec.source.file}:${seen.rec.source.line}; kept as one paper`,
        severity: 'warning',
      });
    }
  }
  const ids = new Map<PaperRecord, string>();
  for (const r of records) {
    const key = normaliseTitle(r.title);
    const arxiv = r.arxivId ?? arxivByTitle.get(key);
    ids.set(r, arxiv ? `arxiv:${arxiv}` : `title:${key}`);
  }
  return ids;
}

/** Resolves the records of the given files into graph-ready nodes and relationships. */
export function resolve(files: ReadFile[]): ResolvedCorpus {
  const issues: LoadIssue[] = [];
  const records = files.flatMap((f) => f.records).filter((r) => normaliseTitle(r.title) !== '');
  const ids = paperIds(records, issues);
  const papers = new Map<string, PaperNode>();
  const authors = new Map<string, AuthorNode>();
  const repos = new Map<string, RepoNode>();
  const resources = new Map<string, ResourceNode>();
  const tags = new Map<string, TagNode>();
  const authored = new Map<string, { author: string; paper: string; position: number }>();
  const links = { hasCode: new Map<string, PaperLinkRel>(), hasResource: new Map<string, PaperLinkRel>(), tagged: new Map<string, PaperLinkRel>() };
  const fromSource = new Map<string, FromSourceRel>();
  const authorsOf = new Map<string, number>();

  for (const r of records) {
    const id = ids.get(r)!;
    const prior = papers.get(id);
    const date = r.date ?? null;
    papers.set(id, {
      id,
      title: prior?.title ?? r.title,
      abstract: longer(prior?.abstract ?? null, r.abstract),
      summary: prior?.summary ?? r.summary ?? null,
      arxivId: prior?.arxivId ?? (id.startsWith('arxiv:') ? id.slice(6) : null),
      url: prior?.url ?? r.url ?? null,
      date: prior?.date && (!date || prior.date <= date) ? prior.date : date,
      // Earliest wins for partial dates too, so the order files are read (or loaded) in does not matter.
      month: earliest(prior?.month ?? null, r.month ?? null),
      monthDay: earliest(prior?.monthDay ?? null, r.monthDay ?? null),
      sources: [...new Set([...(prior?.sources ?? []), r.source.file])].sort(),
    });
    // The first record that lists authors decides the author order of a paper.
    if (!authorsOf.has(id) && r.authors.length > 0) {
      authorsOf.set(id, r.authors.length);
      r.authors.forEach((raw, position) => {
        const name = displayName(raw);
        const key = normaliseName(name);
        if (!key) return;
        if (!authors.has(key)) authors.set(key, { id: key, name, isHandle: isHandle(name) });
        const relKey = `${key}\u0000${id}`;
        if (!authored.has(relKey)) authored.set(relKey, { author: key, paper: id, position });
      });
    }
    for (const tag of r.tags) {
      const key = tag.trim().toLowerCase().replace(/\s+/g, ' ');
      if (!key) continue;
      if (!tags.has(key)) tags.set(key, { id: key, name: tag.trim() });
      links.tagged.set(`${id}\u0000${key}`, { paper: id, target: key });
    }
    for (const raw of r.links) {
      const target = classifyLink(raw);
      if (target.kind === 'repo') {
        repos.set(target.repo.id, target.repo);
        links.hasCode.set(`${id}\u0000${target.repo.id}`, { paper: id, target: target.repo.id });
      } else if (target.kind === 'resource') {
        resources.set(target.resource.id, target.resource);
        links.hasResource.set(`${id}\u0000${target.resource.id}`, { paper: id, target: target.resource.id });
      }
    }
    const fsKey = `${id}\u0000${r.source.file}\u0000${r.source.line}`;
    fromSource.set(fsKey, { paper: id, source: r.source.file, line: r.source.line });
  }
  // A paper no source dates still has a month when it has a new-style arXiv id: YYMM is its submission month.
  for (const p of papers.values()) p.month = p.date ? p.date.slice(0, 7) : (p.month ?? arxivMonth(p.arxivId));

  const sources: SourceNode[] = files.map((f) => ({
    id: f.path,
    format: f.format,
    sha256: f.sha256,
    rows: f.rows,
    errors: f.issues.filter((i) => i.severity === 'error').length,
  }));
  const rel = <T extends { paper: string }>(m: Map<string, T>) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return {
    papers: [...papers.values()].sort(byId),
    authors: [...authors.values()].sort(byId),
    repos: [...repos.values()].sort(byId),
    resources: [...resources.values()].sort(byId),
    tags: [...tags.values()].sort(byId),
    sources: sources.sort(byId),
    authored: rel(authored),
    hasCode: rel(links.hasCode),
    hasResource: rel(links.hasResource),
    tagged: rel(links.tagged),
    fromSource: rel(fromSource),
    issues,
  };
}

/** `YYYY-MM` of a new-style arXiv id (`2505.16056`, `0704.0001` — April 2007 onwards, YYMM.NNNN[N]), else null. */
export function arxivMonth(arxivId: string | null): string | null {
  const m = arxivId ? /^(\d{2})(\d{2})\.\d{4,5}(v\d+)?$/.exec(arxivId) : null;
  if (!m) return null;
  const year = 2000 + Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 2007 || (year === 2007 && month < 4)) return null;
  return `${year}-${m[2]}`;
}
