/**
 * `npm run bench` (short profile) and `npm run bench -- --full`;
 * `npm run bench -- --only inbox` runs one benchmark (audit-rate, intake, inbox, search, hot-issues, dispatch, supervision, assessment).
 * Each benchmark prints its figure beside a limit measured in the same run, then one
 * machine-readable `BENCH …` line per figure.
 */
import { machine, profileFrom, type Profile } from './lib.js';
import { auditRateBench } from './audit-rate.bench.js';
import { intakeBench } from './intake.bench.js';
import { inboxBench } from './inbox.bench.js';
import { searchBench } from './search.bench.js';
import { dispatchBench } from './dispatch.bench.js';
import { hotIssuesBench } from './hot-issues.bench.js';
import { supervisionBench } from './supervision.bench.js';
import { assessmentBench } from './assessment.bench.js';

const benches: Array<[string, (profile: Profile, out: (line: string) => void) => Promise<void>]> = [
  ['audit-rate', auditRateBench],
  ['intake', intakeBench],
  ['inbox', inboxBench],
  ['search', searchBench],
  ['dispatch', dispatchBench],
  ['hot-issues', hotIssuesBench],
  ['supervision', supervisionBench],
  ['assessment', assessmentBench],
];

const argv = process.argv.slice(2);
const profile = profileFrom(argv);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const out = (line: string) => process.stdout.write(`${line}\n`);
out(`Gongzhi benchmarks (${profile.full ? 'full' : 'short'} profile) on ${machine()}`);
for (const [name, bench] of benches) if (!only || only === name) await bench(profile, out);
