/**
 * 触发阈值设置 through HTTP: defaults until saved; the deployment's settings only by someone
 * whose scope covers every root, a subtree's by accountability.write over it; ranges checked
 * per trigger; each scope's row saved at the version read (409 otherwise); a subtree may go
 * back to inheriting; every save audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { queryRows } from '../../platform/db/database.js';

let t: TestApp;
let c: Record<'district' | 'street' | 'elsewhere' | 'cadre', Client>;
let district: { id: number; path: string };
let street: { id: number; path: string };

beforeAll(async () => {
  t = await buildTestApp();
  // The only root of this database, so a district grant covers the whole deployment.
  district = await makeNode(t.db, { level: 'district' });
  street = await makeNode(t.db, { level: 'street', parent: district });
  const other = await makeNode(t.db, { level: 'street', parent: district });
  const sfx = district.id;
  await makeUser(t.db, { username: `district${sfx}`, roles: [{ role: 'discipline_inspector', nodeId: district.id }] });
  await makeUser(t.db, { username: `street${sfx}`, roles: [{ role: 'discipline_inspector', nodeId: street.id }] });
  await makeUser(t.db, { username: `elsewhere${sfx}`, roles: [{ role: 'discipline_inspector', nodeId: other.id }] });
  await makeUser(t.db, { username: `cadre${sfx}`, roles: [{ role: 'cadre', nodeId: district.id }] });
  c = {} as typeof c;
  for (const name of ['district', 'street', 'elsewhere', 'cadre'] as const) c[name] = await login(t.app, `${name}${sfx}`);
});
afterAll(() => t.close());

type View = { nodeId: number | null; path: string; items: Array<{ kind: string; enabled: boolean; threshold: number | null; minCases: number | null; fromPath: string | null; version: number }>; overrides: Array<{ kind: string; nodeId: number; threshold: number | null }> };
const URL = '/api/accountability/review-settings';
const item = (v: View, kind: string) => v.items.find((i) => i.kind === kind)!;
const put = (who: Client, nodeId: number | null, items: unknown[]) => who.put(URL, { nodeId, items });
const overdue = (threshold: number, version: number) => ({ kind: 'overdue_cases', enabled: true, threshold, minCases: null, version });

describe('review settings', () => {
  it('shows the defaults until something is saved', async () => {
    const res = await c.district.get(URL);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as View;
    expect(v).toMatchObject({ nodeId: null, path: '/', overrides: [] });
    expect(v.items).toEqual([
      { kind: 'overdue_cases', enabled: true, threshold: 3, minCases: null, fromPath: null, version: 0 },
      { kind: 'objections_overruled', enabled: true, threshold: 3, minCases: null, fromPath: null, version: 0 },
      { kind: 'dissatisfaction_rate', enabled: true, threshold: 20, minCases: 10, fromPath: null, version: 0 },
      { kind: 'failing_scorecard', enabled: true, threshold: null, minCases: null, fromPath: null, version: 0 },
    ]);
  });

  it('checks ranges per trigger, with the field at fault', async () => {
    const bad: Array<[unknown, string]> = [
      [overdue(0, 0), 'body.items.0.threshold'],
      [overdue(2.5, 0), 'body.items.0.threshold'],
      [{ ...overdue(3, 0), minCases: 5 }, 'body.items.0.minCases'],
      [{ kind: 'dissatisfaction_rate', enabled: true, threshold: 100, minCases: 10, version: 0 }, 'body.items.0.threshold'],
      [{ kind: 'dissatisfaction_rate', enabled: true, threshold: 20, minCases: 0, version: 0 }, 'body.items.0.minCases'],
      [{ kind: 'failing_scorecard', enabled: true, threshold: 60, minCases: null, version: 0 }, 'body.items.0.threshold'],
      [{ ...overdue(3, 0), inherit: true }, 'body.items.0.inherit'],
    ];
    for (const [body, path] of bad) {
      const res = await put(c.district, null, [body]);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    expect((await put(c.district, null, [overdue(3, 0), overdue(4, 0)])).json().errors[0].code).toBe('accountability_settings_duplicate');
    expect((await put(c.district, null, [{ ...overdue(3, 0), threshold: '3' }])).statusCode).toBe(400);
    expect((await put(c.district, null, [])).statusCode).toBe(400);
  });

  it('lets only someone over every root set the deployment’s thresholds', async () => {
    expect((await c.street.get(URL)).statusCode).toBe(403);
    expect((await put(c.street, null, [overdue(5, 0)])).statusCode).toBe(403);
    expect((await c.cadre.get(URL)).statusCode).toBe(403);
    const saved = await put(c.district, null, [overdue(5, 0), { kind: 'failing_scorecard', enabled: false, threshold: null, minCases: null, version: 0 }]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(item(saved.json(), 'overdue_cases')).toEqual({ kind: 'overdue_cases', enabled: true, threshold: 5, minCases: null, fromPath: '/', version: 1 });
    expect(item(saved.json(), 'failing_scorecard')).toMatchObject({ enabled: false, fromPath: '/', version: 1 });
    const stale = await put(c.district, null, [overdue(6, 0)]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'accountability_version_conflict' });
    expect((await put(c.district, null, [overdue(6, 1)])).statusCode).toBe(200);
  });

  it('a subtree overrides the deployment within it, by accountability.write over it', async () => {
    expect((await put(c.elsewhere, street.id, [overdue(2, 0)])).statusCode).toBe(403);
    expect((await c.elsewhere.get(`${URL}?nodeId=${street.id}`)).statusCode).toBe(403);
    expect((await c.street.get(`${URL}?nodeId=99999999`)).statusCode).toBe(404);
    const before = (await c.street.get(`${URL}?nodeId=${street.id}`)).json() as View;
    expect(item(before, 'overdue_cases')).toMatchObject({ threshold: 6, fromPath: '/', version: 0 });
    const saved = await put(c.street, street.id, [overdue(2, 0)]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(item(saved.json(), 'overdue_cases')).toMatchObject({ threshold: 2, fromPath: street.path, version: 1 });
    expect(item(saved.json(), 'objections_overruled')).toMatchObject({ threshold: 3, fromPath: null, version: 0 });
    // The district's inspector sees where the street overrides; the deployment's own value is untouched.
    const deployment = (await c.district.get(URL)).json() as View;
    expect(item(deployment, 'overdue_cases').threshold).toBe(6);
    expect(deployment.overrides).toEqual([{ kind: 'overdue_cases', nodeId: street.id, path: street.path, enabled: true, threshold: 2, minCases: null }]);
  });

  it('a subtree goes back to inheriting', async () => {
    expect((await put(c.street, street.id, [{ ...overdue(2, 0), inherit: true }])).statusCode).toBe(409);
    const back = await put(c.street, street.id, [{ ...overdue(2, 1), inherit: true }]);
    expect(back.statusCode, back.body).toBe(200);
    expect(item(back.json(), 'overdue_cases')).toMatchObject({ threshold: 6, fromPath: '/', version: 0 });
    expect(back.json().overrides).toEqual([]);
  });

  it('audits every save; the chain verifies', async () => {
    const rows = await queryRows<{ changes: { path: string } }>(t.db, sql`SELECT changes FROM audit_log WHERE action = 'accountability.review_settings' ORDER BY seq`);
    expect(rows.map((r) => r.changes.path)).toEqual(['/', '/', street.path, street.path]);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
