/**
 * Hot issues (issue #4 point 5): time and quality of `runHotIssues` — words cut by the
 * deployment's segmenter, TF-IDF vectors, leader clustering with merge and refinement,
 * labels, series and scores — on the 4,326 real messages with votes, and on 10,000 and
 * 50,000 cases made from them (each message again with some sentences dropped, one
 * sentence of another message added now and then, a boilerplate word before the title,
 * another district, a later date), in one process, one thread.
 *
 * Each size is also run with the cases' words cut beforehand (`topicWordsOf`, as intake or
 * a cache by case would keep them): the clustering without the segmenter's share.
 *
 * Quality, measured on the clusters reported (three cases or more, named by two words or
 * more): the share of cases clustered, the mean similarity of two members of a cluster
 * (size-weighted), and the share of members whose text holds two of their cluster's label
 * words. Prints the top 10 hot issues and 5 每月一题 candidates of the real messages.
 */
import { loadavg } from 'node:os';
import { candidatesFromIssues } from '../src/server/modules/insight/hot/monthly-topics.js';
import { runHotIssues, type HotItem, type HotIssueRun } from '../src/server/modules/insight/hot/hot-issues.js';
import { seeded } from '../src/server/modules/insight/hot/planted-cases.js';
import { topicWordsOf } from '../src/server/modules/insight/hot/topic-vectors.js';
import { shippedVoteItems } from '../src/server/modules/insight/hot/shipped-items.js';
import { Segmenter } from '../src/server/platform/text/segmenter.js';
import { benchLine, median, type Profile } from './lib.js';

const DAY = 86_400_000;
const SENTENCE = /(?<=[。！？!?；;\n])/u;
const PREFIXES = ['关于', '投诉', '反映', '咨询', '请问'];

/** `n` cases: the real messages, then variations of them (seeded). */
function casesOf(base: readonly HotItem[], n: number): HotItem[] {
  const rnd = seeded(20261129);
  const out: HotItem[] = [];
  for (let k = 0; k < n; k++) {
    const m = base[k % base.length]!;
    const copy = Math.floor(k / base.length);
    if (copy === 0) {
      out.push(m);
      continue;
    }
    const sentences = m.body.split(SENTENCE);
    const kept = sentences.filter(() => rnd() > 0.25);
    if (rnd() < 0.3) {
      const other = base[Math.floor(rnd() * base.length)]!.body.split(SENTENCE);
      kept.splice(Math.floor(rnd() * (kept.length + 1)), 0, other[Math.floor(rnd() * other.length)]!);
    }
    const district = `A${1 + Math.floor(rnd() * 9)}区`;
    out.push({
      id: `${m.id}-${copy}`,
      title: (rnd() < 0.3 ? PREFIXES[Math.floor(rnd() * PREFIXES.length)]! : '') + m.title,
      body: (kept.length > 0 ? kept : sentences.slice(0, 1)).join(''),
      at: new Date(m.at.getTime() + copy * Math.floor((20 + rnd() * 40) * DAY)),
      place: rnd() < 0.5 ? m.place : { id: district, name: district },
      weight: m.weight,
    });
  }
  return out;
}

interface Quality {
  clusters: number;
  clusteredShare: number;
  cohesion: number;
  labelAgreement: number;
  biggestShare: number;
}

function qualityOf(run: HotIssueRun, items: readonly HotItem[]): Quality {
  const text = new Map(items.map((m) => [m.id, `${m.title}\n${m.body}`.toLowerCase()]));
  let cohesion = 0;
  let agreeing = 0;
  for (const issue of run.issues) {
    cohesion += issue.cohesion * issue.size;
    agreeing += issue.memberIds.filter((id) => issue.keywords.filter((k) => text.get(id)!.includes(k)).length >= 2).length;
  }
  return {
    clusters: run.issues.length,
    clusteredShare: run.clustered / run.considered,
    cohesion: cohesion / Math.max(1, run.clustered),
    labelAgreement: agreeing / Math.max(1, run.clustered),
    biggestShare: Math.max(0, ...run.issues.map((i) => i.size)) / run.considered,
  };
}

interface Timed {
  run: HotIssueRun;
  wall: number;
  cpu: number;
  vectors: number;
  clustering: number;
  describing: number;
}

function timed(items: readonly HotItem[], segmenter: Segmenter, window?: { from: Date; to: Date }): Timed {
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const run = runHotIssues(items, { segmenter, bucket: 'month', ...window });
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  return { run, wall, cpu: (cpu.user + cpu.system) / 1000, ...run.timings };
}

const f0 = (x: number) => x.toFixed(0);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** The hot-issues benchmark (no database). */
export async function hotIssuesBench(profile: Profile, out: (line: string) => void): Promise<void> {
  const t = performance.now();
  const segmenter = Segmenter.create();
  out(`hot issues: segmenter created in ${f0(performance.now() - t)} ms (not counted below)`);
  const base = shippedVoteItems();
  const year = { from: new Date('2019-01-01T00:00:00+08:00'), to: new Date('2020-01-01T00:00:00+08:00') };
  timed(base, segmenter); // warm-up: JIT
  out(`hot issues: RSS ${f0(process.memoryUsage().rss / 2 ** 20)} MiB with the segmenter and the messages loaded, before the measured runs`);

  for (const n of [base.length, 10_000, 50_000]) {
    const items = n === base.length ? base : casesOf(base, n);
    const runs = n >= 50_000 && !profile.full ? 1 : profile.runs;
    const results: Timed[] = [];
    for (let r = 0; r < runs; r++) results.push(timed(items, segmenter, n === base.length ? year : undefined));
    const mid = (pick: (x: Timed) => number) => median(results.map(pick));
    const q = qualityOf(results[0]!.run, items);
    out(
      `hot issues at ${n.toLocaleString('en')} cases${n === base.length ? ' (real, 2019)' : ' (real + variations)'}: ${f0(mid((x) => x.wall))} ms wall, ${f0(mid((x) => x.cpu))} ms CPU ` +
        `(words and vectors ${f0(mid((x) => x.vectors))}, clustering ${f0(mid((x) => x.clustering))}, labels/series/scores ${f0(mid((x) => x.describing))}), median of ${runs}; ` +
        `max RSS ${f0(process.resourceUsage().maxRSS / 1024)} MiB; load average ${loadavg()[0]!.toFixed(1)}`,
    );
    out(
      `  quality: ${q.clusters} clusters, ${pct(q.clusteredShare)} of ${results[0]!.run.considered} cases clustered, biggest ${pct(q.biggestShare)}, ` +
        `mean similarity of two members ${q.cohesion.toFixed(3)}, members holding two label words ${pct(q.labelAgreement)}`,
    );
    out(benchLine(`hot-issues.ms_${n}`, Math.round(mid((x) => x.wall)), 'ms', n === 10_000 ? 2000 : undefined));
    // The same cases with their words cut beforehand (as at intake, or cached by case).
    const cut = items.map((m) => ({ ...m, words: topicWordsOf(segmenter, m.title, m.body) }));
    const precut: Timed[] = [];
    for (let r = 0; r < runs; r++) precut.push(timed(cut, segmenter, n === base.length ? year : undefined));
    const pre = (pick: (x: Timed) => number) => median(precut.map(pick));
    out(
      `  with the words cut beforehand: ${f0(pre((x) => x.wall))} ms wall, ${f0(pre((x) => x.cpu))} ms CPU (vectors ${f0(pre((x) => x.vectors))}, clustering ${f0(pre((x) => x.clustering))}, ` +
        `labels/series/scores ${f0(pre((x) => x.describing))}); same clusters: ${JSON.stringify(precut[0]!.run.issues.map((i) => i.memberIds)) === JSON.stringify(results[0]!.run.issues.map((i) => i.memberIds))}`,
    );
    out(benchLine(`hot-issues.precut_ms_${n}`, Math.round(pre((x) => x.wall)), 'ms', n === 10_000 ? 2000 : undefined));
    out(benchLine(`hot-issues.clustered_${n}`, Number(q.clusteredShare.toFixed(3)), 'ratio'));
    out(benchLine(`hot-issues.cohesion_${n}`, Number(q.cohesion.toFixed(3)), 'cosine'));
    if (n === base.length) printTop(results[0]!.run, base, out);
  }
}

function printTop(run: HotIssueRun, items: readonly HotItem[], out: (line: string) => void): void {
  const title = new Map(items.map((m) => [m.id, m.title.replace(/\s+/gu, '')]));
  out('  top 10 hot issues of the real messages (2019, monthly trend Jan–Dec):');
  for (const [k, i] of run.issues.slice(0, 10).entries()) {
    const places = i.places.slice(0, 3).map((p) => `${p.name} ${p.count}`).join(', ');
    out(
      `  ${String(k + 1).padStart(2)}. ${i.label} — ${i.size} cases (weight ${i.weightedSize}), cohesion ${i.cohesion}, score ${i.score.toFixed(1)}, ` +
        `growth ${i.trend.growth.toFixed(2)}; ${places || 'no district named'}; [${i.series.map((b) => b.count).join(' ')}]; e.g. 「${title.get(i.representativeId)}」`,
    );
  }
  out('  每月一题 candidates (months present of 12, total):');
  for (const c of candidatesFromIssues(run.issues, { limit: 5 })) {
    out(`   - ${c.label} — ${c.monthsPresent} months (longest run ${c.longestRun}), ${c.total} cases; e.g. 「${title.get(c.representativeId)}」`);
  }
}
