/**
 * Hostile input on the cases API: wrong types, NUL bytes, huge numbers, ids of real rows,
 * random query strings — a 4xx (or a success), never a 500, and the audit chain stays whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildCaseWorld, requestBody, type CaseWorld } from '../../../../test/helpers/cases.js';
import { verifyAudit } from '../../platform/audit/verify.js';

let t: TestApp;
let w: CaseWorld;
let caseId = 0;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCaseWorld(t);
  caseId = (await w.clients.resident.post('/api/cases', requestBody(w))).json().case.id;
});
afterAll(() => t.close());

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '%', "'; DROP TABLE cases; --", 'complaint', 'report', 'hotline', 'emergency', 'satisfied', 'dissatisfied', '20261129-000001'),
  fc.integer({ min: -5, max: 60 }),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, 2 ** 63, Number.MAX_SAFE_INTEGER, 1e308, -91, 181),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer({ min: 1, max: 60 })), { maxLength: 5 }),
);
const keys = ['type', 'title', 'description', 'categoryId', 'nodeId', 'address', 'latitude', 'longitude', 'contactName', 'contactPhone', 'urgency', 'channel', 'isPublic', 'aboutOfficial', 'version', 'reason', 'answer', 'intoCaseId', 'orgId', 'postId', 'coOrgIds', 'suggestedOrgId', 'decision', 'message', 'workingDays', 'approved', 'passed', 'rating', 'comment', 'caseIds'];
const body = fc.dictionary(fc.constantFrom(...keys), nasty, { maxKeys: 10 });
const actions = ['accept', 'refuse', 'answer', 'merge', 'dispatch', 'objection', 'objection-decision', 'sign', 'start', 'extension', 'extension-decision', 'reply', 'verify', 'close', 'rate', 'redo', 'reopen', 'support'];

describe('no 500 on bad input', () => {
  it('answers garbage intake with a 4xx (or a success)', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await w.clients.operator.post('/api/cases', { ...requestBody(w), ...b });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('answers garbage actions from every role with a 4xx (or a success)', async () => {
    const roles = ['dispatcher', 'handler', 'verifier', 'resident', 'resident2'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...roles), fc.constantFrom(...actions), fc.constantFrom(caseId, 0, -1, 999999999), body, async (role, action, id, b) => {
        const res = await w.clients[role].post(`/api/cases/${id}/${action}`, b);
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('answers random list and lookup queries with a 4xx or 200', async () => {
    const params = ['box', 'state', 'categoryId', 'nodeId', 'q', 'from', 'to', 'overdue', 'limit', 'offset', 'code'];
    const urls = ['/api/cases', '/api/me/cases', '/api/public/cases', '/api/public/cases/track', '/api/cases/export.xlsx'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), fc.dictionary(fc.constantFrom(...params), fc.oneof(fc.string(), fc.constantFrom('to_dispatch', 'overdue', '2026-13-45', '20261129-000001', '13800000000'))), async (url, query) => {
        const res = await w.clients.dispatcher.get(`${url}?${new URLSearchParams(query).toString()}`);
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
