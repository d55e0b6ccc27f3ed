// When a topic's papers appeared: the mean date of the dated papers whose primary topic it is (a coarse topic: of its
// subtopics' papers; a paper counts at the middle of its month), and how many are dated. Written on the Topic nodes;
// the web app colours topics by it (VOSviewer's overlay of clusters by year: which topics are newer). Pure.
import type { AnalysisPaper, InTopicRel, TopicNode } from '../types.ts';

const MONTH = /^(\d{4})-(\d{2})$/;
/** A `YYYY-MM` month as months since year 0, at the middle of the month (null for anything else). */
const middleOf = (month: string | null): number | null => {
  const m = month ? MONTH.exec(month) : null;
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 + 0.5 : null;
};

/** Months since year 0 (fractional) as a `YYYY-MM-DD` date: the fraction is the part of that month gone by. */
export function dateOfMonths(x: number): string {
  const whole = Math.floor(x);
  const year = Math.floor(whole / 12);
  const month = (whole % 12) + 1;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(days, 1 + Math.floor((x - whole) * days));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface TopicMonths {
  /** `YYYY-MM-DD`: the mean date of the dated papers, null when none is dated. */
  meanDate: string | null;
  /** Dated papers the mean is over. */
  dated: number;
}

/** Topic id → its papers' mean date and how many are dated. */
export function topicMonths(topics: TopicNode[], inTopic: InTopicRel[], papers: Pick<AnalysisPaper, 'id' | 'month'>[]): Map<string, TopicMonths> {
  const month = new Map(papers.map((p) => [p.id, middleOf(p.month)]));
  const parent = new Map(topics.map((t) => [t.id, t.parent]));
  const sum = new Map<string, { total: number; n: number }>();
  const add = (topic: string, x: number) => {
    const s = sum.get(topic) ?? sum.set(topic, { total: 0, n: 0 }).get(topic)!;
    s.total += x;
    s.n++;
  };
  for (const r of inTopic) {
    if (!r.primary) continue;
    const x = month.get(r.paper);
    if (x === null || x === undefined) continue;
    add(r.topic, x);
    const up = parent.get(r.topic);
    if (up) add(up, x);
  }
  return new Map(
    topics.map((t) => {
      const s = sum.get(t.id);
      return [t.id, s ? { meanDate: dateOfMonths(s.total / s.n), dated: s.n } : { meanDate: null, dated: 0 }];
    }),
  );
}
