/**
 * Audited action vs bare insert (issue #2, point 11).
 * The audited action is the real `personCreator` command (policy check, insert, audit
 * entry in the hash chain, one transaction); the limit is a bare single-row insert
 * transaction into the same table through the same driver. One client, back to back.
 */
import type { Database } from '../src/server/platform/db/database.js';
import { people, adminNodes, roleAssignments } from '../src/server/modules/org/org.tables.js';
import { users } from '../src/server/platform/auth/auth.tables.js';
import { personCreator } from '../src/server/modules/org/commands/person-creator.js';
import { loadActorFromOrg } from '../src/server/modules/org/org.actor.js';
import type { Actor } from '../src/server/platform/access/actor.js';
import { benchLine, compareRates, type Profile } from './lib.js';
import { onEachDatabase, type BenchDatabase } from './targets.js';
import { eq } from 'drizzle-orm';

/** A district and an admin holding it, as the actor of the audited action. */
async function fixture(database: Database): Promise<{ nodeId: number; actor: Actor }> {
  const db = database.db;
  const [node] = await db.insert(adminNodes).values({ level: 'district', kind: '区', code: 'BENCH', name: '基准区', path: '/' }).returning();
  await db.update(adminNodes).set({ path: `/${node!.id}/` }).where(eq(adminNodes.id, node!.id));
  const [user] = await db.insert(users).values({ username: 'bench', displayName: '基准', passwordHash: 'x', kind: 'staff' }).returning();
  await db.insert(roleAssignments).values({ userId: user!.id, role: 'admin', nodeId: node!.id });
  return { nodeId: node!.id, actor: { userId: user!.id, displayName: '基准', ...(await loadActorFromOrg(db, user!.id)) } };
}

async function measure(target: BenchDatabase, profile: Profile, out: (line: string) => void): Promise<void> {
  const { db } = target.database;
  const { nodeId, actor } = await fixture(target.database);
  const bare = (i: number) => db.transaction((tx) => tx.insert(people).values({ nodeId, name: `居民${i}` }));
  const audited = (i: number) =>
    db.transaction((tx) => personCreator({ tx, actor, requestId: `bench-${i}`, ip: '127.0.0.1', now: new Date() }, { nodeId, name: `居民${i}`, phone: null, gender: null, partyMember: false, note: null }));
  const { limit: b, candidate: a } = await compareRates(bare, audited, profile, out);
  out(`audit-rate on ${target.label}: audited create-person ${a.toFixed(0)}/s vs bare insert ${b.toFixed(0)}/s = ${((a / b) * 100).toFixed(1)}% (target >= 50%); median of ${profile.runs} x ${profile.seconds}s runs, one client, sequential transactions`);
  out(benchLine(`audit.${target.label}.audited_action_rate`, a, 'ops/s', b));
}

export async function auditRateBench(profile: Profile, out: (line: string) => void): Promise<void> {
  await onEachDatabase('audit-rate', out, (target) => measure(target, profile, out));
}
