/**
 * The demo district's supervision: its inspector and custodian have keys from the seed, so a
 * report filed before either has signed in is readable by the inspector at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from '../../../../test/helpers/app.js';
import { seedDemo } from '../../seed.js';
import { DEMO_PASSWORD } from '../org/demo-logins.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.db, new Date());
}, 120_000);
afterAll(() => t.close());

describe('demo supervision', () => {
  it('gives the demo inspector reports at several steps, readable with their key', async () => {
    const inspector = await login(t.app, 'inspector', DEMO_PASSWORD);
    const items = (await inspector.get('/api/supervision/reports')).json().items as Array<{ id: number; state: string }>;
    expect(items.map((i) => i.state).sort()).toEqual(['accepted', 'concluded', 'investigating', 'received']);
    const opened = await inspector.get(`/api/supervision/reports/${items[0]!.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().matter.content.length).toBeGreaterThan(10);
  });

  it('seals a report filed before anyone signs in to the demo inspector and custodian', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/supervision/reports', payload: { anonymous: true, accused: '某社区书记', content: '违规占用集体用房开办麻将馆，收取管理费' } });
    expect(res.statusCode, res.body).toBe(201);
    const inspector = await login(t.app, 'inspector', DEMO_PASSWORD);
    const [item] = (await inspector.get('/api/supervision/reports')).json().items; // newest first
    const report = await inspector.get(`/api/supervision/reports/${item.id}`);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().matter.content).toContain('麻将馆');
    const custodian = await login(t.app, 'custodian', DEMO_PASSWORD);
    expect((await custodian.get('/api/supervision/identity-requests')).statusCode).toBe(200);
  });
});
