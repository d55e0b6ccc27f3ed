// Link typing and canonical forms: GitHub repos (owner/name) vs org pages and project sites, Hugging Face
// models, datasets, spaces and collections. Anything else is a `page` or `other` resource.
import type { RepoNode, ResourceKind, ResourceNode } from '../types.ts';

export type LinkTarget = { kind: 'repo'; repo: RepoNode } | { kind: 'resource'; resource: ResourceNode } | { kind: 'ignore' };

const GITHUB_RESERVED = new Set(['orgs', 'topics', 'features', 'about', 'settings', 'marketplace', 'sponsors', 'collections', 'explore', 'login', 'join']);

function parse(raw: string): URL | null {
  const text = raw.trim().replace(/\s+/g, '').replace(/[)\].,;]+$/, '');
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function resource(url: string, kind: ResourceKind): LinkTarget {
  return { kind: 'resource', resource: { id: url, url, kind } };
}

/** Classifies one link and returns its canonical node. */
export function classifyLink(raw: string): LinkTarget {
  const url = parse(raw);
  if (!url) return { kind: 'ignore' };
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const parts = url.pathname.split('/').filter(Boolean);
  if (host === 'github.com') {
    const [owner, name] = parts;
    if (!owner || GITHUB_RESERVED.has(owner.toLowerCase())) return owner ? resource(`https://github.com/${owner.toLowerCase()}`, 'org') : { kind: 'ignore' };
    if (!name) return resource(`https://github.com/${owner.toLowerCase()}`, 'org');
    const repoName = name.replace(/\.git$/i, '').toLowerCase();
    const o = owner.toLowerCase();
    return { kind: 'repo', repo: { id: `https://github.com/${o}/${repoName}`, url: `https://github.com/${o}/${repoName}`, host: 'github.com', owner: o, name: repoName } };
  }
  if (host.endsWith('.github.io')) {
    const clean = `https://${host}${url.pathname.replace(/\/+$/, '')}`;
    return resource(clean, 'page');
  }
  if (host === 'huggingface.co' || host === 'hf.co') {
    const [first, second, third] = parts;
    if (!first) return { kind: 'ignore' };
    if (first === 'papers') return { kind: 'ignore' };
    const typed: Record<string, ResourceKind> = { datasets: 'dataset', spaces: 'space', collections: 'collection' };
    if (typed[first]) {
      if (!second) return { kind: 'ignore' };
      const path = [first, second, third].filter(Boolean).join('/');
      return resource(`https://huggingface.co/${path}`, typed[first]!);
    }
    if (!second) return resource(`https://huggingface.co/${first}`, 'org');
    return resource(`https://huggingface.co/${first}/${second}`, 'model');
  }
  const canonical = `${url.protocol}//${host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  return resource(canonical, /\.(pdf|zip)$/i.test(url.pathname) ? 'other' : 'page');
}
