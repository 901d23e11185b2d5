/**
 * 监督举报 filing and receipt follow-up (issue #5). Filing seals the report to its readers
 * and derives two Argon2id keys from the receipt (its stored hash, and the lock of the
 * report's key); following up derives them again to find and open the report. Argon2id is
 * there on purpose — it is what makes guessing receipts slow — so the limit measured in the
 * same run is one bare Argon2id derivation with the same parameters, and the figures say how
 * much the rest (sealing, the database, the audit entry) adds. One client, back to back.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../src/server/platform/db/database.js';
import { deriveKey, SALT_BYTES } from '../src/server/platform/crypto/kdf.js';
import { sodium } from '../src/server/platform/crypto/sodium.js';
import { adminNodes, roleAssignments } from '../src/server/modules/org/org.tables.js';
import { users } from '../src/server/platform/auth/auth.tables.js';
import { userKeyPair } from '../src/server/modules/supervision/user-keys.js';
import { fileReport } from '../src/server/modules/supervision/report-intake.js';
import { reportByReceipt } from '../src/server/modules/supervision/report-reading.js';
import { benchLine, median, type Profile } from './lib.js';
import { onEachDatabase, type BenchDatabase } from './targets.js';

const CONTENT = '某社区居委会副主任在低保资格评定中优亲厚友，将不符合条件的亲属纳入低保。'.repeat(4);

/** A district with two discipline inspectors holding keys, as a report's readers. */
async function fixture(database: Database): Promise<number> {
  const db = database.db;
  const [node] = await db.insert(adminNodes).values({ level: 'district', kind: '区', code: 'SVBENCH', name: '基准区', path: '/' }).returning();
  await db.update(adminNodes).set({ path: `/${node!.id}/` }).where(eq(adminNodes.id, node!.id));
  for (const name of ['insp1', 'insp2']) {
    const [user] = await db.insert(users).values({ username: name, displayName: name, passwordHash: 'x', kind: 'staff' }).returning();
    await db.insert(roleAssignments).values({ userId: user!.id, role: 'discipline_inspector', nodeId: node!.id });
    await db.transaction((tx) => userKeyPair({ tx, actor: null, requestId: 'bench', ip: null, now: new Date() }, user!.id, 'bench-password', new Map()));
  }
  return node!.id;
}

/** Milliseconds of each of `n` calls, back to back. */
async function timings(n: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await op(i);
    out.push(performance.now() - start);
  }
  return out;
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

async function measure(target: BenchDatabase, profile: Profile, out: (line: string) => void): Promise<void> {
  const { db } = target.database;
  const nodeId = await fixture(target.database);
  const n = profile.full ? 200 : 40;
  const salt = (await sodium()).randombytes_buf(SALT_BYTES);
  await deriveKey('warm-up', salt);
  const argon = await timings(n, (i) => deriveKey(String(1e15 + i), salt));
  const receipts: string[] = [];
  const filing = await timings(n, (i) =>
    db.transaction(async (tx) => {
      const { receipt } = await fileReport({ tx, actor: null, requestId: `bench-${i}`, ip: null, now: new Date() }, { anonymous: true, accused: '某社区居委会副主任', content: CONTENT, nodeId, lineSuperiors: 'exclude' });
      receipts.push(receipt);
    }),
  );
  const followUp = await timings(n, (i) => reportByReceipt(db, receipts[i]!));
  const limit = median(argon);
  out(`supervision on ${target.label}: one Argon2id derivation p50 ${limit.toFixed(1)} ms (the limit); filing p50 ${median(filing).toFixed(1)} ms p95 ${p95(filing).toFixed(1)} ms (${(median(filing) / limit).toFixed(2)}× the limit; 2 readers); receipt follow-up p50 ${median(followUp).toFixed(1)} ms p95 ${p95(followUp).toFixed(1)} ms (${(median(followUp) / limit).toFixed(2)}×); ${n} each, one client`);
  out(benchLine(`supervision.${target.label}.file_p50`, median(filing), 'ms', limit));
  out(benchLine(`supervision.${target.label}.follow_up_p50`, median(followUp), 'ms', limit));
}

export async function supervisionBench(profile: Profile, out: (line: string) => void): Promise<void> {
  await onEachDatabase('supervision', out, (target) => measure(target, profile, out));
}
