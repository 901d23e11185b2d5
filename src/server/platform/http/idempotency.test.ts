/**
 * Idempotency-Key on create routes, through POST /api/cases on a real database: a retry
 * replays the first response, concurrent twins make one case, a key is bound to its
 * request and to its caller, failures release the key, keys expire after a day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildCaseWorld, requestBody, type CaseWorld } from '../../../../test/helpers/cases.js';
import { queryRows } from '../db/database.js';
import { IDEMPOTENCY_TTL_MS, purgeIdempotencyKeys } from './idempotency.js';

let t: TestApp;
let w: CaseWorld;
let seq = 0;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCaseWorld(t);
});
afterAll(() => t.close());

const title = () => `幂等测试${++seq}`;
const key = () => `key-${seq}-${Math.random().toString(36).slice(2)}`;
const countCases = async (caseTitle: string) => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM cases WHERE title = ${caseTitle}`))[0]!.n;
const post = (body: unknown, idempotencyKey?: string, who = w.clients.resident) => who.post('/api/cases', body, idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey });

describe('Idempotency-Key', () => {
  it('replays the first response to a retry with the same key', async () => {
    const body = requestBody(w, { title: title() });
    const k = key();
    const first = await post(body, k);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const second = await post(body, k);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['content-type']).toContain('application/json');
    // The same case; the one-time tracking code is never stored, so the replay comes without it.
    const { trackingCode, ...rest } = first.json();
    expect(trackingCode).toMatch(/^[0-9A-Z-]{19}$/);
    expect(second.json()).toEqual(rest);
    const [stored] = await queryRows<{ text: string }>(t.db, sql`SELECT body->>'text' AS text FROM idempotency_keys WHERE key = ${k}`);
    expect(stored!.text).not.toContain(trackingCode);
    expect(await countCases(body.title)).toBe(1);
  });

  it('makes exactly one case of concurrent identical requests', async () => {
    const body = requestBody(w, { title: title() });
    const k = key();
    const results = await Promise.all([post(body, k), post(body, k), post(body, k)]);
    const statuses = results.map((r) => r.statusCode);
    expect(statuses).toContain(201);
    for (const r of results) expect([201, 409], r.body).toContain(r.statusCode);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('idempotency_in_progress');
    expect(await countCases(body.title)).toBe(1);
    // Once settled, a retry gets the stored response.
    const retry = await post(body, k);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses the same key with another body (422) and keeps the first case', async () => {
    const k = key();
    const body = requestBody(w, { title: title() });
    expect((await post(body, k)).statusCode).toBe(201);
    const other = await post({ ...body, description: '另一段不同的描述，应被拒绝。' }, k);
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json().code).toBe('idempotency_key_reused');
    expect(await countCases(body.title)).toBe(1);
  });

  it('keeps keys per caller: another user with the same key gets their own case', async () => {
    const k = key();
    const body = requestBody(w, { title: title() });
    const mine = await post(body, k);
    const theirs = await post(body, k, w.clients.resident2);
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().case.id).not.toBe(mine.json().case.id);
    expect(await countCases(body.title)).toBe(2);
  });

  it('changes nothing without the header', async () => {
    const body = requestBody(w, { title: title() });
    expect((await post(body)).statusCode).toBe(201);
    expect((await post(body)).statusCode).toBe(201);
    expect(await countCases(body.title)).toBe(2);
    const [stored] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM idempotency_keys WHERE body::text LIKE ${`%${body.title}%`}`);
    expect(stored!.n).toBe(0);
  });

  it('releases the key when the request fails, so a corrected retry goes through', async () => {
    const k = key();
    const caseTitle = title();
    // A category that does not exist: refused by the command, after the key was claimed.
    const refused = await post(requestBody(w, { title: caseTitle, categoryId: 99_999_999 }), k);
    expect(refused.statusCode).toBe(422);
    const ok = await post(requestBody(w, { title: caseTitle }), k);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.headers['idempotent-replayed']).toBeUndefined();
    expect(await countCases(caseTitle)).toBe(1);
  });

  it('refuses malformed keys with a 400 problem', async () => {
    for (const bad of ['has space', 'x'.repeat(256), 'ключ']) {
      const res = await post(requestBody(w, { title: title() }), bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('idempotency_key_invalid');
    }
    expect((await post(requestBody(w, { title: title() }), '~'.repeat(255))).statusCode).toBe(201);
  });

  it('forgets keys after 24 hours', async () => {
    const k = key();
    const body = requestBody(w, { title: title() });
    expect((await post(body, k)).statusCode).toBe(201);
    const old = new Date(Date.now() - IDEMPOTENCY_TTL_MS - 1000);
    await t.db.execute(sql`UPDATE idempotency_keys SET created_at = ${old} WHERE key = ${k}`);
    // An expired key is free again even before the clean-up job has run…
    const again = await post(body, k);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await countCases(body.title)).toBe(2);
    // …and the job deletes what has expired.
    await t.db.execute(sql`UPDATE idempotency_keys SET created_at = ${old} WHERE key = ${k}`);
    expect(await purgeIdempotencyKeys(t.db, new Date())).toBeGreaterThanOrEqual(1);
    const [left] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = ${k}`);
    expect(left!.n).toBe(0);
  });
});
