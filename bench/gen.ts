// `npm run gen -- --papers N --seed S [--out DIR] [--labels FILE]`: a deterministic synthetic corpus in the digest
// formats the loader reads (daily Markdown tables, some days as JSON sidecars), shaped like a real archive:
// - research areas split into subtopics, each with its own vocabulary (named terms, then a Zipf tail of coined
//   words), text mixing subtopic, area, neighbouring-topic and background words; topic popularity grows or shrinks
//   month by month;
// - heavy-tailed author productivity, recurring collaborator groups per subtopic, Hugging Face handles among names,
//   heavy-tailed team sizes;
// - repos (labs reuse their GitHub owner), org and project pages, Hugging Face models/datasets/spaces/collections
//   at realistic rates; ~2 % of papers listed again on a later day (some in the other format).
// `--labels FILE` writes each paper's area/subtopic (for clustering checks); it is kept out of the corpus folder.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { rng } from '../loader/analyse/rng.ts';

/** Areas → subtopics → the named terms that open each subtopic's vocabulary. */
const AREAS: Record<string, Record<string, string[]>> = {
  'mixture of experts': {
    routing: ['router', 'routing', 'gating', 'load balancing', 'expert selection', 'token choice', 'top-k gating'],
    offloading: ['offloading', 'expert caching', 'prefetching', 'cpu memory', 'pcie bandwidth', 'edge devices'],
    compression: ['expert pruning', 'expert merging', 'quantization', 'low-rank experts', 'compression ratio'],
    upcycling: ['upcycling', 'dense checkpoints', 'sparse upcycling', 'continued pretraining', 'expert initialization'],
  },
  reasoning: {
    'efficient reasoning': ['overthinking', 'reasoning length', 'early exit', 'token budget', 'concise reasoning'],
    'rl for reasoning': ['policy optimization', 'verifiable rewards', 'grpo', 'rollouts', 'reward shaping'],
    'math reasoning': ['theorem proving', 'olympiad problems', 'proof steps', 'formal verification', 'lean'],
  },
  'medical ai': {
    'clinical llms': ['clinical notes', 'patient records', 'diagnosis', 'medical exams', 'clinicians'],
    'medical imaging': ['radiology reports', 'chest x-ray', 'ct scans', 'lesion segmentation', 'pathology slides'],
  },
  'vision generation': {
    'image diffusion': ['diffusion models', 'denoising', 'text-to-image', 'classifier-free guidance', 'latent space'],
    'video generation': ['video diffusion', 'temporal consistency', 'frame interpolation', 'motion control'],
    '3d generation': ['gaussian splatting', 'nerf', 'mesh generation', 'novel view synthesis', 'point clouds'],
  },
  agents: {
    'web agents': ['web navigation', 'browser actions', 'gui grounding', 'screenshots', 'click accuracy'],
    'tool use': ['function calling', 'api calls', 'tool library', 'tool selection', 'execution feedback'],
    'multi-agent': ['agent collaboration', 'debate', 'role playing', 'communication protocol', 'agent societies'],
  },
  'retrieval and knowledge': {
    rag: ['retrieval augmented', 'retriever', 'passages', 'reranking', 'dense retrieval'],
    'knowledge editing': ['knowledge editing', 'factual associations', 'locate-then-edit', 'edit locality'],
    'knowledge graphs': ['knowledge graph', 'entity linking', 'triples', 'graph completion', 'relation extraction'],
  },
  'efficient inference': {
    quantization: ['weight quantization', 'activation outliers', 'int4', 'calibration set', 'post-training quantization'],
    'kv cache': ['kv cache', 'cache eviction', 'long context', 'attention sinks', 'cache compression'],
    'speculative decoding': ['speculative decoding', 'draft model', 'acceptance rate', 'verification step', 'tree drafting'],
  },
  'model merging': {
    merging: ['model merging', 'task vectors', 'weight interpolation', 'merge conflicts', 'parameter averaging'],
    adapters: ['lora', 'adapters', 'parameter-efficient', 'low-rank updates', 'adapter fusion'],
  },
  'scholarly ai': {
    'peer review': ['peer review', 'reviewer assignment', 'review quality', 'meta-review', 'submissions'],
    'scientific discovery': ['hypothesis generation', 'scientific literature', 'research ideas', 'lab automation'],
    citations: ['citation recommendation', 'citation graphs', 'bibliometrics', 'scholarly search'],
  },
  multimodal: {
    'vision-language models': ['vision encoder', 'visual instruction tuning', 'image captioning', 'visual question answering'],
    'multimodal benchmarks': ['hallucination', 'benchmark suite', 'perception tasks', 'leaderboard', 'human evaluation'],
    'robot vla': ['robot manipulation', 'vision-language-action', 'embodied', 'trajectories', 'sim-to-real'],
  },
};

/** Frequent words of paper prose (most are stop words for the analytics; they still shape the text). */
const BACKGROUND = `model models language large training data method methods results performance approach propose show
task tasks learning neural network networks evaluation benchmark benchmarks state art experiments framework baseline
baselines improve improves accuracy efficiency efficient robust scalable analysis study problem challenge novel
existing prior work significant significantly demonstrate achieve achieves outperforms across multiple various new
representation representations objective loss optimization parameters layers architecture inference dataset datasets`.split(/\s+/);

const SYLLABLES = ['ka', 'lo', 'ri', 'ven', 'tor', 'mi', 'sa', 'nel', 'qu', 'dra', 'po', 'lix', 'ter', 'ban', 'cor', 'vi', 'mo', 'zen', 'tha', 'ul', 'ro', 'fen', 'gi', 'sto'];
const FIRST = ['Wei', 'Li', 'Anna', 'Marco', 'Yuki', 'Sara', 'Omar', 'Chen', 'Lena', 'Ravi', 'Jun', 'Eva', 'Tom', 'Mei', 'Ivan', 'Nora', 'Kofi', 'Ines', 'Hana', 'Diego', 'Aiko', 'Lars', 'Priya', 'Tariq'];
const LAST = ['Zhang', 'Wang', 'Kim', 'Rossi', 'Sato', 'Silva', 'Haddad', 'Liu', 'Novak', 'Patel', 'Park', 'Meyer', 'Brown', 'Chen', 'Ivanov', 'Berg', 'Okafor', 'Garcia', 'Nguyen', 'Kowalski', 'Dubois', 'Yamada', 'Singh', 'Costa'];
const HF_KINDS = ['', 'datasets/', 'spaces/', 'collections/'];

export interface GenOptions {
  papers: number;
  seed: number;
  out: string;
  /** Where to write each paper's area/subtopic (JSON); never inside `out`. */
  labels?: string;
}

export interface GenLabel {
  id: string;
  title: string;
  area: string;
  subtopic: string;
  /** The paper's author list as written (names and handles). */
  authors: string[];
}

/** A coined word from syllables (deterministic per index). */
function coined(i: number, salt: number): string {
  let x = i * 7919 + salt * 104_729 + 17;
  let w = '';
  for (let s = 0; s < 3; s++) {
    w += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length) + 31 * (s + 1);
  }
  return w;
}

/** Zipf-distributed index in [0, n) with exponent ~1 (inverse-CDF on a log scale). */
const zipfIndex = (random: () => number, n: number): number => zipfMandelbrotIndex(random, n, 1);

/**
 * Zipf–Mandelbrot index in [0, n): P(r) ∝ 1 / (r + q) (inverse CDF of the continuous form). A larger q flattens the
 * head: q = 1 is plain Zipf, where the first item alone takes ln 2 / ln(n + 1) of all draws (6.5 % at n = 40 000).
 */
export const zipfMandelbrotIndex = (random: () => number, n: number, q: number): number =>
  Math.min(n - 1, Math.floor(q * Math.exp(random() * Math.log((n + q) / q)) - q));

interface Subtopic {
  area: string;
  name: string;
  vocab: string[];
  areaVocab: string[];
  /** Popularity growth per year (e^growth per 12 months). */
  growth: number;
  groups: string[][];
  lab: string;
}

/** Writes the corpus; returns the number of files written. */
export function generate({ papers, seed, out, labels }: GenOptions): number {
  if (labels && path.resolve(labels).startsWith(path.resolve(out) + path.sep)) throw new Error('--labels must be outside the corpus folder');
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const authorCount = Math.max(30, Math.floor(papers * 1.2));
  // Distinct people get distinct names (the first FIRST × LAST plainly, the rest with a coined suffix); every ninth is
  // a Hugging Face handle.
  const authors = Array.from({ length: authorCount }, (_, i) =>
    i % 9 === 4 ? `${pick(FIRST).toLowerCase()}${coined(i, 3).slice(0, 4)}${i % 97}` : `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i < FIRST.length * LAST.length ? '' : `-${coined(Math.floor(i / (FIRST.length * LAST.length)), 5)}`}`,
  );
  // Author productivity is heavy-tailed but bounded like real archives (Lotka-like: most authors write one paper, the
  // most prolific a few tenths of a percent of a large corpus — about 200 of 100 000 papers, not thousands):
  // extra team members come from a Zipf–Mandelbrot head flattened by q = authors / 300, and the recurring groups
  // from a flatter one (q = authors / 100), so each group is mostly its own people.
  const prolific = () => authors[zipfMandelbrotIndex(rand, authorCount, Math.max(1, authorCount / 300))]!;
  const member = () => authors[zipfMandelbrotIndex(rand, authorCount, Math.max(1, authorCount / 100))]!;
  const areaNames = Object.keys(AREAS);
  const subtopics: Subtopic[] = [];
  areaNames.forEach((area, ai) => {
    const areaVocab = Array.from({ length: 120 }, (_, i) => coined(i, 1000 + ai));
    Object.entries(AREAS[area]!).forEach(([name, named], si) => {
      const salt = 2000 + ai * 50 + si;
      subtopics.push({
        area,
        name,
        vocab: [...named, ...Array.from({ length: 200 }, (_, i) => coined(i, salt))],
        areaVocab: [area, ...areaVocab],
        growth: -0.4 + rand() * 1.6,
        groups: Array.from({ length: Math.max(3, Math.floor(papers / 400)) }, () => Array.from({ length: 3 + Math.floor(rand() * 4) }, member)),
        lab: `${coined(si, salt).slice(0, 6)}-lab`,
      });
    });
  });
  const background = [...BACKGROUND, ...Array.from({ length: 4000 }, (_, i) => coined(i, 7))];
  const perDay = Math.max(40, Math.ceil(papers / 365));
  const days = Math.ceil(papers / perDay);
  fs.mkdirSync(out, { recursive: true });
  const labelRows: GenLabel[] = [];
  const written: { row: string; json: Record<string, unknown> }[] = [];
  let files = 0;
  for (let day = 0; day < days; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    const month = day / 30.4;
    const weights = subtopics.map((s) => Math.exp((s.growth * month) / 12));
    const total = weights.reduce((a, b) => a + b, 0);
    const rows: string[] = [];
    const json: Record<string, unknown>[] = [];
    for (let j = 0; j < perDay && day * perDay + j < papers; j++) {
      const n = day * perDay + j;
      // ~2 % of listings repeat a paper from an earlier day (same arXiv id), sometimes in the other format.
      if (written.length > 100 && rand() < 0.02) {
        const again = written[Math.floor(rand() * written.length)]!;
        rows.push(again.row);
        json.push(again.json);
        continue;
      }
      let r = rand() * total;
      let si = 0;
      while (si < subtopics.length - 1 && (r -= weights[si]!) > 0) si++;
      const st = subtopics[si]!;
      const other = subtopics[Math.floor(rand() * subtopics.length)]!;
      const word = () => {
        const x = rand();
        if (x < 0.32) return st.vocab[zipfIndex(rand, st.vocab.length)]!;
        if (x < 0.44) return st.areaVocab[zipfIndex(rand, st.areaVocab.length)]!;
        if (x < 0.52) return other.vocab[zipfIndex(rand, other.vocab.length)]!;
        return background[zipfIndex(rand, background.length)]!;
      };
      const acronym = coined(n, 11).replace(/^./, (c) => c.toUpperCase()).slice(0, 3 + (n % 4)) + (n % 5 === 0 ? 'Net' : '');
      const titleWords = Array.from({ length: 4 + Math.floor(rand() * 5) }, () => (rand() < 0.6 ? st.vocab[zipfIndex(rand, Math.min(40, st.vocab.length))]! : word()));
      const title = `${acronym}: ${titleWords.join(' ').replace(/^./, (c) => c.toUpperCase())}`;
      const sentences = Array.from({ length: 4 + Math.floor(rand() * 4) }, () => {
        const s = Array.from({ length: 10 + Math.floor(rand() * 12) }, word).join(' ');
        return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
      });
      const summary = sentences.join(' ');
      const id = `${2401 + Math.floor(n / 90_000)}.${String(10_000 + (n % 90_000)).padStart(5, '0')}`;
      // Team: a recurring group of the subtopic plus heavy-tailed extra members.
      const size = Math.min(14, 1 + Math.floor(-Math.log(1 - rand() * 0.999) * 3.5));
      const team = [...new Set([...pick(st.groups).slice(0, Math.min(size, 2 + Math.floor(rand() * 3))), ...Array.from({ length: Math.max(0, size - 3) }, prolific)])];
      const code: string[] = [];
      if (rand() < 0.3) code.push(`https://github.com/${rand() < 0.5 ? st.lab : coined(n, 13).slice(0, 7)}/${acronym.toLowerCase()}`);
      if (rand() < 0.03) code.push(`https://github.com/${st.lab}`);
      if (rand() < 0.03) code.push(`https://${coined(n, 17).slice(0, 6)}.github.io/${acronym.toLowerCase()}`);
      const hf = rand() < 0.15 ? [`https://huggingface.co/${pick(HF_KINDS)}${st.lab}/${acronym.toLowerCase()}`] : [];
      const cell = (urls: string[]) => (urls.length === 0 ? 'N/A' : urls.map((u) => `[Link](${u})`).join(', '));
      const row = `| [${title}](https://arxiv.org/abs/${id}) | ${team.join(', ')} | ${summary} | ['${st.area}', '${st.name}'] | ${cell(code)} | ${cell(hf)} |`;
      const entry = { title, authors: team, link: `https://arxiv.org/abs/${id}`, summary, classification: [st.area, st.name], github_urls: code, huggingface_urls: hf, date };
      rows.push(row);
      json.push(entry);
      written.push({ row, json: entry });
      labelRows.push({ id, title, area: st.area, subtopic: `${st.area} / ${st.name}`, authors: team });
    }
    // Every tenth day is published as a JSON sidecar instead of a Markdown table.
    if (day % 10 === 9) fs.writeFileSync(path.join(out, `${date}.json`), JSON.stringify(json, null, 1));
    else fs.writeFileSync(path.join(out, `${date}.md`), `## Papers for ${date}\n\n| Title | Authors | Summary | Classification | GitHub URLs | HuggingFace URLs |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`);
    files++;
  }
  if (labels) fs.writeFileSync(labels, JSON.stringify(labelRows));
  return files;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const o = new Command()
    .option('--papers <n>', 'papers', '1000')
    .option('--seed <s>', 'seed', '1')
    .option('--out <dir>', 'output folder', '.data/generated')
    .option('--labels <file>', "write each paper's area/subtopic here (outside the corpus folder)")
    .parse()
    .opts<{ papers: string; seed: string; out: string; labels?: string }>();
  const n = generate({ papers: Number(o.papers), seed: Number(o.seed), out: o.out, ...(o.labels ? { labels: o.labels } : {}) });
  console.log(`Wrote ${n} files for ${o.papers} papers into ${o.out}`);
}
