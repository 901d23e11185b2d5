/**
 * The outbox end to end on a real database (PGlite, or PostgreSQL with DATABASE_URL):
 * enqueue inside the caller's transaction, dedupe, delivery, backoff, failure, and two
 * concurrent deliverers sending each message exactly once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { makeUser } from '../../../../test/helpers/app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../../../../test/helpers/db.js';
import { queryRows, type Db } from '../db/database.js';
import { inAppAdapter, PermanentDeliveryError, type Adapters, type ChannelAdapter, type Delivery } from './adapters.js';
import { backoffMs, deliverDue } from './deliver.js';
import { notifications, outbox } from './notify.tables.js';
import { enqueue } from './outbox.js';
import { registerTemplates } from './templates.js';

registerTemplates({
  'test.hello': {
    'zh-CN': (p) => ({ title: `你好 ${String(p.name)}`, body: `请致电 13812345678 联系 ${String(p.name)}` }),
    'en-US': (p) => ({ title: `Hello ${String(p.name)}`, body: `Call 13812345678 about ${String(p.name)}` }),
    link: (p) => `/console/things/${String(p.id ?? 0)}`,
  },
});

let t: TestDatabase;
let db: Db;
let alice: number;
let bob: number;
const T0 = new Date('2030-03-01T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An adapter that records what it was asked to send (and can fail or wait). */
function recorder(opts: { fail?: (m: Delivery) => Error | undefined; delayMs?: number; transactional?: boolean } = {}) {
  const calls: Delivery[] = [];
  const adapter: ChannelAdapter = {
    transactional: opts.transactional ?? false,
    async send(m, ctx) {
      calls.push(m);
      if (opts.delayMs) await sleep(opts.delayMs);
      const err = opts.fail?.(m);
      if (err) throw err;
      if (opts.transactional) await inAppAdapter.send(m, ctx);
    },
  };
  return { adapter, calls };
}

function adaptersWith(over: Partial<Adapters>): Adapters {
  const none = recorder().adapter;
  return { in_app: inAppAdapter, email: none, sms: none, wechat: none, ...over };
}

async function rows() {
  return db.select().from(outbox).orderBy(outbox.id);
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  alice = (await makeUser(db, { username: 'n-alice' })).id;
  bob = (await makeUser(db, { username: 'n-bob' })).id;
});
afterAll(() => t.close());
beforeEach(async () => {
  await db.delete(notifications);
  await db.delete(outbox);
});

describe('enqueue', () => {
  it('writes nothing when the caller’s transaction rolls back, so nothing is sent', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, { channel: 'in_app', recipient: String(alice), template: 'test.hello', params: { name: 'x' }, now: T0 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows()).toHaveLength(0);
    const sms = recorder();
    expect(await deliverDue(db, adaptersWith({ sms: sms.adapter }), at(60_000))).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0 });
    expect(sms.calls).toHaveLength(0);
  });

  it('inserts several messages in one statement and skips a repeated dedupe key', async () => {
    const ids = await db.transaction((tx) =>
      enqueue(tx, [
        { channel: 'in_app', recipient: String(alice), template: 'test.hello', dedupeKey: 'k1', now: T0 },
        { channel: 'in_app', recipient: String(bob), template: 'test.hello', dedupeKey: 'k1', now: T0 },
        { channel: 'in_app', recipient: String(alice), template: 'test.hello', dedupeKey: 'k1', now: T0 }, // same key, channel, recipient
        { channel: 'sms', recipient: '13812345678', template: 'test.hello', dedupeKey: 'k1', now: T0 },
        { channel: 'in_app', recipient: String(alice), template: 'test.hello', now: T0 }, // no key: never deduplicated
        { channel: 'in_app', recipient: String(alice), template: 'test.hello', now: T0 },
      ]),
    );
    expect(ids).toHaveLength(5);
    // A later transaction with the same key adds nothing.
    expect(await enqueue(db, { channel: 'in_app', recipient: String(alice), template: 'test.hello', dedupeKey: 'k1', now: at(1000) })).toEqual([]);
    const all = await rows();
    expect(all).toHaveLength(5);
    expect(all[0]).toMatchObject({ status: 'pending', attempts: 0, params: {}, nextAttemptAt: T0, createdAt: T0, sentAt: null });
  });

  it('refuses an in-app recipient that is not a user id', async () => {
    await expect(enqueue(db, { channel: 'in_app', recipient: 'someone@example.com', template: 'test.hello', now: T0 })).rejects.toThrow(/user id/);
    expect(await enqueue(db, [])).toEqual([]);
  });
});

describe('delivery', () => {
  it('delivers in-app rows into notifications and others through their adapter, then marks them sent', async () => {
    await enqueue(db, [
      { channel: 'in_app', recipient: String(alice), template: 'test.hello', params: { name: '张三', id: 7 }, now: T0 },
      { channel: 'email', recipient: 'zhang@example.com', template: 'test.hello', params: { name: '张三' }, now: T0 },
    ]);
    const email = recorder();
    const r = await deliverDue(db, adaptersWith({ email: email.adapter }), at(1000));
    expect(r).toEqual({ claimed: 2, sent: 2, retried: 0, failed: 0 });
    expect(email.calls).toEqual([expect.objectContaining({ recipient: 'zhang@example.com', title: '你好 张三', attempt: 1 })]);
    const [n] = await db.select().from(notifications);
    expect(n).toMatchObject({ userId: alice, template: 'test.hello', params: { name: '张三', id: 7 }, link: '/console/things/7', readAt: null });
    const all = await rows();
    expect(all.map((o) => [o.status, o.attempts, o.sentAt?.toISOString()])).toEqual([
      ['sent', 1, at(1000).toISOString()],
      ['sent', 1, at(1000).toISOString()],
    ]);
    // Nothing is due any more.
    expect((await deliverDue(db, adaptersWith({ email: email.adapter }), at(3_600_000))).claimed).toBe(0);
    expect(email.calls).toHaveLength(1);
  });

  it('does not send a message before it is due', async () => {
    await enqueue(db, { channel: 'sms', recipient: '13812345678', template: 'test.hello', now: at(10_000) });
    const sms = recorder();
    expect((await deliverDue(db, adaptersWith({ sms: sms.adapter }), at(9_999))).claimed).toBe(0);
    expect((await deliverDue(db, adaptersWith({ sms: sms.adapter }), at(10_000))).sent).toBe(1);
  });

  it('retries with exponential backoff and marks the row failed after the last attempt', async () => {
    await enqueue(db, { channel: 'sms', recipient: '13812345678', template: 'test.hello', params: { name: 'x' }, now: T0 });
    const sms = recorder({ fail: () => new Error('gateway down for 13900001111') });
    const adapters = adaptersWith({ sms: sms.adapter });
    let now = T0;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const r = await deliverDue(db, adapters, now, { maxAttempts: 4, random: () => 0.5 });
      expect(r).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
      const [row] = await rows();
      expect(row).toMatchObject({ status: 'pending', attempts: attempt });
      expect(row!.lastError).toBe('gateway down for 139****1111'); // phone numbers are masked in errors too
      waits.push(row!.nextAttemptAt.getTime() - now.getTime());
      // One millisecond early: not due.
      expect((await deliverDue(db, adapters, new Date(row!.nextAttemptAt.getTime() - 1))).claimed).toBe(0);
      now = row!.nextAttemptAt;
    }
    expect(waits).toEqual([30_000, 60_000, 120_000]);
    const last = await deliverDue(db, adapters, now, { maxAttempts: 4 });
    expect(last).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 4, sentAt: null });
    expect(sms.calls).toHaveLength(4);
    expect((await deliverDue(db, adapters, at(365 * 86_400_000))).claimed).toBe(0);
  });

  it('computes backoff as 30 s × 2^n with jitter, capped', () => {
    expect(backoffMs(1, () => 0.5)).toBe(30_000);
    expect(backoffMs(4, () => 0.5)).toBe(240_000);
    expect(backoffMs(1, () => 0)).toBe(22_500);
    expect(backoffMs(1, () => 0.999999)).toBeLessThanOrEqual(37_500);
    expect(backoffMs(40, () => 0.5)).toBe(6 * 3_600_000);
  });

  it('fails at once, with a clear error, for an unknown template, a permanent error or a missing user', async () => {
    await enqueue(db, [
      { channel: 'email', recipient: 'a@example.com', template: 'test.nope', now: T0 },
      { channel: 'sms', recipient: '13812345678', template: 'test.hello', now: T0 },
      { channel: 'in_app', recipient: '999999999', template: 'test.hello', now: T0 },
      { channel: 'in_app', recipient: String(bob), template: 'test.hello', now: T0 },
    ]);
    const email = recorder();
    const sms = recorder({ fail: () => new PermanentDeliveryError('number is not reachable') });
    const r = await deliverDue(db, adaptersWith({ email: email.adapter, sms: sms.adapter }), at(1000));
    expect(r).toEqual({ claimed: 4, sent: 1, retried: 0, failed: 3 });
    const all = await rows();
    expect(all.map((o) => [o.status, o.attempts])).toEqual([
      ['failed', 1],
      ['failed', 1],
      ['failed', 1],
      ['sent', 1],
    ]);
    expect(all[0]!.lastError).toMatch(/unknown template "test\.nope"/);
    expect(all[1]!.lastError).toMatch(/number is not reachable/);
    expect(all[2]!.lastError).toMatch(/no user 999999999/);
    expect(email.calls).toHaveLength(0);
    // The failed in-app insert was rolled back to its savepoint; the other one committed.
    expect(await db.select().from(notifications)).toEqual([expect.objectContaining({ userId: bob })]);
  });

  it('does not mark a row whose lease was taken over by another deliverer', async () => {
    await enqueue(db, { channel: 'email', recipient: 'a@example.com', template: 'test.hello', now: T0 });
    // A deliverer whose send outlasts its (tiny) lease: meanwhile another one re-claims the row.
    let rescued = 0;
    const slow: ChannelAdapter = {
      async send() {
        if (rescued++ === 0) await deliverDue(db, adaptersWith({ email: { send: async () => undefined } }), at(5_000), { leaseMs: 1 });
      },
    };
    const r = await deliverDue(db, adaptersWith({ email: slow }), at(1000), { leaseMs: 1 });
    expect(r.sent).toBe(0); // its mark found the lease gone
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'sent', sentAt: at(5_000) });
  });
});

describe('exactly once under concurrency', () => {
  it('two deliverers running at once send each message once', async () => {
    const n = 40;
    await enqueue(
      db,
      Array.from({ length: n }, (_, i) =>
        i % 2 === 0
          ? { channel: 'in_app' as const, recipient: String(i % 4 === 0 ? alice : bob), template: 'test.hello', params: { name: i }, now: T0 }
          : { channel: 'sms' as const, recipient: `1381234${String(i).padStart(4, '0')}`, template: 'test.hello', params: { name: i }, now: T0 },
      ),
    );
    // Slow adapters keep each claiming transaction open while the other deliverer claims.
    const inApp = recorder({ transactional: true, delayMs: 5 });
    const sms = recorder({ delayMs: 2 });
    const adapters = adaptersWith({ in_app: inApp.adapter, sms: sms.adapter });
    const now = at(1000);
    const results = [];
    for (let round = 0; round < 10; round++) {
      const pair = await Promise.all([deliverDue(db, adapters, now, { batch: 7 }), deliverDue(db, adapters, now, { batch: 7 })]);
      results.push(...pair);
      if (pair.every((r) => r.claimed === 0)) break;
    }
    const ids = [...inApp.calls, ...sms.calls].map((c) => c.id).sort((a, b) => a - b);
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(n);
    expect(results.reduce((s, r) => s + r.sent, 0)).toBe(n);
    expect(results.reduce((s, r) => s + r.claimed, 0)).toBe(n);
    const [distinct] = await queryRows<{ count: number }>(db, sql`SELECT count(DISTINCT outbox_id)::int AS count FROM notifications`);
    expect(distinct!.count).toBe(n / 2);
    expect(await db.select().from(notifications)).toHaveLength(n / 2);
    expect((await db.select().from(outbox).where(eq(outbox.status, 'sent'))).length).toBe(n);
    if (onPostgres) {
      // On PostgreSQL both deliverers really ran side by side: the first round split the rows.
      expect(results[0]!.claimed).toBeGreaterThan(0);
      expect(results[1]!.claimed).toBeGreaterThan(0);
    }
  });

  it('delivering the same in-app row twice adds one notification', async () => {
    const [id] = await enqueue(db, { channel: 'in_app', recipient: String(alice), template: 'test.hello', now: T0 });
    const m: Delivery = { id: id!, channel: 'in_app', recipient: String(alice), template: 'test.hello', params: {}, title: 't', body: 'b', link: null, attempt: 1 };
    await inAppAdapter.send(m, { ex: db, now: T0 });
    await inAppAdapter.send(m, { ex: db, now: T0 });
    expect(await db.select().from(notifications)).toHaveLength(1);
  });
});
