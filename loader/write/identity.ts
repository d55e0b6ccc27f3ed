// Paper identity across loads: a paper first seen without an arXiv id (`title:` key) and later with one is one node.
// Reads what the graph already knows and re-keys the new corpus (or the old node) so both converge on `arxiv:<id>`.
import type { Driver } from 'neo4j-driver';
import { normaliseTitle } from '../resolve/normalise.ts';
import type { PaperNode, ResolvedCorpus } from '../types.ts';

/** The normalised-title key of a paper (what `title:` ids are made of). */
export function titleKeyOf(p: Pick<PaperNode, 'id' | 'title'>): string {
  return p.id.startsWith('title:') ? p.id.slice('title:'.length) : normaliseTitle(p.title);
}

/** sha256 of every source already loaded completely, by source id. */
export async function sourceShas(driver: Driver, database: string): Promise<Map<string, string>> {
  const res = await driver.executeQuery('MATCH (s:Source) WHERE s.sha256 IS NOT NULL AND s.pending IS NULL RETURN s.id AS id, s.sha256 AS sha', {}, { database });
  return new Map(res.records.map((r) => [r.get('id') as string, r.get('sha') as string]));
}

/**
 * Existing paper ids for the corpus's title keys. Also adopts old `title:` nodes whose paper now has an arXiv id
 * (renames them in place, relationships kept), so the write that follows merges into them.
 */
export async function knownPaperIds(driver: Driver, database: string, corpus: ResolvedCorpus): Promise<Map<string, string>> {
  const rows = corpus.papers.map((p) => ({ id: p.id, key: titleKeyOf(p) }));
  await driver.executeQuery(
    `UNWIND $rows AS row
     WITH row WHERE row.id STARTS WITH 'arxiv:'
     MATCH (old:Paper {id: 'title:' + row.key})
     WHERE NOT EXISTS { MATCH (:Paper {id: row.id}) }
     SET old.id = row.id, old.arxivId = substring(row.id, 6)`,
    { rows },
    { database },
  );
  const res = await driver.executeQuery(
    `UNWIND $keys AS key
     MATCH (p:Paper {titleKey: key}) WHERE p.id STARTS WITH 'arxiv:'
     RETURN key, min(p.id) AS id`,
    { keys: rows.filter((r) => r.id.startsWith('title:')).map((r) => r.key) },
    { database },
  );
  return new Map(res.records.map((r) => [r.get('key') as string, r.get('id') as string]));
}

/** Renames `title:` papers of the corpus to the arXiv ids the graph already has for them. Pure. */
export function rekeyCorpus(corpus: ResolvedCorpus, known: Map<string, string>): ResolvedCorpus {
  const rename = new Map<string, string>();
  for (const p of corpus.papers) {
    const target = p.id.startsWith('title:') ? known.get(titleKeyOf(p)) : undefined;
    if (target) rename.set(p.id, target);
  }
  if (rename.size === 0) return corpus;
  const id = (x: string) => rename.get(x) ?? x;
  const papers = new Map<string, PaperNode>();
  for (const p of corpus.papers) {
    const renamed = { ...p, id: id(p.id), arxivId: p.arxivId ?? (rename.has(p.id) ? id(p.id).slice(6) : null) };
    const prior = papers.get(renamed.id);
    papers.set(renamed.id, prior ? { ...prior, sources: [...new Set([...prior.sources, ...renamed.sources])].sort() } : renamed);
  }
  return {
    ...corpus,
    papers: [...papers.values()],
    authored: corpus.authored.map((r) => ({ ...r, paper: id(r.paper) })),
    hasCode: corpus.hasCode.map((r) => ({ ...r, paper: id(r.paper) })),
    hasResource: corpus.hasResource.map((r) => ({ ...r, paper: id(r.paper) })),
    tagged: corpus.tagged.map((r) => ({ ...r, paper: id(r.paper) })),
    fromSource: corpus.fromSource.map((r) => ({ ...r, paper: id(r.paper) })),
  };
}
