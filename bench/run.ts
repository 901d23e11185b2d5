/**
 * `npm run bench` (short profile) and `npm run bench -- --full`.
 * Each benchmark prints its figure beside a limit measured in the same run, then one
 * machine-readable `BENCH …` line per figure.
 */
import { machine, profileFrom } from './lib.js';
import { auditRateBench } from './audit-rate.bench.js';

const profile = profileFrom(process.argv.slice(2));
const out = (line: string) => process.stdout.write(`${line}\n`);
out(`Gongzhi benchmarks (${profile.full ? 'full' : 'short'} profile) on ${machine()}`);
await auditRateBench(profile, out);
