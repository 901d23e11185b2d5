/**
 * Deadlines of real cases across the 2026 National Day holiday and its 调休 make-up
 * Saturday, on the calendar loaded at install, and after an admin edits the calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildCaseWorld, requestBody, type CaseWorld } from '../../../../test/helpers/cases.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { GzApp } from '../../platform/module.js';

let t: TestApp;
let w: CaseWorld;
let now = new Date('2026-09-30T02:00:00Z'); // 10:00 in Shanghai, the eve of 国庆节
let clocked: GzApp;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCaseWorld(t);
  // A second app on the same database whose clock the test sets.
  clocked = await buildApp({ config: loadConfig({ GONGZHI_WEB_DIR: '/nonexistent', GONGZHI_RATE_LIMIT: '100000' }), database: t.test.database, logger: false, clock: () => now });
  await clocked.ready();
});
afterAll(async () => {
  await clocked.close();
  await t.close();
});

const call = (who: keyof CaseWorld['clients'], method: 'GET' | 'POST', url: string, payload?: unknown) =>
  clocked.inject({ method, url, headers: { cookie: w.clients[who].cookie, 'x-csrf-token': w.clients[who].csrf }, ...(payload === undefined ? {} : { payload: payload as string }) });

describe('deadlines on the working-day calendar', () => {
  it('counts 7 working days over 国庆 and the 调休 Saturday', async () => {
    now = new Date('2026-09-30T02:00:00Z');
    const c = (await call('resident', 'POST', '/api/cases', requestBody(w))).json().case;
    const d = (await call('dispatcher', 'POST', `/api/cases/${c.id}/dispatch`, {})).json();
    // Oct 1–7 off; Oct 8, 9, 10 (调休 Saturday), 12, 13, 14, 15 → due at the end of Oct 15 (Shanghai).
    expect(d.feedbackDueAt).toBe('2026-10-15T16:00:00.000Z');
    // Signing is due within 24 clock hours, holidays or not.
    expect(d.stepDueAt).toBe('2026-10-01T02:00:00.000Z');
  });

  it('follows an administrator\'s edit of the calendar', async () => {
    const made = await w.clients.admin.put('/api/cases/calendar/2026-10-12', { kind: 'holiday', name: '测试调休' });
    expect(made.statusCode, made.body).toBeLessThan(300);
    now = new Date('2026-09-30T02:00:00Z');
    const c = (await call('resident', 'POST', '/api/cases', requestBody(w))).json().case;
    const d = (await call('dispatcher', 'POST', `/api/cases/${c.id}/dispatch`, {})).json();
    expect(d.feedbackDueAt).toBe('2026-10-16T16:00:00.000Z'); // one day later
  });
});
