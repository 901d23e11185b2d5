import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.js';
import { audit } from './audit.js';
import { verifyAudit } from './verify.js';
import type { CommandContext } from '../context.js';
import { queryRows, type Db } from '../db/database.js';

let t: TestDatabase;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
});
afterAll(() => t.close());

async function append(n: number, label = 'tester'): Promise<void> {
  for (let i = 0; i < n; i++) {
    await db.transaction(async (tx) => {
      const ctx: CommandContext = { tx, actor: { userId: 7, personId: null, displayName: label, grants: [], unitIds: [] }, requestId: `r${i}`, ip: '127.0.0.1', now: new Date() };
      await audit(ctx, { action: 'test.thing', subjectType: 'thing', subjectId: i, changes: { name: ['a', `b${i}`], password: 'secret', nested: { token: 'x', z: 1, a: 2 } } });
    });
  }
}

/** Tampering needs the append-only trigger out of the way, as an attacker with owner rights would. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
  });
}

describe('audit chain', () => {
  it('chains entries, redacts secrets and verifies', async () => {
    await append(5);
    const result = await verifyAudit(db);
    expect(result).toEqual({ ok: true, checked: 5 });
    const rows = (await db.execute(sql`SELECT changes FROM audit_log ORDER BY seq LIMIT 1`)) as unknown as { rows: Array<{ changes: Record<string, unknown> }> };
    expect(rows.rows[0]!.changes.password).toBe('[redacted]');
    expect((rows.rows[0]!.changes.nested as Record<string, unknown>).token).toBe('[redacted]');
  });

  it('refuses updates and deletes at the database', async () => {
    await expect(db.execute(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow();
  });

  it('rolls back with the change it records', async () => {
    const before = await verifyAudit(db);
    await expect(
      db.transaction(async (tx) => {
        await audit({ tx, actor: null, requestId: null, ip: null, now: new Date() }, { action: 'test.rollback', subjectType: 'thing' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await verifyAudit(db)).checked).toBe(before.checked);
  });

  it('names the first altered entry', async () => {
    await tamper(sql`UPDATE audit_log SET actor_label = 'mallory' WHERE seq = 3`);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
    await tamper(sql`UPDATE audit_log SET actor_label = 'tester' WHERE seq = 3`);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('detects an altered changes payload', async () => {
    await tamper(sql`UPDATE audit_log SET changes = jsonb_set(changes, '{name,1}', '"evil"') WHERE seq = 2`);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});

describe('audit chain damage', () => {
  it('detects a removed entry', async () => {
    const t2 = await createTestDatabase();
    db = t2.database.db;
    await append(4);
    await tamper(sql`DELETE FROM audit_log WHERE seq = 2`);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'sequence_gap' });
    await t2.close();
  });

  it('detects reordered entries', async () => {
    const t3 = await createTestDatabase();
    db = t3.database.db;
    await append(4);
    // Swap the contents of entries 2 and 3 while keeping their sequence numbers.
    await tamper(sql`UPDATE audit_log a SET actor_label = b.actor_label, request_id = b.request_id, subject_id = b.subject_id, changes = b.changes, prev_hash = b.prev_hash, hash = b.hash
                     FROM (SELECT * FROM audit_log WHERE seq IN (2, 3)) b WHERE a.seq IN (2, 3) AND a.seq <> b.seq`);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2 });
    await t3.close();
  });

  it('detects a removed tail', async () => {
    const t4 = await createTestDatabase();
    db = t4.database.db;
    await append(3);
    await tamper(sql`DELETE FROM audit_log WHERE seq = 3`);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 3, reason: 'head_mismatch' });
    await t4.close();
  });
});

describe('audit under concurrency and hostile text', () => {
  it('keeps one gap-free chain when many transactions append at once', async () => {
    const t5 = await createTestDatabase();
    db = t5.database.db;
    await Promise.all(Array.from({ length: 40 }, () => append(1, 'parallel')));
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 40 });
    await t5.close();
  });

  it('stores NUL characters and lone surrogates without failing the change', async () => {
    const t6 = await createTestDatabase();
    db = t6.database.db;
    await db.transaction((tx) =>
      audit({ tx, actor: null, requestId: null, ip: null, now: new Date() }, { action: 'test.hostile', subjectType: 'thing', actorLabel: 'a\u0000b\ud800', changes: { 'k\u0000': 'x\udc00y\u0000' } }),
    );
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 1 });
    await t6.close();
  });

  it('carries quotes, dollar-quote tags, backslashes and SQL through the inline literal intact', async () => {
    const t7 = await createTestDatabase();
    db = t7.database.db;
    const hostile = ["it's", '$$', '$gz_literal$); DROP TABLE audit_log; --', 'a\\b\\\\', "'; SELECT 1; --", '王\u0027五 🙂'];
    for (const text of hostile) {
      await db.transaction((tx) =>
        audit({ tx, actor: null, requestId: null, ip: null, now: new Date() }, { action: 'test.quote', subjectType: 'thing', actorLabel: text, changes: { text } }),
      );
    }
    const rows = await queryRows<{ actor_label: string; changes: { text: string } }>(db, sql`SELECT actor_label, changes FROM audit_log ORDER BY seq`);
    expect(rows.map((r) => r.actor_label)).toEqual(hostile);
    expect(rows.map((r) => r.changes.text)).toEqual(hostile);
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: hostile.length });
    await t7.close();
  });
});
