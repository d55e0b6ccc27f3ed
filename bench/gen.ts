// `npm run gen -- --papers N --seed S --out DIR`: a deterministic synthetic corpus in the digest Markdown format
// (and a JSON sidecar): topics with their own vocabularies, heavy-tailed author productivity, recurring
// collaborator groups, Hugging Face handles, repos and artifacts, some duplicates across days.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { rng } from '../loader/analyse/rng.ts';

const TOPICS: [string, string[]][] = [
  ['moe', ['mixture', 'experts', 'routing', 'router', 'gating', 'load balancing', 'sparse', 'expert parallelism']],
  ['offload', ['offloading', 'cache', 'prefetching', 'memory', 'cpu', 'latency', 'inference', 'serving']],
  ['reasoning', ['reasoning', 'chain of thought', 'math', 'verifier', 'reward', 'reinforcement', 'test time', 'planning']],
  ['medical', ['clinical', 'medical', 'patient', 'diagnosis', 'radiology', 'health', 'ehr', 'doctor']],
  ['vision', ['image', 'video', 'diffusion', 'generation', 'pixels', 'segmentation', 'detection', 'visual']],
  ['agents', ['agent', 'tool use', 'environment', 'web', 'planning', 'actions', 'multi agent', 'workflow']],
  ['merging', ['merging', 'weights', 'task vectors', 'fine tuning', 'interpolation', 'adapters', 'lora', 'checkpoints']],
  ['retrieval', ['retrieval', 'rag', 'documents', 'search', 'index', 'knowledge', 'citations', 'dense']],
];
const FIRST = ['Wei', 'Li', 'Anna', 'Marco', 'Yuki', 'Sara', 'Omar', 'Chen', 'Lena', 'Ravi', 'Jun', 'Eva', 'Tom', 'Mei', 'Ivan', 'Nora'];
const LAST = ['Zhang', 'Wang', 'Kim', 'Rossi', 'Sato', 'Silva', 'Haddad', 'Liu', 'Novak', 'Patel', 'Park', 'Meyer', 'Brown', 'Chen', 'Ivanov', 'Berg'];

export interface GenOptions {
  papers: number;
  seed: number;
  out: string;
}

/** Writes the corpus; returns the number of files written. */
export function generate({ papers, seed, out }: GenOptions): number {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const authorCount = Math.max(20, Math.floor(papers * 0.9));
  const authors = Array.from({ length: authorCount }, (_, i) => (i % 7 === 0 ? `${pick(FIRST).toLowerCase()}${Math.floor(rand() * 999)}` : `${pick(FIRST)} ${pick(LAST)} ${i}`));
  const zipf = () => authors[Math.min(authorCount - 1, Math.floor(Math.pow(rand(), 2.2) * authorCount))]!;
  const groups = Array.from({ length: Math.max(5, Math.floor(papers / 40)) }, () => Array.from({ length: 3 + Math.floor(rand() * 4) }, zipf));
  fs.mkdirSync(out, { recursive: true });
  const perDay = 50;
  let files = 0;
  const json: unknown[] = [];
  for (let day = 0; day * perDay < papers; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    const rows = [`## Papers for ${date}`, '', '| Title | Authors | Summary | Classification | GitHub URLs | HuggingFace URLs |', '|---|---|---|---|---|---|'];
    for (let j = 0; j < perDay && day * perDay + j < papers; j++) {
      const n = day * perDay + j;
      const dup = n > 100 && rand() < 0.02;
      const k = dup ? n - 50 : n;
      const topicRand = rng(seed * 1_000_003 + k);
      const [topic, vocab] = TOPICS[Math.floor(topicRand() * TOPICS.length)]!;
      const words = Array.from({ length: 3 }, () => vocab[Math.floor(topicRand() * vocab.length)]!);
      const title = `${words[0]![0]!.toUpperCase()}${words[0]!.slice(1)} for ${words[1]} with ${words[2]} ${k}`;
      const id = `${2401 + Math.floor(k / 90_000)}.${String(10_000 + (k % 90_000)).padStart(5, '0')}`;
      const team = [...pick(groups).slice(0, 2 + Math.floor(rand() * 3)), zipf()];
      const summary = `- We study ${words.join(', ')} in ${topic}. - The method improves ${pick(vocab)} and ${pick(vocab)} on ${pick(vocab)} benchmarks.`;
      const code = rand() < 0.3 ? `[Link](https://github.com/${topic}-lab/${topic}-${k})` : 'N/A';
      const hf = rand() < 0.15 ? `[Link](https://huggingface.co/${topic}-lab/model-${k})` : 'N/A';
      rows.push(`| [${title}](https://arxiv.org/abs/${id}) | ${[...new Set(team)].join(', ')} | ${summary} | ['${topic}'] | ${code} | ${hf} |`);
      json.push({ title, authors: [...new Set(team)], link: `https://arxiv.org/abs/${id}`, summary, classification: [topic], date });
    }
    fs.writeFileSync(path.join(out, `${date}.md`), `${rows.join('\n')}\n`);
    files++;
  }
  fs.writeFileSync(path.join(out, 'sidecar.json'), JSON.stringify(json.slice(0, Math.min(json.length, 200)), null, 1));
  return files + 1;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const o = new Command().option('--papers <n>', 'papers', '1000').option('--seed <s>', 'seed', '1').option('--out <dir>', 'output folder', '.data/generated').parse().opts<{ papers: string; seed: string; out: string }>();
  const n = generate({ papers: Number(o.papers), seed: Number(o.seed), out: o.out });
  console.log(`Wrote ${n} files for ${o.papers} papers into ${o.out}`);
}
